"""When a notification period begins and ends: the s.82(6) relevant date where Schedule 3 lists the offence only by
its sentence (Sexual Offences Act 2003 s.132), the period of a conditional discharge (s.82(1); Sentencing Act 2020
s.80(5)) and the end of a finding's period at a later trial (s.82(5)).

s.132(3): a person is regarded as convicted "at the time when the sentencing condition is met", for every purpose
of Part 2 "including in particular section 82(6)". s.132(2): where an offence is listed if either a sentencing
condition or a condition of another description is met, s.132 applies only to the offence as listed subject to the
sentencing condition. https://www.legislation.gov.uk/ukpga/2003/42/section/132
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mappa_rules import Case, Outcome, initial_deadline, notification_period
from mappa_rules.legal_time import Length, TimeConventions, age_on, corresponding_day

CONVICTED = st.dates(min_value=date(2010, 1, 1), max_value=date(2025, 12, 31))
LATER = st.integers(1, 400)
CONVENTIONS = TimeConventions()
SENTENCING_ONLY = st.sampled_from([
    ("soa2003.s13", 16), ("soa2003.s13", 30), ("soa2003.s38", 16), ("soa2003.s38", 30), ("soa2003.s16", 30),
    ("soa2003.s64", 16), ("soa2003.s69", 40), ("cjia2008.s63", 30), ("soa2003.s3", 16), ("soa2003.s7", 16),
])
"""Offences Schedule 3 lists, for an offender of that age at the offence, only by a sentencing condition that a
sentence of 24-29 months' imprisonment meets (paras 22, 28, 25, 32, 35, 35A, and 18 and 20 for an offender under
18)."""


def _last(start: date, years: int) -> date:
    return corresponding_day(start, Length(years=years), CONVENTIONS)[0] - timedelta(days=1)


def _case(offence: dict[str, Any], convicted: date, sentenced: date | None, months: int, age: int,
          **disposal: Any) -> Case:
    offence_date = convicted - timedelta(days=30)
    born = date(offence_date.year - age, offence_date.month, min(offence_date.day, 28)) - timedelta(days=10)
    return Case.model_validate({
        "person": {"date_of_birth": born},
        "disposals": [{"id": "a", "trigger": "conviction", "court": "england_wales", "relevant_date": convicted,
                       "sentence_date": sentenced, "offence": {"offence_date": offence_date, **offence},
                       "sentence": {"kind": "imprisonment", "term": {"months": months}}, **disposal}],
    })


@given(SENTENCING_ONLY, CONVICTED, LATER, st.integers(24, 29))
@settings(max_examples=80)
def test_a_listing_by_the_sentence_alone_dates_the_period_from_the_sentence(
        entry: tuple[str, int], convicted: date, later: int, months: int) -> None:
    """Where Schedule 3 lists the offence only because of how the offender was dealt with, the relevant date is the
    day of that sentence and the notification period (10 years, halved for an offender still under 18 that day)
    begins with it.

    Citation: Sexual Offences Act 2003 s.132(1)-(3), s.82(6)(a). Status: verified.
    """
    offence_id, age = entry
    sentenced = convicted + timedelta(days=later)
    case = _case({"offence_id": offence_id, "victim_age": 30}, convicted, sentenced, months, age)
    decision = notification_period(case, sentenced)
    assert decision.outcome is Outcome.YES, decision.missing
    assert decision.dates["relevant_date"] == sentenced
    born = case.person.date_of_birth
    assert born is not None
    adult = age_on(born, sentenced, CONVENTIONS) >= 18
    assert decision.dates["period_last_day"] == _last(sentenced, 10 if adult else 5)
    assert decision.value["subject_on_as_of"] is True
    assert notification_period(case, sentenced - timedelta(days=1)).value["subject_on_as_of"] is False


@given(st.sampled_from([("soa2003.s3", {"victim_age": 15}), ("soa2003.s7", {}), ("soa2003.s47", {"victim_age": 14})]),
       CONVICTED, LATER, st.integers(12, 29))
@settings(max_examples=60)
def test_a_listing_of_another_description_dates_the_period_from_the_conviction(
        entry: tuple[str, dict[str, Any]], convicted: date, later: int, months: int) -> None:
    """Where a condition of another description lists the offence (an adult offender, a victim under 18), the
    relevant date is the date of conviction, whenever the sentence was passed - even though the sentence would also
    list it.

    Citation: Sexual Offences Act 2003 s.132(2), s.82(6)(a). Status: verified (both limbs met: derived).
    """
    offence_id, facts = entry
    case = _case({"offence_id": offence_id, **facts}, convicted, convicted + timedelta(days=later), months, 30)
    decision = notification_period(case, convicted)
    assert decision.dates["relevant_date"] == convicted
    assert decision.dates["period_last_day"] == _last(convicted, 10)


@given(CONVICTED, st.integers(2, 300), st.integers(12, 29))
@settings(max_examples=60)
def test_an_offender_who_turns_18_before_a_listing_sentence_gets_the_full_period(
        convicted: date, later: int, months: int) -> None:
    """The s.82(2) halving follows the age on the relevant date so determined: an offender under 18 at the offence
    and at conviction who turns 18 before the sentence that alone lists the offence gets the full 10 years.

    Citation: Sexual Offences Act 2003 s.82(2), s.132(3). Status: verified.
    """
    sentenced = convicted + timedelta(days=later)
    birthday = convicted + timedelta(days=max(1, later // 2))  # the 18th birthday, after conviction, not after sentence
    if (birthday.month, birthday.day) == (2, 29):
        birthday += timedelta(days=1)
    born = birthday.replace(year=birthday.year - 18)
    case = Case.model_validate({
        "person": {"date_of_birth": born},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": convicted, "sentence_date": sentenced,
                       "offence": {"offence_id": "soa2003.s3", "offence_date": convicted - timedelta(days=1),
                                   "victim_age": 30},
                       "sentence": {"kind": "imprisonment", "term": {"months": months}}}],
    })
    decision = notification_period(case, sentenced)
    assert decision.value["halved"] is False
    assert decision.dates["period_last_day"] == _last(sentenced, 10)


@given(SENTENCING_ONLY, CONVICTED, st.integers(24, 29), st.integers(0, 4000))
@settings(max_examples=60)
def test_an_unknown_sentence_date_is_never_taken_as_the_conviction(
        entry: tuple[str, int], convicted: date, months: int, after: int) -> None:
    """A listing that depends on the sentence, with the day of sentence unknown, leaves the period undetermined and
    names disposals[i].sentence_date; it is never dated from the conviction, and the person is not subject before
    the conviction.

    Citation: Sexual Offences Act 2003 s.132(3). Status: derived.
    """
    offence_id, age = entry
    case = _case({"offence_id": offence_id, "victim_age": 30}, convicted, None, months, age)
    decision = notification_period(case, convicted + timedelta(days=after))
    assert decision.outcome is Outcome.UNDETERMINED
    assert "disposals[0].sentence_date" in [m.fact for m in decision.missing]
    assert "relevant_date" not in decision.dates
    assert notification_period(case, convicted - timedelta(days=1)).value["subject_on_as_of"] is False


@given(CONVICTED, st.sampled_from([None, 12, 30]), st.sampled_from([None, True, False]), st.integers(12, 29))
@settings(max_examples=60)
def test_sentence_on_the_day_of_conviction_makes_the_listing_limb_irrelevant(
        convicted: date, victim: int | None, flag: bool | None, months: int) -> None:
    """When the sentence was passed on the day of conviction, the relevant date is that day whichever condition
    lists the offence: the answer does not depend on the victim's age or on the caller's flag.

    Citation: Sexual Offences Act 2003 s.82(6), s.132(3). Status: derived.
    """
    by_id = _case({"offence_id": "soa2003.s3", "victim_age": victim}, convicted, convicted, months, 30)
    by_flag = _case({"schedule3": True, "schedule3_sentencing_condition": flag}, convicted, convicted, months, 30)
    for case in (by_id, by_flag):
        decision = notification_period(case, convicted)
        assert decision.outcome is Outcome.YES
        assert decision.dates["relevant_date"] == convicted
        assert decision.dates["period_last_day"] == _last(convicted, 10)


def _discharge(convicted: date, ordered: date | None, months: int, born: date) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": born},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": convicted, "sentence_date": ordered,
                       "offence": {"offence_id": "soa2003.s9", "offence_date": convicted - timedelta(days=60),
                                   "victim_age": 14},
                       "sentence": {"kind": "conditional_discharge", "period": {"months": months}}}],
    })


@given(CONVICTED, st.integers(0, 120), st.integers(1, 36), st.integers(-3, 3))
@settings(max_examples=80)
def test_a_conditional_discharge_runs_from_the_day_of_the_order(
        convicted: date, wait: int, months: int, shift: int) -> None:
    """A conditional discharge's notification period is the period of the discharge, beginning with the day the
    order was made and ending the day before the corresponding date; the person is subject from the conviction.

    Citation: Sexual Offences Act 2003 s.82(1); Sentencing Act 2020 s.80(1), (5). Status: verified.
    """
    ordered = convicted + timedelta(days=wait)
    last = corresponding_day(ordered, Length(months=months), CONVENTIONS)[0] - timedelta(days=1)
    case = _discharge(convicted, ordered, months, date(1980, 1, 1))
    decision = notification_period(case, last + timedelta(days=shift))
    assert decision.dates["period_last_day"] == last
    assert decision.dates["relevant_date"] == convicted
    assert decision.value["subject_on_as_of"] is (shift <= 0)
    assert notification_period(case, convicted).value["subject_on_as_of"] is True


@given(CONVICTED, st.integers(1, 36), st.integers(10, 17))
@settings(max_examples=40)
def test_a_conditional_discharge_is_never_halved(convicted: date, months: int, age: int) -> None:
    """A conditional discharge's period is never halved, whatever the offender's age on the relevant date.

    Citation: Sexual Offences Act 2003 s.82(2). Status: verified.
    """
    born = date(convicted.year - age, 1, 1) if convicted.month > 1 else date(convicted.year - age - 1, 1, 1)
    decision = notification_period(_discharge(convicted, convicted, months, born), convicted)
    assert decision.value["halved"] is False
    assert decision.value["length"] == str(Length(months=months))


@given(CONVICTED, st.integers(1, 120), st.integers(1, 36))
@settings(max_examples=40)
def test_the_initial_notification_after_a_conditional_discharge_runs_from_the_conviction(
        convicted: date, wait: int, months: int) -> None:
    """The relevant date of a conditionally discharged conviction is the date of conviction, and the initial
    notification is due within 3 days beginning with it, however much later the order was made.

    Citation: Sexual Offences Act 2003 s.82(6)(a), s.83(1). Status: verified.
    """
    case = _discharge(convicted, convicted + timedelta(days=wait), months, date(1980, 1, 1))
    assert initial_deadline(case, convicted).dates["initial_deadline"] == convicted + timedelta(days=2)


@given(CONVICTED, st.integers(1, 36), st.integers(-30, 2000))
@settings(max_examples=60)
def test_with_the_order_date_unknown_the_status_is_still_known_inside_the_shortest_period(
        convicted: date, months: int, after: int) -> None:
    """With the day of the conditional discharge unknown, the person is subject on every day from the conviction to
    the day before the corresponding date after the conviction (the order cannot precede it), not subject before the
    conviction, and the last day is undetermined, naming sentence_date.

    Citation: Sexual Offences Act 2003 s.82(1); Sentencing Act 2020 s.80(5). Status: derived.
    """
    shortest = corresponding_day(convicted, Length(months=months), CONVENTIONS)[0] - timedelta(days=1)
    day = convicted + timedelta(days=after)
    decision = notification_period(_discharge(convicted, None, months, date(1980, 1, 1)), day)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in decision.missing] == ["disposals[0].sentence_date"]
    expected = False if day < convicted else (True if day <= shortest else None)
    assert decision.value["subject_on_as_of"] is expected


def _finding(found: date, tried: date | None, restricted: bool) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "f", "trigger": "disability_finding", "relevant_date": found, "sentence_date": found,
                       "trial_concluded_on": tried, "offence": {"offence_id": "soa2003.s1"},
                       "sentence": {"kind": "hospital_order", "restriction_order": restricted}}],
    })


@given(CONVICTED, st.integers(0, 5500), st.booleans(), st.integers(-3, 3))
@settings(max_examples=80)
def test_a_later_trial_ends_the_period_of_a_finding_of_disability(
        found: date, wait: int, restricted: bool, shift: int) -> None:
    """A finding of disability's notification period ends on the day the later trial concluded, never later than it
    would otherwise have ended (an indefinite one included); afterwards the finding makes the person subject to
    nothing.

    Citation: Sexual Offences Act 2003 s.82(5). Status: verified.
    """
    tried = found + timedelta(days=wait)
    day = tried + timedelta(days=shift)
    without = notification_period(_finding(found, None, restricted), day)
    decision = notification_period(_finding(found, tried, restricted), day)
    ordinary = None if restricted else _last(found, 7)
    assert decision.dates["period_last_day"] == (tried if ordinary is None else min(tried, ordinary))
    assert decision.value["subject_on_as_of"] is (without.value["subject_on_as_of"] and day <= tried)


@given(CONVICTED, st.sampled_from(["conviction", "insanity_finding", "caution"]), st.integers(0, 400))
def test_only_a_finding_of_disability_is_cut_short_by_a_trial(found: date, trigger: str, wait: int) -> None:
    """s.82(5) shortens only the period of a finding of disability: the date of a later trial given for a
    conviction, a caution or a finding of insanity is rejected as input, naming the field.

    Citation: Sexual Offences Act 2003 s.82(5), s.80(1)(c). Status: verified.
    """
    sentence = {"kind": "caution"} if trigger == "caution" else {"kind": "hospital_order", "restriction_order": False}
    with pytest.raises(ValidationError, match="trial_concluded_on"):
        Case.model_validate({"disposals": [{"id": "a", "trigger": trigger, "relevant_date": found,
                                            "trial_concluded_on": found + timedelta(days=wait),
                                            "offence": {"schedule3": True}, "sentence": sentence}]})
