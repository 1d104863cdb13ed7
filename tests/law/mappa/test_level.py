"""MAPPA levels of management: MAPPA Guidance ch. 7 (levels), ch. 6 (Category 3) and the exit rules.

Level 1: the lead agency manages without formal multi-agency meetings. Level 2: meetings add value and the risk
of serious harm is high or very high, or exceptionally a lower risk needs active co-ordination, or the case is
stepping down from Level 3. Level 3 (para 7.5): the Level 2 criteria and the Responsible Authority's finding that
management issues require senior representation; significant resources at short notice are only an example of when
that may be so. Category 3 cases are managed only at Level 2 or 3; a Category 4 case below Level 2 is at Level 1 on a
declared reading. Without a record of disposals the level is undetermined, never "leaves MAPPA". The library gives
guidance only; review intervals and referral timings are unverified parameters.
https://www.gov.uk/government/publications/multi-agency-public-protection-arrangements-mappa--2
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, default_rulebook, mappa_level
from mappa_rules.legal_time import Length, TimeConventions, corresponding_day
from mappa_rules.questions import QUESTIONS

AS_OF = date(2026, 11, 21)
MAYBE = st.sampled_from([True, False, None])
JUDGEMENTS = st.fixed_dictionaries({
    "risk_of_serious_harm": st.sampled_from(["low", "medium", "high", "very_high", None]),
    "meetings_add_value": MAYBE,
    "active_coordination_needed": MAYBE,
    "previously_level3": MAYBE,
    "senior_oversight_needed": MAYBE,
    "short_notice_resources_needed": MAYBE,
    "current_level": st.sampled_from([1, 2, 3, None]),
})
CATEGORY_1 = {"id": "a", "trigger": "conviction", "relevant_date": date(2019, 3, 4), "court": "england_wales",
              "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
              "sentence": {"kind": "imprisonment", "term": {"months": 36}},
              "supervision_end": date(2022, 3, 3)}
CATEGORY_3 = {"id": "a", "trigger": "conviction", "relevant_date": date(2024, 5, 1), "court": "england_wales",
              "offence": {"schedule3": False, "schedule15": "not_listed", "murder": False, "s327_4a": False},
              "sentence": {"kind": "community_order"}}


def _level(disposal: dict[str, Any], judgements: dict[str, Any], **case: Any) -> Any:
    data = {"disposals": [disposal], "mappa": judgements, **case}
    return QUESTIONS["level"](Case.model_validate(data), AS_OF, None)


def _criteria_met(j: dict[str, Any]) -> bool:
    return bool(j["meetings_add_value"]) and (
        j["risk_of_serious_harm"] in ("high", "very_high") or bool(j["active_coordination_needed"])
        or bool(j["previously_level3"]))


@given(JUDGEMENTS)
def test_a_category_3_case_is_never_guided_to_level_1(judgements: dict[str, Any]) -> None:
    """A Category 3 case is never guided to Level 1: it is managed at Level 2 or 3, or it leaves MAPPA.

    Citation: MAPPA Guidance ch. 6-7 (Category 3). Status: secondary.
    """
    risk = {"may_cause_serious_harm": True, "needs_multi_agency_management": True}
    decision = _level(CATEGORY_3, judgements, risk=risk)
    assert decision.value["level"] != 1
    if decision.outcome is Outcome.NO:
        assert decision.value["leaves_mappa"] is True


@given(JUDGEMENTS)
def test_level_3_only_with_the_level_2_criteria_and_a_need_for_senior_representation(
    judgements: dict[str, Any]
) -> None:
    """The guidance points to Level 3 exactly when the Level 2 criteria are met and the Responsible Authority has
    found that senior representation is needed, and to Level 2 only when the criteria are met without that finding;
    a need for resources at short notice never changes the level.

    Citation: MAPPA Guidance ch. 7 paras 7.4-7.5 (updated 2019). Status: secondary.
    """
    decision = _level(CATEGORY_1, judgements)
    level = decision.value["level"]
    senior = judgements["senior_oversight_needed"] is True
    if level == 3:
        assert _criteria_met(judgements) and senior
    if level == 2:
        assert _criteria_met(judgements) and not senior
    if level == 1:
        assert not _criteria_met(judgements)
    if _criteria_met(judgements) and judgements["senior_oversight_needed"] is not None:
        assert level == (3 if senior else 2)
    for other in (True, False, None):
        changed = _level(CATEGORY_1, {**judgements, "short_notice_resources_needed": other})
        assert changed.outcome is decision.outcome and changed.value["level"] == level


@given(JUDGEMENTS, st.sampled_from([CATEGORY_1, CATEGORY_3]))
def test_the_answer_is_always_guidance_and_never_a_final_decision(
    judgements: dict[str, Any], disposal: dict[str, Any]
) -> None:
    """Every answer about the level is marked as guidance, never as the Responsible Authority's decision.

    Citation: MAPPA Guidance ch. 7 (the level is set by the Responsible Authority). Status: verified.
    """
    risk = {"may_cause_serious_harm": True, "needs_multi_agency_management": True}
    value = _level(disposal, judgements, risk=risk).value
    assert value["guidance"] is True and value["final_decision"] is False


@given(JUDGEMENTS)
def test_a_case_with_no_mappa_category_has_no_level(judgements: dict[str, Any]) -> None:
    """When no category applies (here a licence that has ended), there is no level: the case leaves MAPPA.

    Citation: Criminal Justice Act 2003 s.325(2); HMPPS MAPPA Knowledge Hub FAQ (exit). Status: verified.
    """
    ended = {"id": "a", "trigger": "conviction", "relevant_date": date(2019, 2, 10), "court": "england_wales",
             "offence": {"schedule3": False, "schedule15": "part_1", "schedule19za": False,
                         "terrorist_connection": False},
             "sentence": {"kind": "imprisonment", "term": {"years": 3}}, "supervision_end": date(2022, 2, 9)}
    risk = {"may_cause_serious_harm": False, "needs_multi_agency_management": False, "terrorism_risk": False}
    decision = _level(ended, judgements, risk=risk, counter_terrorism={"cta2008_notification": False})
    assert decision.outcome is Outcome.NO and decision.value["leaves_mappa"] is True


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 1)), st.booleans())
def test_level_2_and_3_reviews_fall_within_16_and_8_weeks(last: date, senior: bool) -> None:
    """The next review of a Level 2 case is due within 16 weeks of the last, and of a Level 3 case within 8 weeks
    (an unverified Guidance point that every such answer warns about).

    Citation: MAPPA Guidance ch. 7 (reviews). Status: unverified.
    """
    judgements = {"risk_of_serious_harm": "high", "meetings_add_value": True, "senior_oversight_needed": senior,
                  "short_notice_resources_needed": False, "last_review": last}
    decision = _level(CATEGORY_1, judgements)
    weeks = 8 if senior else 16
    assert decision.value["level"] == (3 if senior else 2)
    assert decision.dates["next_review_by"] == last + timedelta(weeks=weeks)
    assert f"mappa.level.level{3 if senior else 2}.review_max_weeks" in {w.code for w in decision.warnings}


@given(st.dates(min_value=date(2026, 12, 1), max_value=date(2035, 12, 31)))
def test_referral_is_due_6_months_before_release(release: date) -> None:
    """A Level 2 or 3 case is to be referred by the day 6 months before the expected release: the latest day
    whose date 6 months later is not after the release (an unverified Guidance point).

    Citation: MAPPA Guidance (referral before release). Status: unverified.
    """
    judgements = {"risk_of_serious_harm": "high", "meetings_add_value": True, "senior_oversight_needed": False,
                  "short_notice_resources_needed": False, "expected_release": release}
    refer_by = _level(CATEGORY_1, judgements).dates["refer_by"]
    conventions = TimeConventions()
    assert corresponding_day(refer_by, Length(months=6), conventions)[0] <= release
    assert corresponding_day(refer_by + timedelta(days=1), Length(months=6), conventions)[0] > release


@given(JUDGEMENTS)
def test_escalation_is_guided_exactly_when_the_criteria_point_above_the_current_level(
    judgements: dict[str, Any]
) -> None:
    """The guidance says escalate exactly when the level it points to is above the level recorded now, and step
    down exactly when it is below.

    Citation: MAPPA Guidance ch. 7 (cases move between levels). Status: verified.
    """
    decision = _level(CATEGORY_1, judgements)
    level, current = decision.value["level"], judgements["current_level"]
    if level is None or current is None:
        return
    expected = "escalate" if level > current else ("step_down" if level < current else "unchanged")
    assert decision.value["change"] == expected


@given(JUDGEMENTS, st.sampled_from([False, None]), MAYBE)
def test_an_empty_record_never_leaves_mappa(judgements: dict[str, Any], notified: Any, terror: Any) -> None:
    """With no record of disposals, no order and nothing stated that makes the person eligible, the level is never
    "leaves MAPPA": it is undetermined, naming disposals.

    Citation: Criminal Justice Act 2003 ss.325(2), 327; docs/design.md (never guess). Status: derived.
    """
    case = Case.model_validate({"mappa": judgements, "risk": {"terrorism_risk": terror},
                                "counter_terrorism": {"cta2008_notification": notified}})
    decision = QUESTIONS["level"](case, AS_OF, None)
    assert decision.outcome is Outcome.UNDETERMINED and decision.value["leaves_mappa"] is None
    assert "disposals" in [m.fact for m in decision.missing]


CATEGORY_4 = {"id": "a", "trigger": "conviction", "relevant_date": date(2021, 2, 10), "court": "england_wales",
              "offence": {"schedule3": False, "schedule15": "not_listed", "murder": False, "s327_4a": False},
              "sentence": {"kind": "imprisonment", "term": {"years": 2}}, "supervision_end": date(2022, 2, 9)}


def _below_level2(book: Any) -> Any:
    case = Case.model_validate({
        "disposals": [CATEGORY_4], "risk": {"may_cause_serious_harm": False, "needs_multi_agency_management": False},
        "counter_terrorism": {"cta2008_notification": True}, "mappa": {"meetings_add_value": False}})
    return mappa_level(case, AS_OF, book)


def test_a_category_4_case_below_level_2_is_at_level_1_on_the_declared_reading() -> None:
    """A Category 4 case that does not meet the Level 2 criteria is guided to Level 1 on the value in force, and
    leaves MAPPA, as a Category 3 case does, on the other reading; either way the answer warns of the reading.

    Citation: MAPPA Guidance ch. 7 (levels of management); parameter mappa.level.category4_lowest_level.
    Status: unverified.
    """
    book = default_rulebook()
    chosen = _below_level2(book)
    assert chosen.value["category"] == 4 and chosen.value["level"] == 1 and chosen.value["leaves_mappa"] is False
    parameter = book.parameter("mappa.level.category4_lowest_level")
    other = replace(book, parameters={**book.parameters, parameter.id: replace(parameter, values=("leaves_mappa",))})
    alternative = _below_level2(other)
    assert alternative.outcome is Outcome.NO and alternative.value["leaves_mappa"] is True
    for decision in (chosen, alternative):
        assert "mappa.level.category4_lowest_level" in {w.code for w in decision.warnings}
