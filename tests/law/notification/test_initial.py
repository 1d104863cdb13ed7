"""Initial notification: Sexual Offences Act 2003 s.83 (and Sex Offenders Act 1997 s.2 before 1 May 2004).

s.83(1): notify within 3 days beginning with the relevant date (or with 1 May 2004 if later); s.83(6): disregard
time remanded or committed to custody, serving a sentence, detained in hospital or outside the UK. The 1997 Act
allowed 14 days, reduced to 3 from 1 June 2001 and for earlier relevant dates whose 14 days had not begun
(CJCSA 2000 Sch 5 para 2; SI 2001/1651). https://www.legislation.gov.uk/ukpga/2003/42/section/83
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome
from mappa_rules.questions import initial_deadline

AS_OF = date(2026, 11, 21)
RELEVANT = st.dates(min_value=date(2004, 5, 1), max_value=date(2026, 6, 1))
KINDS = st.sampled_from(["remanded_in_custody", "serving_sentence", "service_detention", "hospital", "outside_uk"])


def _case(relevant: date, intervals: list[dict[str, Any]] | None = None) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant, "offence": {"schedule3": True},
                       "sentence": {"kind": "community_order"}}],
        "intervals": intervals or [],
    })


def _deadline(case: Case) -> date:
    decision = initial_deadline(case, AS_OF)
    assert decision.outcome is Outcome.YES, decision.model_dump_json(indent=1)
    return decision.dates["initial_deadline"]


@given(RELEVANT)
def test_without_custody_the_deadline_is_the_third_day(relevant: date) -> None:
    """Without any disregarded time, the initial notification is due on the third day beginning with the relevant
    date (the relevant date counts as the first).

    Citation: Sexual Offences Act 2003 s.83(1). Status: verified.
    """
    assert _deadline(_case(relevant)) == relevant + timedelta(days=2)


@given(RELEVANT, st.lists(st.tuples(KINDS, st.integers(-30, 30), st.integers(0, 60)), max_size=3))
def test_the_deadline_never_falls_before_the_relevant_date(
    relevant: date, spans: list[tuple[str, int, int]]
) -> None:
    """The deadline never falls before the relevant date, nor earlier than it would without disregarded time,
    and never on a disregarded day.

    Citation: Sexual Offences Act 2003 s.83(1), (6). Status: verified.
    """
    intervals = [{"kind": k, "start": relevant + timedelta(days=a), "end": relevant + timedelta(days=a + b)}
                 for k, a, b in spans]
    deadline = _deadline(_case(relevant, intervals))
    assert deadline >= relevant + timedelta(days=2)
    assert not any(i["start"] <= deadline <= i["end"] for i in intervals)


@given(RELEVANT, st.integers(0, 2), st.integers(1, 400), KINDS)
def test_each_disregarded_day_moves_the_deadline_by_one_day(relevant: date, offset: int, days: int, kind: str) -> None:
    """Each whole day in custody, in hospital or abroad within the period moves the deadline by exactly one day.

    Citation: Sexual Offences Act 2003 s.83(6); declared convention time.partial_day_disregard. Status: verified.
    """
    start = relevant + timedelta(days=offset)
    interval = {"kind": kind, "start": start, "end": start + timedelta(days=days - 1)}
    assert _deadline(_case(relevant, [interval])) == relevant + timedelta(days=2 + days)


@given(RELEVANT, KINDS)
def test_while_still_detained_no_deadline_is_invented(relevant: date, kind: str) -> None:
    """While the person is still in custody, in hospital or abroad the 3 days have not begun: the answer says so
    and gives no date.

    Citation: Sexual Offences Act 2003 s.83(6). Status: verified.
    """
    decision = initial_deadline(_case(relevant, [{"kind": kind, "start": relevant}]), AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["running"] is False
    assert "initial_deadline" not in decision.dates


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2001, 5, 31)))
def test_before_june_2001_the_1997_act_allowed_14_days(relevant: date) -> None:
    """A period that began to run before 1 June 2001 was 14 days beginning with the relevant date.

    Citation: Sex Offenders Act 1997 s.2(1). Status: verified.
    """
    assert _deadline(_case(relevant)) == relevant + timedelta(days=13)


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2001, 5, 31)),
       st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 20)))
def test_a_14_day_period_not_begun_by_june_2001_became_3_days(relevant: date, released: date) -> None:
    """An earlier relevant date whose 14 days had not begun by 1 June 2001, because the person was in custody,
    gets 3 days from release, not 14.

    Citation: Criminal Justice and Court Services Act 2000 Sch 5 para 2; SI 2001/1651. Status: verified.
    """
    interval = {"kind": "serving_sentence", "start": relevant, "end": released}
    assert _deadline(_case(relevant, [interval])) == released + timedelta(days=3)


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2004, 4, 27)),
       st.dates(min_value=date(2004, 4, 28), max_value=date(2010, 1, 1)))
def test_after_may_2004_the_period_never_ends_before_3_may_2004(relevant: date, released: date) -> None:
    """A 1997 Act period still running on 1 May 2004 is governed by s.83(1) from the commencement, so it never
    ends before 3 May 2004 (the third day beginning with 1 May 2004).

    Citation: Sexual Offences Act 2003 s.83(1) ("or, if later, the commencement of this Part"). Status: secondary.
    """
    interval = {"kind": "serving_sentence", "start": relevant, "end": released}
    deadline = _deadline(_case(relevant, [interval]))
    assert deadline >= date(2004, 5, 3)
    assert deadline == max(released + timedelta(days=3), date(2004, 5, 3))


@given(RELEVANT, st.integers(0, 200), st.integers(0, 200))
def test_a_later_release_never_gives_an_earlier_deadline(relevant: date, first: int, second: int) -> None:
    """A later release from custody never makes the initial notification due earlier.

    Citation: Sexual Offences Act 2003 s.83(6). Status: derived.
    """
    early, late = sorted((first, second))
    deadlines = [_deadline(_case(relevant, [{"kind": "serving_sentence", "start": relevant,
                                              "end": relevant + timedelta(days=n)}])) for n in (early, late)]
    assert deadlines[0] <= deadlines[1]


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(1997, 8, 31)),
       st.sampled_from([{"kind": "imprisonment", "term": {"months": 12}}, {"kind": "community_order"}]))
def test_a_conviction_before_1_september_1997_runs_its_14_days_from_the_commencement(
    relevant: date, sentence: dict[str, Any]
) -> None:
    """A person dealt with for an offence before 1 September 1997, and still serving, supervised or not dealt with
    on that day, became subject then; the 14 days ran from the relevant date "or, if later, the commencement of this
    Part": with no time disregarded, the last day is 14 September 1997.

    Citation: Sex Offenders Act 1997 ss.1(2)-(3), 2(1); Sexual Offences Act 2003 s.81(3)-(6). Status: verified.
    """
    case = Case.model_validate({
        "person": {"date_of_birth": date(1950, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant, "dealt_with_status_1997": True,
                       "offence": {"schedule3": True}, "sentence": sentence}],
    })
    decision = initial_deadline(case, AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["duties"][0]["begins"] == date(1997, 9, 1)
    assert decision.dates["initial_deadline"] == date(1997, 9, 14)
