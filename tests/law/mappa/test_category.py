"""MAPPA categories: Criminal Justice Act 2003 ss.325-327 and the MAPPA Guidance.

s.327(2): Category 1 is anyone subject to SOA 2003 Part 2 notification. s.327(3)-(4): Category 2 needs a
conviction (or finding) by a court in England and Wales for murder or a Schedule 15 Part 1/2 offence with a
qualifying disposal (imprisonment "not ... less than 12 months", hospital order, ...). s.325(2)(b): Category 3.
https://www.legislation.gov.uk/ukpga/2003/44/section/327
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, mappa_category

AS_OF = date(2026, 11, 21)
RELEVANT = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 11, 1))
RISK = st.sampled_from([True, False, None])


def _case(relevant: date, months: int, *, court: str = "england_wales", schedule3: bool = False,
          schedule15: str = "part_1", supervised: bool = True, risk: tuple[Any, Any] = (False, False)) -> Case:
    return Case.model_validate({
        "risk": {"may_cause_serious_harm": risk[0], "needs_multi_agency_management": risk[1]},
        "disposals": [{
            "id": "a", "trigger": "conviction", "relevant_date": relevant, "court": court,
            "offence": {"schedule3": schedule3, "schedule15": schedule15, "murder": False, "s327_4a": False},
            "sentence": {"kind": "imprisonment", "term": {"months": months}},
            "supervision_end": date(2030, 1, 1) if supervised else relevant,
        }],
    })


@given(RELEVANT, st.integers(1, 120))
def test_twelve_months_or_more_qualifies(relevant: date, months: int) -> None:
    """A Schedule 15 conviction in England and Wales qualifies for Category 2 exactly when the term is 12 months
    or more (the statute says "not ... less than 12 months").

    Citation: Criminal Justice Act 2003 s.327(3)(b)(i). Status: verified.
    """
    decision = mappa_category(_case(relevant, months), AS_OF)
    assert decision.value["categories"]["2"] is (months >= 12)
    assert decision.outcome is (Outcome.YES if months >= 12 else Outcome.NO)


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


@given(RELEVANT, st.integers(1, 120), RISK, RISK, st.booleans())
def test_recorded_category_is_lowest_applying(
    relevant: date, months: int, harm: Any, manage: Any, supervised: bool
) -> None:
    """A decided category is always the lowest-numbered category that applies, and none is recorded only when
    no category applies.

    Citation: Criminal Justice Act 2003 ss.325(2), 327; MAPPA Guidance. Status: unverified (precedence).
    """
    decision = mappa_category(_case(relevant, months, supervised=supervised, risk=(harm, manage)), AS_OF)
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

    Citation: MAPPA Guidance (exit from MAPPA). Status: verified.
    """
    running = mappa_category(_case(relevant, months, supervised=True), AS_OF)
    ended = mappa_category(_case(relevant, months, supervised=False), AS_OF)
    assert running.value["categories"]["2"] is True
    assert ended.value["categories"]["2"] is False
