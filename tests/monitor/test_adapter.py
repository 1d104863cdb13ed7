"""The adapter: what the monitor reads from the core's decisions (no durable-rules needed)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from mappa_rules import Case, Decision, mappa_category, timeline
from mappa_rules.monitor.adapter import AdapterError, category_value, duty_days, timeline_view

CASE = Case.model_validate({
    "person": {"date_of_birth": "1980-01-01"},
    "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": "2015-04-20", "sentence_date": "2015-04-20",
                   "offence": {"schedule3": True},
                   "sentence": {"kind": "imprisonment", "term": {"months": 36}}}],
    "intervals": [{"kind": "serving_sentence", "start": "2015-04-20", "end": "2016-10-19"}],
    "notifications": [{"kind": "initial", "date": "2016-10-20", "no_sole_or_main_residence": False},
                      {"kind": "periodic", "date": "2017-10-20", "no_sole_or_main_residence": False}],
    "changes": [{"id": "move", "kind": "home_address", "date": "2018-03-01", "notified_in_advance": False}],
    "trips": [{"id": "spain", "departure": "2018-06-01", "return_date": "2018-06-08",
               "known_more_than_7_days_before": True}],
    "review": {"subject_to_order_excluding_review": False},
})
AS_OF = date(2018, 5, 1)


def as_objects(value: Any) -> Any:
    """The same answer as typed objects with the same field names (the shape the core's answers are to take)."""
    if isinstance(value, dict):
        return SimpleNamespace(**{k: as_objects(v) for k, v in value.items()})
    if isinstance(value, list):
        return [as_objects(v) for v in value]
    return value


def test_the_timeline_gives_each_duty_with_its_status_as_the_core_states_it() -> None:
    view = timeline_view(timeline(CASE, AS_OF))
    duties = {d.key: (d.kind, d.status, d.opens, d.deadline, d.met_on, d.days_late) for d in view.duties}
    assert duties == {
        "initial/a": ("initial", "met", date(2015, 4, 20), date(2016, 10, 21), date(2016, 10, 20), 0),
        "periodic/2016-10-20": ("periodic", "met", date(2016, 10, 21), date(2017, 10, 20), date(2017, 10, 20), 0),
        "change/move": ("change", "not_met", date(2018, 3, 1), date(2018, 3, 3), None, None),
        "periodic/2017-10-20": ("periodic", "due", date(2017, 10, 21), date(2018, 10, 20), None, None),
        "travel/spain": ("travel", "due", None, date(2018, 5, 25), None, None),
    }
    assert view.reviews == (("qualifying_date", date(2031, 10, 20)),)
    assert duty_days(view) == {date(2018, 10, 21), date(2018, 5, 26)}


def test_typed_answers_and_mappings_with_the_same_names_read_the_same() -> None:
    decision = timeline(CASE, AS_OF)
    dumped = decision.value.model_dump(mode="json")
    plain = Decision.model_construct(**{**decision.__dict__, "value": dumped})
    objects = Decision.model_construct(**{**decision.__dict__, "value": as_objects(dumped)})
    assert timeline_view(plain) == timeline_view(decision) == timeline_view(objects)


def test_an_answer_of_another_shape_is_an_adapter_error() -> None:
    decision = timeline(CASE, AS_OF)
    dumped = decision.value.model_dump(mode="json")
    items = [dict(i, compliance={**i["compliance"], "status": None}) if i.get("compliance") else i
             for i in dumped["items"]]
    changed = Decision.model_construct(**{**decision.__dict__, "value": {**dumped, "items": items}})
    with pytest.raises(AdapterError):
        timeline_view(changed)
    with pytest.raises(AdapterError):
        timeline_view(mappa_category(CASE, AS_OF))


def test_the_category_is_a_number_or_undetermined() -> None:
    assert category_value(mappa_category(CASE, AS_OF)) == "1"
    ended = Case.model_validate({
        "person": {"date_of_birth": "1990-01-20"},
        "disposals": [{"id": "b", "trigger": "conviction", "relevant_date": "2015-05-11",
                       "offence": {"schedule3": True}, "sentence": {"kind": "community_order"}}]})
    assert category_value(mappa_category(ended, date(2021, 1, 1))) == "undetermined"  # only Category 3 is left
