"""MAPPA categories: Criminal Justice Act 2003 ss.325-327 and the MAPPA Guidance, by date.

s.327(2): Category 1 is anyone subject to SOA 2003 Part 2 notification. s.327(3)-(4): Category 2 needs a
conviction (or finding) by a court in England and Wales for murder or a Schedule 15 offence with a qualifying
disposal - to 27 April 2022 any Part of Schedule 15 and imprisonment "for a term of 12 months or more"; from 28
April 2022 (Police, Crime, Sentencing and Courts Act 2022 s.189) Parts 1 and 2 only, imprisonment "not for a term
of less than 12 months" and custody for life. s.325(2)(b): Category 3. s.325(2)(aa), (c) and s.327(4B)-(4G), from
28 April 2022: the relevant terrorist offenders and terrorism-risk persons the Guidance calls Category 4. Only what
had happened by the date asked about counts, and an empty record is never "no".
https://www.legislation.gov.uk/ukpga/2003/44/section/327
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, mappa_category

AS_OF = date(2026, 11, 21)
CHANGE = date(2022, 4, 28)
RELEVANT = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 11, 1))
RISK = st.sampled_from([True, False, None])
PART_3 = ["ta2000.s11", "ta2000.s58", "ta2000.s58A", "ta2006.s1", "ta2006.s2", "ta2006.s8"]
NO_TERRORISM = {"risk": {"terrorism_risk": False}, "counter_terrorism": {"cta2008_notification": False}}


def _case(relevant: date, months: int, *, court: str = "england_wales", schedule3: bool = False,
          schedule15: str = "part_1", supervised: bool = True, risk: tuple[Any, Any] = (False, False)) -> Case:
    return Case.model_validate({
        "risk": {"may_cause_serious_harm": risk[0], "needs_multi_agency_management": risk[1], "terrorism_risk": False},
        "counter_terrorism": {"cta2008_notification": False},
        "disposals": [{
            "id": "a", "trigger": "conviction", "relevant_date": relevant, "court": court,
            "offence": {"schedule3": schedule3, "schedule3_sentencing_condition": False, "schedule15": schedule15,
                        "murder": False, "s327_4a": False, "schedule19za": False, "terrorist_connection": False},
            "sentence": {"kind": "imprisonment", "term": {"months": months}},
            "supervision_end": date(2030, 1, 1) if supervised else relevant,
        }],
    })


def _disposal(relevant: date, offence: dict[str, Any], sentence: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"id": "a", "trigger": "conviction", "relevant_date": relevant, "sentence_date": relevant,
            "court": "england_wales", "offence": {"murder": False, "s327_4a": False, **offence},
            "sentence": sentence, "supervision_end": date(2035, 1, 1), **more}


@given(RELEVANT, st.integers(1, 120))
def test_twelve_months_or_more_qualifies(relevant: date, months: int) -> None:
    """A Schedule 15 conviction in England and Wales qualifies for Category 2 exactly when the term is 12 months
    or more (the statute says "not ... less than 12 months").

    Citation: Criminal Justice Act 2003 s.327(3)(b)(i). Status: verified.
    """
    decision = mappa_category(_case(relevant, months), AS_OF)
    assert decision.value["categories"]["2"] is (months >= 12)
    assert decision.outcome is (Outcome.YES if months >= 12 else Outcome.NO)


@given(st.dates(min_value=date(2005, 4, 4), max_value=date(2026, 1, 1)), st.integers(1, 120),
       st.sampled_from(["part_1", "part_2"]), st.integers(0, 3000))
def test_the_two_wordings_agree_for_determinate_terms(relevant: date, months: int, part: str, later: int) -> None:
    """For a determinate term for a Schedule 15 Part 1 or 2 offence the words before and after 28 April 2022 agree:
    12 months or more qualifies ("for a term of 12 months or more"; "not for a term of less than 12 months"), less
    does not.

    Citation: Criminal Justice Act 2003 s.327(3)(b)(i) (as enacted and as amended). Status: verified.
    """
    as_of = date.fromordinal(min(relevant.toordinal() + later, date(2029, 12, 31).toordinal()))
    decision = mappa_category(_case(relevant, months, schedule15=part), as_of)
    assert decision.value["categories"]["2"] is (months >= 12)


@given(st.sampled_from(PART_3), st.dates(min_value=date(2019, 4, 12), max_value=date(2022, 4, 1)),
       st.integers(12, 120), st.dates(min_value=date(2019, 4, 12), max_value=date(2026, 12, 31)))
def test_a_part_3_offence_gives_category_2_only_until_27_april_2022(
    offence: str, sentenced: date, months: int, as_of: date
) -> None:
    """A Schedule 15 Part 3 (terrorism) conviction with a qualifying sentence gives Category 2 while its licence runs
    up to 27 April 2022, and never from 28 April 2022, when s.327(3)(a) came to read "Part 1 or 2 of".

    Citation: Criminal Justice Act 2003 s.327(3)(a) (as enacted and as amended). Status: verified.
    """
    disposal = _disposal(sentenced, {"offence_id": offence, "schedule19za": True},
                         {"kind": "imprisonment", "term": {"months": months}})
    decision = mappa_category(Case.model_validate({"disposals": [disposal], **NO_TERRORISM}), as_of)
    two = decision.value["categories"]["2"]
    if as_of >= CHANGE:
        assert two is False
    elif as_of >= sentenced:
        assert two is True
    else:
        assert two is False


@given(st.dates(min_value=date(2004, 6, 1), max_value=date(2026, 11, 1)), st.integers(0, 8000))
def test_custody_for_life_gives_category_2_only_from_28_april_2022(sentenced: date, later: int) -> None:
    """Custody for life meets s.327(3)(b) only from 28 April 2022, when (va) added it; before then the list did not
    name it.

    Citation: Criminal Justice Act 2003 s.327(3)(b)(va). Status: verified (the earlier exclusion derived).
    """
    as_of = date.fromordinal(min(sentenced.toordinal() + later, date(2030, 12, 31).toordinal()))
    disposal = _disposal(sentenced, {"schedule3": False, "murder": True, "schedule19za": False,
                                     "terrorist_connection": False},
                         {"kind": "life", "form": "custody_for_life"})
    decision = mappa_category(Case.model_validate({"disposals": [disposal], **NO_TERRORISM}), as_of)
    assert decision.value["categories"]["2"] is (as_of >= CHANGE)


@given(RELEVANT, st.integers(12, 120), st.sampled_from(["scotland", "northern_ireland", "outside_uk"]))
def test_courts_outside_england_and_wales_never_give_category_2(relevant: date, months: int, court: str) -> None:
    """A conviction by a court outside England and Wales never makes a person Category 2.

    Citation: Criminal Justice Act 2003 s.327(3)(a). Status: verified.
    """
    decision = mappa_category(_case(relevant, months, court=court), AS_OF)
    assert decision.value["categories"]["2"] is False


@given(RELEVANT, st.integers(1, 120), RISK, RISK)
def test_category_1_takes_precedence(relevant: date, months: int, harm: Any, manage: Any) -> None:
    """A person subject to notification on the date is recorded as Category 1, whatever else applies.

    Citation: Criminal Justice Act 2003 s.327(2); MAPPA Guidance (precedence). Status: unverified (precedence).
    """
    case = _case(relevant, 40 + months, schedule3=True, schedule15="part_2", risk=(harm, manage))
    decision = mappa_category(case, AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["category"] == 1


@given(RELEVANT, st.integers(1, 120), RISK, RISK, st.booleans(), st.sampled_from([True, False, None]))
def test_recorded_category_is_lowest_applying(
    relevant: date, months: int, harm: Any, manage: Any, supervised: bool, notified: Any
) -> None:
    """A decided category is always the lowest-numbered category that applies, 1 to 4, and none is recorded only
    when no category applies.

    Citation: Criminal Justice Act 2003 ss.325(2), 327; MAPPA Guidance. Status: unverified (precedence).
    """
    case = _case(relevant, months, supervised=supervised, risk=(harm, manage))
    case = case.model_copy(update={"counter_terrorism": case.counter_terrorism.model_copy(
        update={"cta2008_notification": notified})})
    decision = mappa_category(case, AS_OF)
    applying = [int(k) for k, v in decision.value["categories"].items() if v]
    if decision.outcome is Outcome.YES:
        assert decision.value["category"] == min(applying)
    elif decision.outcome is Outcome.NO:
        assert applying == [] and all(v is False for v in decision.value["categories"].values())
    else:
        assert decision.missing or decision.warnings


@given(RELEVANT, st.integers(12, 120))
def test_category_2_ends_with_the_licence(relevant: date, months: int) -> None:
    """Category 2 lasts while the licence or hospital order runs and ends when it ends.

    Citation: HMPPS MAPPA Knowledge Hub FAQ ('How long will I be in MAPPA?'). Status: secondary.
    """
    running = mappa_category(_case(relevant, months, supervised=True), AS_OF)
    ended = mappa_category(_case(relevant, months, supervised=False), AS_OF)
    assert running.value["categories"]["2"] is True
    assert ended.value["categories"]["2"] is False


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 1, 1)), st.integers(1, 3000),
       st.integers(1, 120), st.sampled_from(["part_1", "part_2", "not_listed"]), st.booleans())
def test_a_conviction_after_the_date_asked_about_does_not_count(
    earlier: date, gap: int, months: int, part: str, terrorist: bool
) -> None:
    """A conviction, finding or sentence dated after the date asked about changes nothing on that date: the answer
    is the one the case gives without it.

    Citation: Criminal Justice Act 2003 s.327(3)-(4), (4D) ("has been convicted ... was imposed"). Status: derived.
    """
    as_of = date.fromordinal(earlier.toordinal() + gap)
    first = _disposal(earlier, {"schedule3": False, "schedule15": "part_1", "schedule19za": False,
                                "terrorist_connection": False}, {"kind": "fine"})
    later = {**_disposal(date.fromordinal(as_of.toordinal() + 1),
                         {"schedule3": False, "schedule15": part, "schedule19za": terrorist,
                          "terrorist_connection": False},
                         {"kind": "imprisonment", "term": {"months": months}}), "id": "b"}
    facts = {**NO_TERRORISM, "risk": {"may_cause_serious_harm": False, "needs_multi_agency_management": False,
                                      "terrorism_risk": False}}
    without = mappa_category(Case.model_validate({"disposals": [first], **facts}), as_of)
    with_later = mappa_category(Case.model_validate({"disposals": [first, later], **facts}), as_of)
    assert with_later.outcome is without.outcome is Outcome.NO
    assert with_later.value == without.value


@given(st.dates(min_value=date(2004, 4, 5), max_value=date(2022, 4, 27)), st.booleans(), RISK, st.integers(1, 120))
def test_no_one_is_category_4_before_28_april_2022(as_of: date, notified: bool, risk: Any, months: int) -> None:
    """No one is Category 4 before 28 April 2022: s.325(2) named no terrorist offenders or terrorism-risk persons
    until the Police, Crime, Sentencing and Courts Act 2022 inserted (aa) and (c).

    Citation: Criminal Justice Act 2003 s.325(2) (as enacted). Status: verified.
    """
    disposal = _disposal(date(2000, 1, 10), {"schedule19za": True, "terrorist_connection": True},
                         {"kind": "imprisonment", "term": {"months": months}})
    case = Case.model_validate({"disposals": [disposal], "risk": {"terrorism_risk": risk},
                                "counter_terrorism": {"cta2008_notification": notified}})
    decision = mappa_category(case, as_of)
    assert decision.value["categories"]["4"] is False
    assert decision.value["category"] != 4


SENTENCES = st.one_of(
    st.builds(lambda m: {"kind": "imprisonment", "term": {"months": m}}, st.integers(1, 120)),
    st.builds(lambda m: {"kind": "detention_and_training_order", "term": {"months": m}}, st.sampled_from([4, 12, 24])),
    st.sampled_from([{"kind": "life"}, {"kind": "ipp"}, {"kind": "hospital_order", "restriction_order": False},
                     {"kind": "guardianship_order"}, {"kind": "fine"}, {"kind": "community_order"}]),
)


@given(st.dates(min_value=CHANGE, max_value=date(2026, 11, 1)), st.booleans(), SENTENCES)
def test_category_4_from_cta_notification_or_a_described_sentence(
    as_of: date, notified: bool, sentence: dict[str, Any]
) -> None:
    """From 28 April 2022 a person subject to Counter-Terrorism Act 2008 Part 4 notification, or convicted of and
    sentenced for a relevant terrorist offence as CTA 2008 s.45(1) describes (life, IPP, 12 months or more of
    imprisonment or a detention and training order, a hospital or guardianship order), is Category 4-eligible; a
    shorter determinate term or a non-custodial sentence, without notification, is not.

    Citation: Criminal Justice Act 2003 s.327(4B)-(4F). Status: verified.
    """
    disposal = _disposal(date(2021, 6, 1), {"schedule19za": True}, sentence)
    case = Case.model_validate({"disposals": [disposal], "risk": {"terrorism_risk": False},
                                "counter_terrorism": {"cta2008_notification": notified}})
    months = sentence.get("term", {}).get("months")
    described = sentence["kind"] in ("life", "ipp", "hospital_order", "guardianship_order") or (
        months is not None and months >= 12)
    assert mappa_category(case, as_of).value["categories"]["4"] is (notified or described)


@given(st.dates(min_value=date(2004, 4, 5), max_value=date(2030, 12, 31)), RISK, RISK, RISK,
       st.sampled_from([False, None]))
def test_an_empty_record_is_never_no(as_of: date, harm: Any, manage: Any, terror: Any, notified: Any) -> None:
    """A case with no disposals and no order is never "no": the category is undetermined, naming disposals, unless
    a stated fact makes the person eligible (here none does).

    Citation: Criminal Justice Act 2003 ss.325(2), 327; docs/design.md (never guess). Status: derived.
    """
    case = Case.model_validate({"risk": {"may_cause_serious_harm": harm, "needs_multi_agency_management": manage,
                                         "terrorism_risk": terror},
                                "counter_terrorism": {"cta2008_notification": notified}})
    decision = mappa_category(case, as_of)
    assert decision.outcome is Outcome.UNDETERMINED
    assert "disposals" in [m.fact for m in decision.missing]
    assert decision.value["category"] is None
