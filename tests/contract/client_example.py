"""A program that uses mappa-rules as an installed library, as an integrator would: it builds a case, asks questions
and reads typed answers. ``test_typed_client.py`` type-checks it with ``mypy --strict`` against the package seen as
installed (so the package's ``py.typed`` marker and its annotations are what is tested) and runs it.
"""

from __future__ import annotations

from datetime import date

from mappa_rules import (
    Case,
    Decision,
    MappaCategoryValue,
    NotificationPeriodValue,
    Outcome,
    assess,
    mappa_category,
    notification_period,
)
from mappa_rules.schemas import exported_schema, schema_version


def a_case() -> Case:
    """An adult convicted on 20 April 2015 of a Schedule 3 offence (listed whatever the sentence), 12 months."""
    return Case.model_validate({
        "person": {"date_of_birth": "1990-01-15"},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20",
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "imprisonment", "term": {"months": 12}}}],
    })


def period_last_day(case: Case, as_of: date) -> date | None:
    decision: Decision[NotificationPeriodValue] = notification_period(case, as_of=as_of)
    length: str | None = decision.value.length
    assert length == "10 years", length
    return decision.dates.get("period_last_day")


def recorded_category(case: Case, as_of: date) -> int | None:
    decision = mappa_category(case, as_of)
    category: int | None = decision.value.category
    return category


def category_from_assess(case: Case, as_of: date) -> int | None:
    answers: dict[str, Decision] = assess(case, as_of)
    value = answers["category"].value
    assert isinstance(value, MappaCategoryValue)  # assess returns any question's decision: narrow to read it typed
    return value.category


def main() -> None:
    case = a_case()
    assert period_last_day(case, date(2026, 11, 21)) == date(2025, 4, 19)
    assert notification_period(case, date(2026, 11, 21)).outcome is Outcome.YES
    assert recorded_category(case, date(2024, 11, 21)) == 1
    assert category_from_assess(case, date(2024, 11, 21)) == 1
    schema = exported_schema("decision")
    assert schema["$id"].endswith(":" + schema_version("decision"))


if __name__ == "__main__":
    main()
