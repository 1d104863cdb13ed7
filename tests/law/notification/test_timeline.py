"""The timeline of notification duties: Sexual Offences Act 2003 ss.82-86 and 91A-91F, for one case as at a date.

Every dated step the other questions give, in date order, each with the rule that gives it and whether it is past,
due (on the as-at date) or upcoming. https://www.legislation.gov.uk/ukpga/2003/42/part/2
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, default_rulebook
from mappa_rules.questions import initial_deadline, periodic, timeline

RELEVANT = st.dates(min_value=date(2004, 5, 1), max_value=date(2024, 1, 1))
AS_OF = st.dates(min_value=date(2004, 5, 1), max_value=date(2030, 1, 1))


def _case(relevant: date, months: int, custody: int, notified: list[int]) -> Case:
    released = relevant + timedelta(days=custody)
    data: dict[str, Any] = {
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": months}}}],
        "intervals": [{"kind": "serving_sentence", "start": relevant, "end": released}] if custody else [],
        "notifications": [{"kind": "periodic", "date": released + timedelta(days=n),
                           "no_sole_or_main_residence": False} for n in sorted(set(notified))],
        "review": {"subject_to_order_excluding_review": False},
    }
    return Case.model_validate(data)


CASES = st.builds(_case, RELEVANT, st.integers(1, 60), st.integers(0, 900), st.lists(st.integers(1, 2000), max_size=4))


@settings(max_examples=60)
@given(CASES, AS_OF)
def test_items_are_in_date_order_with_the_right_status(case: Case, as_of: date) -> None:
    """The steps are listed in date order, and each is past, due or upcoming according to the date asked about.

    Citation: Sexual Offences Act 2003 ss.83-85, 91B. Status: derived.
    """
    items = timeline(case, as_of).value["items"]
    days = [i["date"] for i in items]
    assert days == sorted(days)
    for item in items:
        expected = "past" if item["date"] < as_of else ("due" if item["date"] == as_of else "upcoming")
        assert item["status"] == expected


@settings(max_examples=60)
@given(CASES, AS_OF)
def test_every_step_names_a_rule_or_parameter(case: Case, as_of: date) -> None:
    """Every step of the timeline names the rule (or dated parameter) of the rulesets that gives it.

    Citation: Sexual Offences Act 2003 ss.82-86, 91A-91F. Status: derived.
    """
    book = default_rulebook()
    known = {r.id for r in book.rules()} | set(book.parameters)
    decision = timeline(case, as_of)
    for item in decision.value["items"] + decision.value["pending"]:
        assert item["rule"] in known


@settings(max_examples=60)
@given(CASES, AS_OF)
def test_the_timeline_agrees_with_the_questions_it_gathers(case: Case, as_of: date) -> None:
    """The timeline's initial notification and next periodic notification are the dates the initial-deadline and
    periodic questions give.

    Citation: Sexual Offences Act 2003 ss.83(1), 85(1). Status: derived.
    """
    items = timeline(case, as_of).value["items"]
    initial = initial_deadline(case, as_of).dates.get("initial_deadline")
    assert [i["date"] for i in items if i["kind"] == "initial_notification"] == ([initial] if initial else [])
    answer = periodic(case, as_of)
    due = answer.dates.get("periodic_due") if answer.outcome is Outcome.YES else None
    assert [i["date"] for i in items if i["kind"] == "periodic_notification"] == ([due] if due else [])
