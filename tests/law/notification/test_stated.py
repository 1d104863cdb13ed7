"""Facts as practitioners hold them: a status the case states ("subject to notification since D, indefinitely or
until E", "MAPPA Category N since D", "on licence until E") answers as the events it follows from would, is marked
as stated, and a disagreement with the case's events is a warning naming both, the statement being followed.
Sexual Offences Act 2003 s.80(2); Criminal Justice Act 2003 ss.325(2), 327.
https://www.legislation.gov.uk/ukpga/2003/42/section/80
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Decision
from mappa_rules.legal_time import Length, TimeConventions, corresponding_day
from mappa_rules.questions import mappa_category, notification_period, periodic, travel_notice

RELEVANT = st.dates(min_value=date(2005, 4, 4), max_value=date(2024, 1, 1))
SENTENCES = st.sampled_from([({"kind": "life"}, None), ({"kind": "ipp"}, None),
                             ({"kind": "imprisonment", "term": {"months": 12}}, 10),
                             ({"kind": "imprisonment", "term": {"months": 36}}, None), ({"kind": "caution"}, 2)])


def _last(relevant: date, years: int) -> date:
    return corresponding_day(relevant, Length(years=years), TimeConventions())[0] - timedelta(days=1)


def _stated(relevant: date, years: int | None) -> dict[str, Any]:
    if years is None:
        return {"since": relevant, "indefinite": True}
    return {"since": relevant, "until": _last(relevant, years)}


def _case(relevant: date, sentence: dict[str, Any] | None, stated: dict[str, Any] | None, day: date) -> Case:
    data: dict[str, Any] = {
        "person": {"date_of_birth": date(1960, 1, 1)},
        "trips": [{"departure": day, "return_date": day + timedelta(days=5), "known_more_than_7_days_before": True}],
        "notifications": [{"kind": "periodic", "date": day - timedelta(days=100), "no_sole_or_main_residence": False}],
    }
    if sentence is not None:
        trigger = "caution" if sentence["kind"] == "caution" else "conviction"
        data["disposals"] = [{"id": "a", "trigger": trigger, "relevant_date": relevant, "sentence_date": relevant,
                              "offence": {"schedule3": True}, "sentence": sentence}]
    if stated is not None:
        data["stated"] = {"notification": stated}
    return Case.model_validate(data)


def _answers(case: Case, day: date) -> tuple[Any, ...]:
    trip = travel_notice(case, day).value["trips"][0]
    return (notification_period(case, day).value["subject_on_as_of"],
            mappa_category(case, day).value["categories"]["1"], trip["subject_on_departure"],
            periodic(case, day).value.get("subject_when_due"))


def _codes(decision: Decision) -> list[str]:
    return [w.code for w in decision.warnings]


@given(RELEVANT, SENTENCES, st.integers(0, 6000))
@settings(max_examples=60)
def test_a_stated_status_that_matches_the_disposals_gives_the_same_answers(
        relevant: date, sentence: tuple[dict[str, Any], int | None], after: int) -> None:
    """A stated status that matches the disposal (same first day, indefinite or the same last day) gives the same
    answers as the disposal in every question - notification period, Category 1, travel and periodic - and raises
    no stated.conflict warning.

    Citation: Sexual Offences Act 2003 s.80(2); Criminal Justice Act 2003 s.327(2). Status: derived.
    """
    kind, years = sentence
    day = relevant + timedelta(days=after)
    stated = _stated(relevant, years)
    alone, both = _case(relevant, None, stated, day), _case(relevant, kind, stated, day)
    derived = _case(relevant, kind, None, day)
    assert _answers(alone, day) == _answers(derived, day) == _answers(both, day)
    assert not [c for c in _codes(notification_period(both, day)) if c.startswith("stated.conflict")]


@given(RELEVANT, st.integers(1, 6000))
@settings(max_examples=60)
def test_a_stated_status_that_disagrees_is_followed_with_one_warning_naming_both(relevant: date, after: int) -> None:
    """A stated indefinite status where the disposal gives a 10-year period is followed (subject after the ten
    years), and exactly one stated.conflict.notification warning names both the statement and the disposal.

    Citation: Sexual Offences Act 2003 s.80(2); issue 9 item 8 (machinery). Status: derived.
    """
    day = _last(relevant, 10) + timedelta(days=after)
    case = _case(relevant, {"kind": "imprisonment", "term": {"months": 12}}, _stated(relevant, None), day)
    decision = notification_period(case, day)
    assert decision.value["subject_on_as_of"] is True and decision.value["stated"] is True
    conflicts = [w for w in decision.warnings if w.code.startswith("stated.conflict")]
    assert [w.code for w in conflicts] == ["stated.conflict.notification"]
    assert "stated.notification" in conflicts[0].message and "disposals.a" in conflicts[0].message


@given(RELEVANT, SENTENCES, st.booleans(), st.integers(0, 6000))
@settings(max_examples=40)
def test_only_a_reason_built_from_a_stated_fact_is_marked_stated(
        relevant: date, sentence: tuple[dict[str, Any], int | None], state: bool, after: int) -> None:
    """Every reason built from a stated fact is marked stated, and no reason the library derived has that mark.

    Citation: issue 9 item 8 (machinery: stated facts are reported as stated, never as derived). Status: derived.
    """
    kind, years = sentence
    day = relevant + timedelta(days=after)
    case = _case(relevant, kind, _stated(relevant, years) if state else None, day)
    for decision in (notification_period(case, day), mappa_category(case, day), periodic(case, day)):
        for reason in decision.reasons:
            assert reason.stated is reason.rule_id.startswith("stated."), reason.rule_id


@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2020, 1, 1)), st.sampled_from([1, 2, 3]),
       st.integers(30, 3000), st.integers(-400, 400))
@settings(max_examples=60)
def test_a_stated_category_holds_from_its_day_until_an_end_the_case_records(
        since: date, number: int, length: int, shift: int) -> None:
    """A stated MAPPA Category N since D gives Category N on every day from D until an end the case records: the end
    of the stated notification spell for Category 1, of the stated licence for Category 2; Category 3 while the
    Responsible Authority's judgements stand.

    Citation: Criminal Justice Act 2003 ss.325(2), 327; MAPPA Guidance exit rules. Status: secondary (the exit rule).
    """
    end = since + timedelta(days=length)
    day = max(since, end + timedelta(days=shift))
    stated: dict[str, Any] = {"mappa_category": {"category": number, "since": since}}
    if number == 1:
        stated["notification"] = {"since": since, "until": end}
    if number == 2:
        stated["supervision"] = {"kind": "licence", "until": end}
    risk = {"may_cause_serious_harm": True, "needs_multi_agency_management": True} if number == 3 else {}
    decision = mappa_category(Case.model_validate({"stated": stated, "risk": risk}), day)
    holds = number == 3 or day <= end
    assert (decision.value["category"] == number) is holds
    if holds:
        assert decision.value["stated"] is True


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 1, 1)), st.integers(1, 4000),
       st.integers(1, 4000), st.sampled_from(["conviction", "caution", "disability_finding"]))
@settings(max_examples=40)
def test_a_stated_spell_that_ended_does_not_cover_a_disposal_of_unknown_date(
        since: date, length: int, after: int, trigger: str) -> None:
    """A stated spell that has ended ("subject since D until E") stands in only for the disposals known to have
    begun by E. A disposal whose date is unknown may have come after E and made the person subject again, so the
    period is undetermined, naming that disposal's date, and never "not subject" by the statement alone; dated on
    or before E the statement answers for it, dated after E it speaks for itself (reduced from fuzz findings
    02, 03, 09 and 10 of issue 11 item 3). A conviction's date is known only with its sentence's where Schedule 3
    may list the offence by its sentence or order (s.132).

    Citation: Sexual Offences Act 2003 ss.80(1), 80(2), 82(6). Status: derived.
    """
    until = since + timedelta(days=length)
    day = until + timedelta(days=after)
    data: dict[str, Any] = {"disposals": [{"id": "a", "trigger": trigger}],
                            "stated": {"notification": {"since": since, "until": until}}}
    undated = notification_period(Case.model_validate(data), day)
    assert undated.outcome.value == "undetermined"
    assert undated.value["subject_on_as_of"] is None
    assert "disposals[0].relevant_date" in [m.fact for m in undated.missing]
    data["disposals"][0]["relevant_date"] = since
    if trigger != "caution":  # a sentence or order date unknown could put the s.132 relevant date after E
        data["disposals"][0]["sentence_date"] = since
    covered = notification_period(Case.model_validate(data), day)
    assert covered.outcome.value == "yes" and covered.value["subject_on_as_of"] is False
    data["disposals"][0]["relevant_date"] = until + timedelta(days=1)
    data["disposals"][0].pop("sentence_date", None)
    assert notification_period(Case.model_validate(data), day).outcome.value == "undetermined"
