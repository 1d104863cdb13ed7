"""Periodic notification: Sexual Offences Act 2003 s.85.

s.85(1)-(2): notify again within the applicable period after each initial, change or periodic notification;
s.85(5)-(6): one year, or 7 days (from 13 August 2012) where the home address notified is a place where the
person can regularly be found; s.85(3)-(4): a period that would end in custody, in hospital or abroad continues to
the end of 3 days beginning when that ends. https://www.legislation.gov.uk/ukpga/2003/42/section/85
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision
from mappa_rules.questions import periodic

AS_OF = date(2030, 1, 1)
NOTIFIED = st.dates(min_value=date(2012, 8, 13), max_value=date(2026, 6, 1))


def _ask(notifications: list[dict[str, Any]], intervals: list[dict[str, Any]] | None = None) -> Decision:
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": date(2010, 1, 5),
                       "offence": {"schedule3": True},
                       "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
        "notifications": notifications,
        "intervals": intervals or [],
    })
    return periodic(case, AS_OF)


def _notified(day: date, homeless: bool = False, kind: str = "periodic") -> dict[str, Any]:
    return {"kind": kind, "date": day, "no_sole_or_main_residence": homeless}


@given(NOTIFIED)
def test_the_year_after_a_notification_ends_on_its_anniversary(day: date) -> None:
    """With a settled home, the next notification is due on the anniversary of the last one, because the year
    begins the day after it: so a notification on 28 February before a leap year is next due on 29 February, and
    one on 29 February on 28 February.

    Citation: Sexual Offences Act 2003 s.85(1), (5)(b). Status: derived.
    """
    due = _ask([_notified(day)]).dates["periodic_due"]
    if (day.month, day.day) == (2, 29):
        assert due == date(day.year + 1, 2, 28)
    elif (day.month, day.day) == (2, 28) and calendar.isleap(day.year + 1):
        assert due == date(day.year + 1, 2, 29)
    else:
        assert due == day.replace(year=day.year + 1)


@given(NOTIFIED)
def test_after_excludes_the_day_of_the_notification(day: date) -> None:
    """The applicable period runs after the notification, so the next date is always later than the notification
    and the weekly period ends exactly 7 days later.

    Citation: Sexual Offences Act 2003 s.85(1), (5)(a), (6); parameter periodic.after_excludes_trigger_day.
    Status: derived.
    """
    decision = _ask([_notified(day, homeless=True)])
    assert decision.dates["periodic_due"] == day + timedelta(days=7)
    assert "periodic.after_excludes_trigger_day" in [w.code for w in decision.warnings]


@given(NOTIFIED, st.integers(1, 6), st.integers(0, 90))
def test_a_period_ending_in_custody_runs_to_the_third_day_after_release(day: date, into: int, stay: int) -> None:
    """A weekly period that would end while the person is in custody continues to the end of 3 days beginning
    when the custody ends, the day of release disregarded as a part-day.

    Citation: Sexual Offences Act 2003 s.85(3)-(4); declared convention time.partial_day_disregard.
    Status: verified.
    """
    start = day + timedelta(days=into)
    released = day + timedelta(days=7 + stay)
    decision = _ask([_notified(day, homeless=True)],
                    [{"kind": "remanded_in_custody", "start": start, "end": released}])
    assert decision.value["extended"] is True
    assert decision.dates["periodic_due"] == released + timedelta(days=3)


@given(NOTIFIED, st.integers(1, 400))
def test_a_later_notification_never_brings_the_date_forward(day: date, later: int) -> None:
    """A further notification (of a change, say) starts a new period, so it never makes the next date earlier.

    Citation: Sexual Offences Act 2003 s.85(2)(b). Status: verified.
    """
    first = _ask([_notified(day)]).dates["periodic_due"]
    second_day = day + timedelta(days=later)
    second = _ask([_notified(day), _notified(second_day, kind="change")]).dates["periodic_due"]
    assert second >= first
    assert second > second_day


@given(NOTIFIED, st.integers(1, 300))
def test_new_prescribed_information_alone_does_not_move_the_date(day: date, later: int) -> None:
    """Notifying only the information prescribed from 13 August 2012 does not move the annual date (the Home
    Office view, held as an unverified parameter and warned about).

    Citation: Home Office guidance (FAQ); contrast Sexual Offences Act 2003 s.85(2)(b). Status: unverified.
    """
    alone = _ask([_notified(day)])
    with_new = _ask([_notified(day), {"kind": "prescribed_information", "date": day + timedelta(days=later)}])
    assert with_new.dates["periodic_due"] == alone.dates["periodic_due"]
    assert "periodic.reset_on_s83_new_matters" in [w.code for w in with_new.warnings]
