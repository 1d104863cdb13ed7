"""The offence catalogue: SOA 2003 Schedule 3 and CJA 2003 Schedule 15, entry by entry.

SOA 2003 s.80(1) and Sch 3: an offence triggers notification only if listed, and only where the paragraph's
conditions (victim's age, offender's age, sentence) are met. CJA 2003 s.327(3)(a) and Sch 15: the offences that
can make Category 2. https://www.legislation.gov.uk/ukpga/2003/42/schedule/3
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, default_rulebook, notification_period
from mappa_rules.decision import Status
from mappa_rules.engine import Scope
from mappa_rules.offences import SCHEDULE_3, SCHEDULE_15, listing_answer, listing_limb, offence_catalogue
from mappa_rules.offences.catalogue import SENTENCING_FACTS
from mappa_rules.vocabulary import DISPOSAL_VALUES

BOOK = default_rulebook()
SCH3 = offence_catalogue(BOOK).listings[SCHEDULE_3]
SCH15 = offence_catalogue(BOOK).listings[SCHEDULE_15]
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
    for listing in (*SCH3.values(), *SCH15.values()):
        entry = listing.entry
        assert entry.paragraph and entry.url.startswith("https://www.legislation.gov.uk/"), entry.offence
        assert listing.citation.provision.startswith(("Sch 3 para", "Sch 15 para")), entry.offence
        assert entry.in_force.start is not None and isinstance(entry.status, Status), entry.offence
    assert {listing.entry.part for listing in SCH15.values()} == {1, 2, 3}


def test_every_condition_refers_to_known_facts() -> None:
    """Every condition in the catalogue reads only facts that the library knows how to supply.

    Citation: SOA 2003 Sch 3 (the paragraphs' conditions). Status: derived.
    """
    for listing in (*SCH3.values(), *SCH15.values()):
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
