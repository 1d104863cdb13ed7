"""Typed answers: each question's value is a model of its own, published in the decision JSON Schema, and every
worked example's decision is read back by that schema's model exactly as it was written."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from mappa_rules import Case, Decision, NotificationPeriodValue, TypedValue, notification_period
from mappa_rules.questions import decision_adapter, decision_json_schema
from mappa_rules.questions.registry import BY_ID, REGISTRY
from tests.conftest import answer, load_casebook

EXAMPLES = load_casebook()


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['file']}:{e['name'][:40]}" for e in EXAMPLES])
def test_every_worked_example_is_read_back_by_its_questions_model(example: dict[str, Any]) -> None:
    decision = answer(example)
    assert isinstance(decision.value, BY_ID[decision.question].value_model())
    text = decision.model_dump_json(warnings="error")  # a value that does not fit its model would warn
    again = decision_adapter().validate_json(text)
    assert isinstance(again.value, BY_ID[decision.question].value_model())
    assert again.model_dump_json() == text


def test_the_decision_schema_tells_each_question_by_its_id_and_shows_its_value_model() -> None:
    schema = decision_json_schema()
    assert schema["type"] == "object" and schema["discriminator"]["propertyName"] == "question"
    mapping = schema["discriminator"]["mapping"]
    assert set(mapping) == {q.id for q in REGISTRY}
    for question in REGISTRY:
        variant = schema["$defs"][mapping[question.id].rsplit("/", 1)[1]]
        assert variant["properties"]["question"]["const"] == question.id
        assert variant["properties"]["value"]["$ref"] == f"#/$defs/{question.value}"
        assert "explanation" in schema["$defs"]["Reason"]["properties"]


def test_every_field_of_every_value_model_is_described() -> None:
    models: list[type[TypedValue]] = []
    todo: list[type[TypedValue]] = [q.value_model() for q in REGISTRY]
    while todo:
        model = todo.pop()
        if model in models:
            continue
        models.append(model)
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
            todo += [t for t in _models_in(field.annotation) if t not in models]
    assert len(models) > len(REGISTRY)


def _models_in(annotation: Any) -> list[type[TypedValue]]:
    if isinstance(annotation, type) and issubclass(annotation, TypedValue):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


CASE = Case.model_validate({"person": {"date_of_birth": "1990-01-15"}, "disposals": [
    {"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20",
     "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
     "sentence": {"kind": "imprisonment", "term": {"months": 12}}}]})


def test_a_value_is_typed_and_reads_like_its_json() -> None:
    decision: Decision[NotificationPeriodValue] = notification_period(CASE, date(2026, 11, 21))
    value = decision.value
    assert value.length == "10 years" and value.disposals[0].period_last_day == date(2025, 4, 19)
    dumped = json.loads(decision.model_dump_json())["value"]
    assert "orders" not in dumped and "orders" not in value and value.get("orders") is None
    with pytest.raises(KeyError):
        value["orders"]
    assert value["length"] == dumped["length"] and value.get("controlling_disposal") == "a"
    assert value.disposals[0] == {**dumped["disposals"][0], "relevant_date": date(2015, 4, 20),
                                  "trigger_date": date(2015, 4, 20), "period_from": date(2015, 4, 20),
                                  "period_last_day": date(2025, 4, 19)}
    assert list(dumped) == [k for k in NotificationPeriodValue.model_fields if k in value]


def test_any_decision_is_read_by_the_plain_decision_model_too() -> None:
    text = notification_period(CASE, date(2026, 11, 21)).model_dump_json()
    plain = Decision.model_validate_json(text)
    assert plain.value["length"] == "10 years" and plain.model_dump_json() == text
