"""Declared legal-time conventions, tested for their effect: where the law's words leave a point open (a part-day in
custody, 29 February, half of a period), the library computes the date both ways and warns only where the other
reading would give another date, naming that date; otherwise the convention is listed in ``relied_on``.

Sexual Offences Act 2003 ss.82(2), 83(1), (6); rulesets/time/conventions.yaml.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Decision
from mappa_rules.legal_time import HalfMode, Length, TimeConventions, halve, last_day
from mappa_rules.questions import QUESTIONS

AS_OF = date(2040, 1, 1)
DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31))
PARTIAL_DAY = "time.conventions.partial_day_disregard"
HALF_MODE = "time.conventions.half_period_mode"
MISSING_DAY = "time.conventions.missing_corresponding_day"

LISTED = {"schedule3": True, "schedule3_sentencing_condition": False}
"""A Schedule 3 offence listed whatever the sentence (so the relevant date is the conviction: s.132)."""


def _ask(question: str, disposal: dict[str, Any], intervals: list[dict[str, Any]] | None = None,
         born: date = date(1980, 1, 1)) -> Decision:
    case = Case.model_validate({"person": {"date_of_birth": born}, "disposals": [{"id": "a", **disposal}],
                                "intervals": intervals or []})
    return QUESTIONS[question](case, AS_OF, None)


def _warnings(decision: Decision) -> dict[str, str]:
    return {w.code: w.message for w in decision.warnings}


def _relied(decision: Decision) -> set[str]:
    return {r.id for r in decision.relied_on}


@given(DAYS, st.integers(0, 400))
def test_a_part_day_in_custody_that_moves_the_initial_deadline_is_warned_with_the_other_date(
    convicted: date, served: int
) -> None:
    """The days of conviction and of release are partly in custody. The day custody begins is disregarded and the
    day of release counts (the declared reading), so the 3 days end on the second day after release. Disregarding
    the release day too, they would end a day later; counting both part-days (the conviction day, the release day
    and the day after), a day after release at the latest. s.83(6) disregards "any time" in custody, so the
    decision warns, naming each other day that differs.

    Citation: Sexual Offences Act 2003 s.83(1), (6); declared convention time.conventions.partial_day_disregard.
    Status: derived (convention).
    """
    released = convicted + timedelta(days=served)
    decision = _ask("initial-deadline",
                    {"trigger": "conviction", "relevant_date": convicted, "offence": LISTED,
                     "sentence": {"kind": "imprisonment", "term": {"months": 12}}},
                    [{"kind": "serving_sentence", "start": convicted, "end": released}])
    used = released + timedelta(days=2)
    assert decision.dates["initial_deadline"] == used
    message = _warnings(decision)[PARTIAL_DAY]
    assert f"read as whole_day_disregarded it would be {(used + timedelta(days=1)).isoformat()}" in message
    other = max(released + timedelta(days=1), convicted + timedelta(days=2))
    assert (f"read as whole_day_counted it would be {other.isoformat()}" in message) is (other != used)


@given(DAYS)
def test_with_no_time_in_custody_the_part_day_convention_is_not_used_at_all(convicted: date) -> None:
    """Where no interval touches the 3 days, no part-day arises: the convention is neither warned nor listed.

    Citation: Sexual Offences Act 2003 s.83(1), (6). Status: verified.
    """
    decision = _ask("initial-deadline",
                    {"trigger": "conviction", "relevant_date": convicted, "offence": LISTED,
                     "sentence": {"kind": "imprisonment", "term": {"months": 12}}})
    assert PARTIAL_DAY not in _warnings(decision) and PARTIAL_DAY not in _relied(decision)


@given(DAYS, st.sampled_from([("caution", None, 2), ("conviction", {"kind": "fine"}, 5),
                              ("conviction", {"kind": "imprisonment", "term": {"months": 6}}, 7),
                              ("conviction", {"kind": "imprisonment", "term": {"months": 12}}, 10)]))
def test_half_of_a_period_is_warned_only_where_days_and_months_give_different_last_days(
    relevant: date, disposal: tuple[str, dict[str, Any] | None, int]
) -> None:
    """For a person under 18 on the relevant date the period is halved (s.82(2), "one-half of that period"). Half
    of N years is taken in calendar months; where half the days of the period would end on another day the
    decision warns, naming that day, and otherwise it lists the convention without a warning.

    Citation: Sexual Offences Act 2003 s.82(2); declared convention time.conventions.half_period_mode.
    Status: unverified (convention).
    """
    trigger, sentence, years = disposal
    facts = {"trigger": trigger, "relevant_date": relevant, "offence": LISTED,
             "sentence": sentence or {"kind": "caution"}}
    decision = _ask("notification-period", facts, born=relevant - timedelta(days=16 * 365))
    used, other = (_last_day(relevant, Length(years=years), mode) for mode in HalfMode)
    assert decision.dates["period_last_day"] == used
    if used == other:
        assert HALF_MODE in _relied(decision) and HALF_MODE not in _warnings(decision)
    else:
        assert f"read as days it would be {other.isoformat()}" in _warnings(decision)[HALF_MODE]


def _last_day(start: date, length: Length, mode: HalfMode) -> date:
    conventions = TimeConventions(half_mode=mode)
    return last_day(start, halve(start, length, conventions), conventions)[0]


@given(st.sampled_from([2008, 2012, 2016, 2020, 2024]), st.sampled_from([2, 5]))
def test_a_period_from_29_february_is_warned_with_the_day_the_other_reading_gives(leap: int, years: int) -> None:
    """A period of years beginning with 29 February has no corresponding day in a common year. The library takes
    1 March as the anniversary, so the period ends on 28 February; read as 28 February it would end on the 27th,
    and the decision says so.

    Citation: Sexual Offences Act 2003 s.82(1); declared convention time.conventions.missing_corresponding_day.
    Status: unverified (convention).
    """
    relevant = date(leap, 2, 29)
    sentence = {"kind": "caution"} if years == 2 else {"kind": "fine"}
    decision = _ask("notification-period", {"trigger": "caution" if years == 2 else "conviction",
                                            "relevant_date": relevant, "offence": LISTED,
                                            "sentence": sentence})
    end = date(leap + years, 2, 28)
    assert decision.dates["period_last_day"] == end
    message = _warnings(decision)[MISSING_DAY]
    assert f"read as last_day it would be {(end - timedelta(days=1)).isoformat()}" in message
