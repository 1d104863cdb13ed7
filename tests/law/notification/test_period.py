"""The notification period: Sexual Offences Act 2003 ss.80-82 (and s.131 for youth custody).

s.80(1): a conviction, finding or caution for a Schedule 3 offence makes a relevant offender. s.82(1): the table
of periods. s.82(2): the 10, 7, 5 and 2-year periods are halved for an offender under 18 on the relevant date.
https://www.legislation.gov.uk/ukpga/2003/42/section/82
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, notification_period
from mappa_rules.legal_time import Length

AS_OF = date(2026, 11, 21)
RELEVANT = st.dates(min_value=date(2004, 5, 1), max_value=date(2026, 11, 1))
BIRTH = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 1, 1))


def _case(relevant: date, sentence: dict[str, Any], born: date | None, **offence: Any) -> Case:
    data: dict[str, Any] = {
        "person": {"date_of_birth": born},
        "disposals": [{"id": "a", "trigger": "caution" if sentence["kind"] == "caution" else "conviction",
                       "relevant_date": relevant, "sentence_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False, **offence},
                       "sentence": sentence}],
    }
    return Case.model_validate(data)


def _valid(born: date | None, relevant: date) -> bool:
    return born is None or born <= relevant


@given(RELEVANT, st.integers(30, 600), st.none() | BIRTH)
def test_thirty_months_or_more_is_indefinite_whatever_the_age(relevant: date, months: int, born: date | None) -> None:
    """Imprisonment for 30 months or more gives an indefinite period, whatever the offender's age (even unknown).

    Citation: Sexual Offences Act 2003 s.82(1), (2). Status: verified.
    """
    if not _valid(born, relevant):
        return
    decision = notification_period(_case(relevant, {"kind": "imprisonment", "term": {"months": months}}, born), AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["indefinite"] is True
    assert "period_last_day" not in decision.dates


@given(RELEVANT, st.integers(1, 29), st.dates(min_value=date(1940, 1, 1), max_value=date(1985, 1, 1)))
def test_adult_bands(relevant: date, months: int, born: date) -> None:
    """For an adult, imprisonment of 6 months or less gives 7 years; more than 6 but less than 30 months, 10 years.

    Citation: Sexual Offences Act 2003 s.82(1). Status: verified.
    """
    decision = notification_period(_case(relevant, {"kind": "imprisonment", "term": {"months": months}}, born), AS_OF)
    years = 7 if months <= 6 else 10
    assert decision.value["length"] == f"{years} years"
    assert decision.dates["period_last_day"] == _anniversary(relevant, years) - timedelta(days=1)


def _anniversary(day: date, years: int) -> date:
    """Independent oracle: the Nth anniversary, 29 February rolling to 1 March (the declared convention)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


SENTENCES = st.sampled_from([
    {"kind": "imprisonment", "term": {"months": 12}},
    {"kind": "imprisonment", "term": {"months": 3}},
    {"kind": "caution"},
    {"kind": "community_order"},
    {"kind": "fine"},
    {"kind": "hospital_order", "restriction_order": False},
    {"kind": "conditional_discharge", "period": {"years": 2}},
    {"kind": "imprisonment", "term": {"months": 40}},
])


@settings(max_examples=150)
@given(RELEVANT, SENTENCES, BIRTH, BIRTH)
def test_under_18_never_longer_than_adult(relevant: date, sentence: dict[str, Any], young: date, old: date) -> None:
    """An offender under 18 on the relevant date never has a longer period than an adult with the same disposal.

    Citation: Sexual Offences Act 2003 s.82(2). Status: secondary.
    """
    young_born = date(max(relevant.year - 15, young.year), 1, 1)
    adult_born = date(min(relevant.year - 19, old.year), 1, 1)
    if young_born > relevant:
        return
    youth = notification_period(_case(relevant, sentence, young_born), AS_OF)
    adult = notification_period(_case(relevant, sentence, adult_born), AS_OF)
    assert youth.outcome is Outcome.YES and adult.outcome is Outcome.YES
    if adult.value["indefinite"]:
        assert youth.value["indefinite"]
        return
    assert youth.dates["period_last_day"] <= adult.dates["period_last_day"]
    if sentence["kind"] == "conditional_discharge":
        assert youth.dates["period_last_day"] == adult.dates["period_last_day"]
    else:
        assert youth.dates["period_last_day"] < adult.dates["period_last_day"]


@given(RELEVANT, st.sampled_from([
    {"kind": "imprisonment", "term": {"months": 12}},
    {"kind": "caution"},
    {"kind": "fine"},
    {"kind": "hospital_order", "restriction_order": False},
]))
def test_unknown_birth_date_is_never_taken_as_adult(relevant: date, sentence: dict[str, Any]) -> None:
    """A halvable period with the date of birth unknown is undetermined and names the date of birth.

    Citation: Sexual Offences Act 2003 s.82(2); principle "never guess". Status: derived.
    """
    decision = notification_period(_case(relevant, sentence, None), AS_OF)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in decision.missing] == ["person.date_of_birth"]
    candidates = decision.value["disposals"][0]["candidates"]
    assert {c["if"] for c in candidates} == {"18 or over", "under 18"}


@given(RELEVANT, SENTENCES, BIRTH)
def test_period_begins_with_relevant_date(relevant: date, sentence: dict[str, Any], born: date) -> None:
    """The period begins with the relevant date: it never ends before it, and the person is subject on it.

    Citation: Sexual Offences Act 2003 s.82(1), (6). Status: verified.
    """
    if born > relevant:
        return
    decision = notification_period(_case(relevant, sentence, born), relevant)
    assert decision.value["subject_on_as_of"] is True
    end = decision.dates.get("period_last_day")
    assert end is None or end > relevant


@given(RELEVANT, SENTENCES, st.none() | BIRTH)
def test_not_in_schedule_3_never_notifies(relevant: date, sentence: dict[str, Any], born: date | None) -> None:
    """An offence not listed in Schedule 3 (with its conditions met) never makes a relevant offender.

    Citation: Sexual Offences Act 2003 s.80(1). Status: verified.
    """
    if not _valid(born, relevant):
        return
    decision = notification_period(_case(relevant, sentence, born, schedule3=False), AS_OF)
    assert decision.outcome is Outcome.NO
    assert decision.value["subject_on_as_of"] is False


@given(RELEVANT, st.none() | BIRTH)
def test_absolute_discharge_never_notifies(relevant: date, born: date | None) -> None:
    """A conviction followed by an absolute discharge does not make a relevant offender.

    Citation: Sexual Offences Act 2003 s.134 (which saves only conditional discharges). Status: derived.
    """
    if not _valid(born, relevant):
        return
    decision = notification_period(_case(relevant, {"kind": "absolute_discharge"}, born), AS_OF)
    assert decision.outcome is Outcome.NO


@given(RELEVANT, st.integers(1, 60), BIRTH)
def test_conditional_discharge_period_is_its_own(relevant: date, months: int, born: date) -> None:
    """A conditional discharge gives a period equal to the discharge's, at any age.

    Citation: Sexual Offences Act 2003 s.82(1), (2). Status: verified.
    """
    if born > relevant:
        return
    decision = notification_period(
        _case(relevant, {"kind": "conditional_discharge", "period": {"months": months}}, born), AS_OF)
    assert decision.value["halved"] is False
    assert decision.value["length"] == str(Length(months=months))


@given(RELEVANT, st.integers(31, 600), st.sampled_from(["consecutive", "concurrent", "partly_concurrent"]))
def test_a_term_over_30_months_is_indefinite_whatever_unknown_terms_are_related_to_it(
    relevant: date, months: int, kind: str,
) -> None:
    """Aggregating related terms can only lengthen the relevant term, so a term of 31 months or more gives an
    indefinite period even when a term related to it is not known (at exactly 30 months the unknown term is named:
    measured from another start, the same days may hold one month fewer).

    Citation: Sexual Offences Act 2003 s.82(1), (3)-(4). Status: derived.
    """
    relation: dict[str, Any] = {"to": "a", "kind": kind}
    if kind == "partly_concurrent":
        relation["overlap"] = {"months": 1}
    case = Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [
            {"id": "a", "trigger": "conviction", "relevant_date": relevant, "offence": {"schedule3": None},
             "sentence": None},
            {"id": "b", "trigger": "conviction", "relevant_date": relevant, "offence": {"schedule3": True},
             "sentence": {"kind": "imprisonment", "term": {"months": months}, "relation": relation}},
        ],
    })
    decision = notification_period(case, AS_OF)
    assert decision.value["disposals"][1]["indefinite"] is True
