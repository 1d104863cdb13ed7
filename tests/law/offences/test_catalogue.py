"""The offence catalogue: SOA 2003 Schedule 3 and CJA 2003 Schedule 15, entry by entry.

SOA 2003 s.80(1) and Sch 3: an offence triggers notification only if listed, and only where the paragraph's
conditions (victim's age, offender's age, sentence) are met. CJA 2003 s.327(3)(a) and Sch 15: the offences that
can make Category 2. https://www.legislation.gov.uk/ukpga/2003/42/schedule/3
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mappa_rules import Case, Outcome, default_rulebook, notification_period
from mappa_rules.decision import Status
from mappa_rules.engine import Scope
from mappa_rules.offences import SCHEDULE_3, SCHEDULE_15, listing_answer, listing_limb, offence_catalogue
from mappa_rules.offences.catalogue import SENTENCING_FACTS, liability_paragraph
from mappa_rules.questions import QUESTIONS
from mappa_rules.vocabulary import DISPOSAL_VALUES

BOOK = default_rulebook()
SCH3 = offence_catalogue(BOOK).listings[SCHEDULE_3]
SCH15 = offence_catalogue(BOOK).listings[SCHEDULE_15]
ALL15 = [listing for group in offence_catalogue(BOOK).variants[SCHEDULE_15].values() for listing in group]
TWICE = sorted(i for i, group in offence_catalogue(BOOK).variants[SCHEDULE_15].items() if len(group) > 1)
OMITTED_2019 = date(2019, 4, 12)
AS_OF = date(2026, 11, 21)
UNCONDITIONAL = sorted(
    i for i, listing in SCH3.items() if listing.condition is None and listing.entry.in_force.end is None
)
VICTIM_AGE = sorted(i for i, listing in SCH3.items() if listing.condition and "victim_age" in listing.condition.names)
S80_SENTENCES = [
    {"kind": "imprisonment", "term": {"months": 2}},
    {"kind": "fine"},
    {"kind": "community_order", "length": {"months": 3}},
    {"kind": "conditional_discharge", "period": {"months": 6}},
    {"kind": "hospital_order", "restriction_order": False},
    {"kind": "caution"},
]


def _case(offence: dict[str, Any], sentence: dict[str, Any], relevant: date = date(2020, 6, 1)) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": "1980-01-01"},
        "disposals": [{"id": "a", "trigger": "caution" if sentence["kind"] == "caution" else "conviction",
                       "relevant_date": relevant, "sentence_date": relevant, "offence": offence,
                       "sentence": sentence}],
    })


def test_every_entry_has_a_citation_dates_and_status() -> None:
    """No entry of either schedule is without its paragraph, a link to the text, in-force dates and a status.

    Citation: SOA 2003 Sch 3; CJA 2003 Sch 15. Status: verified (as a convention of the catalogue).
    """
    for listing in (*SCH3.values(), *ALL15):
        entry = listing.entry
        assert entry.paragraph and entry.url.startswith("https://www.legislation.gov.uk/"), entry.offence
        assert listing.citation.provision.startswith(("Sch 3 para", "Sch 15 para")), entry.offence
        assert entry.in_force.start is not None and isinstance(entry.status, Status), entry.offence
    assert {listing.entry.part for listing in SCH15.values()} == {1, 2, 3}


def test_every_condition_refers_to_known_facts() -> None:
    """Every condition in the catalogue reads only facts that the library knows how to supply.

    Citation: SOA 2003 Sch 3 (the paragraphs' conditions). Status: derived.
    """
    for listing in (*SCH3.values(), *ALL15):
        if listing.condition is not None:
            for name in listing.condition.names:
                assert name in DISPOSAL_VALUES or name.startswith("param."), (listing.entry.offence, name)


@settings(max_examples=60)
@given(st.sampled_from(UNCONDITIONAL), st.sampled_from(S80_SENTENCES))
def test_unconditional_entries_trigger_for_any_disposal(offence_id: str, sentence: dict[str, Any]) -> None:
    """An offence listed in Schedule 3 without conditions makes a relevant offender whatever the disposal s.80
    covers (conviction with any sentence but an absolute discharge, caution, finding).

    Citation: SOA 2003 s.80(1), Sch 3. Status: verified.
    """
    decision = notification_period(_case({"offence_id": offence_id}, sentence), AS_OF)
    assert decision.outcome is Outcome.YES, decision.missing
    assert any(r.rule_id == f"offences.{SCHEDULE_3}.{offence_id}" for r in decision.reasons)


@settings(max_examples=60)
@given(st.sampled_from(VICTIM_AGE), st.sampled_from(S80_SENTENCES))
def test_victim_age_condition_never_met_by_unknown_age(offence_id: str, sentence: dict[str, Any]) -> None:
    """A condition on the victim's age is never satisfied by an unknown age: the answer is either decided on
    other grounds the paragraph allows, or undetermined naming the victim's age - never a guess.

    Citation: SOA 2003 Sch 3 (conditions on the victim's age). Status: derived.
    """
    unknown = notification_period(_case({"offence_id": offence_id, "offender_age": 30}, sentence), AS_OF)
    if unknown.outcome is Outcome.UNDETERMINED:
        assert "disposals[0].offence.victim_age" in [m.fact for m in unknown.missing]
        return
    for age in (5, 12, 15, 17, 40):
        known = notification_period(
            _case({"offence_id": offence_id, "offender_age": 30, "victim_age": age}, sentence), AS_OF)
        assert known.outcome is unknown.outcome


def test_caller_flag_conflicting_with_catalogue_is_a_warning() -> None:
    """Where the caller's Schedule 3 flag contradicts the catalogue, the catalogue decides and a warning says so.

    Citation: SOA 2003 Sch 3 para 3 (SOA 1956 s.6: only if the offender was 20 or over). Status: verified.
    """
    offence = {"offence_id": "soa1956.s6", "offender_age": 19, "schedule3": True}
    decision = notification_period(_case(offence, {"kind": "fine"}, date(2000, 1, 10)), AS_OF)
    assert decision.outcome is Outcome.NO
    assert "offences.conflict.schedule3" in [w.code for w in decision.warnings]


def test_unknown_offence_id_falls_back_to_flag_with_warning() -> None:
    """An offence id the catalogue does not know is never taken as unlisted: the caller's flag decides, or the
    answer is undetermined.

    Citation: SOA 2003 s.80(1); principle "never guess". Status: derived.
    """
    no_flag = notification_period(_case({"offence_id": "theft1968.s1"}, {"kind": "fine"}), AS_OF)
    assert no_flag.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in no_flag.missing] == ["disposals[0].offence.schedule3"]
    flagged = notification_period(_case({"offence_id": "theft1968.s1", "schedule3": False}, {"kind": "fine"}), AS_OF)
    assert flagged.outcome is Outcome.NO
    assert any(w.code.startswith("offences.unknown_id") for w in flagged.warnings)


SPLIT = sorted(i for i, listing in SCH3.items() if listing.sentencing is not None)
SENTENCES = [
    {"kind": "imprisonment", "term": {"months": m}} for m in (1, 6, 11, 12, 24, 30)
] + [{"kind": "fine"}, {"kind": "hospital_order", "restriction_order": True},
     {"kind": "hospital_order", "restriction_order": False}, {"kind": "community_order", "length": {"months": 6}},
     {"kind": "community_order", "length": {"months": 12}}]


@settings(max_examples=150)
@given(st.sampled_from(SPLIT), st.sampled_from(SENTENCES), st.integers(15, 21), st.integers(12, 19),
       st.booleans(), st.booleans(), st.sampled_from([date(2003, 6, 1), date(2020, 6, 1)]))
def test_each_entry_is_listed_exactly_when_one_of_its_limbs_is_met(
        offence_id: str, sentence: dict[str, Any], offender: int, victim: int, images: bool, purpose: bool,
        convicted: date) -> None:
    """For every Schedule 3 entry with a sentencing element, the offence is listed exactly when its condition of
    another description or its sentencing condition is met; the relevant date is the conviction when the first is
    met and the sentence when only the second is; and no sentencing fact appears in the other limb.

    Citation: SOA 2003 s.132(1)-(2), Sch 3. Status: derived (catalogue consistency).
    """
    listing = SCH3[offence_id]
    assert listing.other is None or not listing.other.names & SENTENCING_FACTS
    sentenced = date(convicted.year, 9, 1)
    offence = {"offence_id": offence_id, "offender_age": offender, "victim_age": victim, "intended_victim_age": victim,
               "images_showed_person_under_16": images, "purpose_sexual_gratification": purpose}
    case = Case.model_validate({"person": {"date_of_birth": None}, "disposals": [
        {"id": "a", "trigger": "conviction", "relevant_date": convicted, "sentence_date": sentenced,
         "offence": offence, "sentence": sentence}]})
    if not listing.entry.in_force.covers(max(convicted, date(2004, 5, 1))):
        return
    scope = Scope(BOOK, max(convicted, date(2004, 5, 1)), DISPOSAL_VALUES, case, case.disposals[0])
    listed, _ = listing_answer(scope, SCHEDULE_3, offence_id, scope.as_at)
    limb = listing_limb(scope, SCHEDULE_3, offence_id)
    assert listed is (limb in ("other", "sentencing"))
    relevant = scope.lookup("relevant_date")
    if limb == "other":
        assert relevant == convicted
    elif limb == "sentencing":
        assert relevant == sentenced


def test_a_flag_the_catalogue_cannot_confirm_is_used_with_a_warning_naming_the_fact() -> None:
    """Where the case gives both an offence id and the Schedule 3 flag and the catalogue cannot decide (its
    condition needs the offender's age), the flag decides with a warning naming the fact the catalogue needs; when
    that fact is added and the catalogue disagrees, the catalogue decides with a warning. Adding the offence id to a
    flag-only case never loses its answer.

    Citation: SOA 2003 Sch 3 para 28 (s.40: the offender's age decides which sentence lists it), Sch 3 para 95(b).
    Status: verified.
    """
    disposal = {"id": "a", "trigger": "conviction", "relevant_date": date(2020, 3, 2), "sentence_date":
                date(2020, 3, 2), "offence": {"offence_id": "soa2003.s40", "offence_date": date(2019, 6, 1),
                                              "schedule3": True},
                "sentence": {"kind": "hospital_order", "restriction_order": True}}
    flagged = notification_period(Case.model_validate({"disposals": [disposal]}), AS_OF)
    assert flagged.outcome is Outcome.YES and flagged.value["indefinite"] is True
    warning = next(w for w in flagged.warnings if w.code == "offences.unconfirmed.schedule3")
    assert "person.date_of_birth" in warning.message
    flag_only = {**disposal, "offence": {"schedule3": True}}
    assert notification_period(Case.model_validate({"disposals": [flag_only]}), AS_OF).outcome is Outcome.YES
    aged_16 = notification_period(
        Case.model_validate({"person": {"date_of_birth": date(2003, 1, 1)}, "disposals": [disposal]}), AS_OF)
    assert aged_16.outcome is Outcome.NO
    assert "offences.conflict.schedule3" in [w.code for w in aged_16.warnings]


LIABILITIES = ["attempt", "conspiracy", "incitement", "aiding_abetting_counselling_procuring",
               "encouraging_or_assisting"]
ANY_ENTRY = sorted({*SCH3, *SCH15})


@settings(max_examples=120)
@given(st.sampled_from(ANY_ENTRY), st.sampled_from(LIABILITIES), st.sampled_from(SENTENCES), st.integers(14, 40),
       st.integers(10, 30), st.dates(min_value=date(2009, 1, 1), max_value=date(2025, 1, 1)))
def test_inchoate_and_secondary_liability_is_listed_as_the_offence_itself(
        offence_id: str, liability: str, sentence: dict[str, Any], offender: int, victim: int, convicted: date) -> None:
    """An attempt, conspiracy or incitement to commit a listed offence, aiding, abetting, counselling or procuring it,
    and (from its paragraph's date) encouraging or assisting it, is listed exactly when the offence itself would be
    on the same facts, in both schedules, and the reason cites the general paragraph.

    Citation: SOA 2003 Sch 3 paras 94, 94A; CJA 2003 Sch 15 paras 64, 153, 174. Status: verified.
    """
    facts = {"offence_id": offence_id, "offender_age": offender, "victim_age": victim, "intended_victim_age": victim,
             "images_showed_person_under_16": True, "purpose_sexual_gratification": True}
    principal = notification_period(_case(facts, sentence, convicted), AS_OF)
    secondary = notification_period(_case({**facts, "liability": liability}, sentence, convicted), AS_OF)
    if offence_id in SCH3:
        assert secondary.value["subject"] == principal.value["subject"]
        if principal.value["subject"]:
            assert any(r.rule_id in (f"offences.{SCHEDULE_3}.para_94", f"offences.{SCHEDULE_3}.para_94a")
                       for r in secondary.reasons)
    category = QUESTIONS["category"]
    first = category(_case(facts, sentence, convicted), AS_OF, None).value["categories"]["2"]
    second = category(_case({**facts, "liability": liability}, sentence, convicted), AS_OF, None).value["categories"]
    assert second["2"] == first


AGED = sorted(i for i, listing in SCH3.items() if listing.condition and "offender_age" in listing.condition.names)


@settings(max_examples=80)
@given(st.sampled_from(AGED), st.dates(min_value=date(2010, 1, 1), max_value=date(2022, 1, 1)),
       st.integers(-40, 40), st.integers(0, 1500), st.integers(0, 200))
def test_ages_are_taken_at_the_time_of_the_offence(
        offence_id: str, offence_date: date, shift: int, wait: int, later: int) -> None:
    """Schedule 3 ages are the ages at the time of the offence: with the offence date and the date of birth fixed,
    moving the conviction and the sentence never changes whether an age condition lists the offence.

    Citation: SOA 2003 Sch 3 para 95(b). Status: verified.
    """
    if SCH3[offence_id].entry.in_force.start > offence_date:
        return  # no such offence then
    born = offence_date.replace(year=offence_date.year - 18) + timedelta(days=shift) if not (
        offence_date.month == 2 and offence_date.day == 29) else date(offence_date.year - 18, 3, 1)
    answers = set()
    for convicted in (offence_date + timedelta(days=wait), offence_date + timedelta(days=wait + 700)):
        case = Case.model_validate({"person": {"date_of_birth": born}, "disposals": [
            {"id": "a", "trigger": "conviction", "relevant_date": convicted,
             "sentence_date": convicted + timedelta(days=later),
             "offence": {"offence_id": offence_id, "offence_date": offence_date, "victim_age": 12,
                         "intended_victim_age": 12, "images_showed_person_under_16": True,
                         "purpose_sexual_gratification": True},
             "sentence": {"kind": "community_order", "length": {"months": 6}}}]})
        answers.add(notification_period(case, AS_OF).value["subject"])
    assert len(answers) == 1


@settings(max_examples=60)
@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2022, 1, 1)), st.integers(1, 60), st.integers(1, 60))
def test_an_age_that_differs_across_the_dates_of_the_offence_is_unknown(turns: date, before: int, after: int) -> None:
    """An offence dated over a range of days across which the offender turned 18 leaves a listing that turns on
    the offender's age undetermined, naming the offender's age; a range that stays on one side decides it.

    Citation: SOA 2003 Sch 3 paras 20, 95(b). Status: derived.
    """
    if (turns.month, turns.day) == (2, 29):
        turns += timedelta(days=1)
    born = turns.replace(year=turns.year - 18)

    def ask(first: date, last: date) -> Any:
        return notification_period(Case.model_validate({"person": {"date_of_birth": born}, "disposals": [
            {"id": "a", "trigger": "conviction", "relevant_date": last + timedelta(days=30),
             "sentence_date": last + timedelta(days=30),
             "offence": {"offence_id": "soa2003.s7", "offence_date": first, "offence_date_to": last,
                         "victim_age": 12},
             "sentence": {"kind": "community_order", "length": {"months": 12}}}]}), AS_OF)

    across = ask(turns - timedelta(days=before), turns + timedelta(days=after - 1))
    assert across.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in across.missing] == ["disposals[0].offence.offender_age"]
    assert ask(turns, turns + timedelta(days=after)).outcome is Outcome.YES
    assert ask(turns - timedelta(days=before + 1), turns - timedelta(days=1)).outcome is Outcome.NO


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2015, 1, 1)), st.integers(20, 40), st.integers(1, 5))
def test_a_stated_age_at_the_offence_that_the_date_of_birth_contradicts_is_rejected(
        offence_date: date, age: int, wrong_by: int) -> None:
    """An offender's age at the offence stated alongside a date of birth that gives another age is rejected as
    input, naming the field and the date of birth it contradicts (never the ages or dates: errors carry no values).

    Citation: SOA 2003 Sch 3 para 95(b). Status: verified.
    """
    born = date(offence_date.year - age, 1, 1) if offence_date >= date(offence_date.year, 1, 2) else None
    if born is None:
        return
    case = {"person": {"date_of_birth": born}, "disposals": [
        {"id": "a", "trigger": "conviction", "relevant_date": offence_date + timedelta(days=100),
         "offence": {"offence_id": "soa2003.s7", "offence_date": offence_date, "offender_age": age + wrong_by},
         "sentence": {"kind": "fine"}}]}
    with pytest.raises(ValidationError) as raised:
        Case.model_validate(case)
    message = raised.value.errors()[0]["msg"]
    assert "disposals[0].offence.offender_age contradicts person.date_of_birth" in message
    assert not any(str(n) in message for n in (age, age + wrong_by, born.year, offence_date.year))
    case["disposals"][0]["offence"]["offender_age"] = age
    Case.model_validate(case)


def test_the_twelve_terrorism_paragraphs_of_part_1_are_listed_twice() -> None:
    """Exactly the twelve offences of Part 1 paras 59A-59D, 60A-60C and 63B-63F (inserted from 12 January 2010) are
    also in Part 3, the paragraphs CTBSA 2019 Sch 4 para 9(2) omits "(which mention terrorism offences that appear in
    the new Part 3)".

    Citation: Criminal Justice Act 2003 Sch 15; Counter-Terrorism and Border Security Act 2019 Sch 4 para 9(2).
    Status: verified (the letter of each paragraph derived).
    """
    paragraphs = {"59A", "59B", "59C", "59D", "60A", "60B", "60C", "63B", "63C", "63D", "63E", "63F"}
    variants = offence_catalogue(BOOK).variants[SCHEDULE_15]
    assert len(TWICE) == 12
    assert {g.entry.paragraph for i in TWICE for g in variants[i] if g.entry.part == 1} == paragraphs
    assert {g.entry.part for i in TWICE for g in variants[i]} == {1, 3}


@settings(max_examples=80)
@given(st.sampled_from(TWICE), st.dates(min_value=date(2006, 1, 1), max_value=date(2025, 12, 31)),
       st.integers(0, 2000))
def test_no_offence_is_in_parts_1_and_3_for_the_same_person(offence_id: str, sentenced: date, later: int) -> None:
    """No offence is listed in Schedule 15 Part 1 and Part 3 for the same person: the twelve 2010 terrorism
    paragraphs of Part 1 reach persons sentenced before 12 April 2019, and Part 3 only persons sentenced on or after
    it. A person sentenced before 12 January 2010 is reached by Part 1 on the declared reading, which is warned.

    Citation: Counter-Terrorism and Border Security Act 2019 s.25(3), s.9(5), Sch 4 para 9(2). Status: verified
    (paragraph content derived; sentences before 12 January 2010 unverified).
    """
    as_of = date.fromordinal(max(sentenced.toordinal() + later, date(2010, 1, 12).toordinal()))
    case = _case({"offence_id": offence_id}, {"kind": "imprisonment", "term": {"years": 2}}, sentenced)
    case = case.model_copy(update={"disposals": [case.disposals[0].model_copy(update={"sentence_date": sentenced})]})
    scope = Scope(BOOK, as_of, DISPOSAL_VALUES, case, case.disposals[0])
    assert scope.lookup("schedule15") == ("part_1" if sentenced < OMITTED_2019 else "part_3")
    earlier = "mappa.category.cat2.sch15_terrorism_earlier_sentences" in scope.warnings
    assert earlier is (sentenced < date(2010, 1, 12))


@given(st.sampled_from(TWICE), st.dates(min_value=date(2010, 1, 12), max_value=date(2025, 12, 31)))
def test_an_unknown_sentence_date_is_named_only_where_the_part_turns_on_it(offence_id: str, convicted: date) -> None:
    """Where the sentence date is not given, the Part is decided from the conviction when every sentence passed on
    or after it falls on the same side of 12 April 2019; otherwise the sentence date is named, and the answers that
    do not turn on the Part (listed in some Part) are still given.

    Citation: Counter-Terrorism and Border Security Act 2019 s.25(3). Status: verified.
    """
    case = _case({"offence_id": offence_id}, {"kind": "imprisonment", "term": {"years": 2}}, convicted)
    case = case.model_copy(update={"disposals": [case.disposals[0].model_copy(update={"sentence_date": None})]})
    scope = Scope(BOOK, date(2026, 1, 1), DISPOSAL_VALUES, case, case.disposals[0])
    part = scope.lookup("schedule15")
    assert scope.lookup("schedule15_listed") is True
    if convicted >= OMITTED_2019:
        assert part == "part_3"
    else:
        assert scope.gaps_of(["schedule15"]) == ("disposals[0].sentence_date",)


LATER = sorted(i for i, listing in SCH3.items() if listing.entry.in_force.start > date(2004, 5, 1))


@settings(max_examples=40)
@given(st.sampled_from(LATER), st.integers(1, 3000))
def test_an_undated_disposal_is_not_refused_a_listing_that_came_into_force_after_the_as_at_date(
        offence_id: str, before: int) -> None:
    """Whether an offence is listed turns on the day of the conviction, finding or caution (s.80(1): "convicted of
    an offence listed in Schedule 3"). Asked before an entry came into force about a disposal whose date is unknown
    (it may come later, and is then answered under the law of its own day), the answer is never "no": it is
    undetermined, naming the disposal's date; a sentence before the entry came into force fixes the conviction
    before it, and then the offence is not listed (reduced from fuzz findings 04 and 05 of issue 11 item 3).

    Citation: SOA 2003 ss.80(1), 82(6), Sch 3. Status: derived.
    """
    start = SCH3[offence_id].entry.in_force.start
    as_of = start - timedelta(days=before)
    disposal: dict[str, Any] = {"id": "a", "trigger": "caution", "offence": {"offence_id": offence_id}}
    undated = notification_period(Case.model_validate({"disposals": [disposal]}), as_of)
    assert undated.outcome is not Outcome.NO
    assert "disposals[0].relevant_date" in [m.fact for m in undated.missing]
    disposal.update(trigger="conviction", sentence_date=start - timedelta(days=1))
    assert notification_period(Case.model_validate({"disposals": [disposal]}), as_of).outcome is Outcome.NO


@settings(max_examples=20)
@given(st.integers(1, 1500))
def test_an_undated_disposal_is_not_refused_para_94a_before_it_came_into_force(before: int) -> None:
    """The same for encouraging or assisting a listed offence (SCA 2007 Part 2), listed as the offence itself only
    from the day Sch 3 para 94A came into force: asked before that day about a conviction of unknown date, the
    answer is undetermined naming its date; a sentence before that day makes it "no".

    Citation: SOA 2003 s.80(1), Sch 3 paras 17, 94A. Status: derived.
    """
    paragraph = liability_paragraph(BOOK, SCHEDULE_3, "soa2003.s1", "encouraging_or_assisting")
    assert paragraph is not None and paragraph.paragraph == "94A"
    start = paragraph.in_force.start
    as_of = start - timedelta(days=before)
    disposal: dict[str, Any] = {"id": "a", "trigger": "conviction",
                                "offence": {"offence_id": "soa2003.s1", "liability": "encouraging_or_assisting"}}
    undated = notification_period(Case.model_validate({"disposals": [disposal]}), as_of)
    assert undated.outcome is not Outcome.NO
    assert "disposals[0].relevant_date" in [m.fact for m in undated.missing]
    disposal["sentence_date"] = start - timedelta(days=1)
    assert notification_period(Case.model_validate({"disposals": [disposal]}), as_of).outcome is Outcome.NO
