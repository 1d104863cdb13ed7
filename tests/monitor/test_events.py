"""The event schema and the facts kept from events (no durable-rules needed).

Each line is validated strictly, and an error names the field and the reason without repeating the value (a date
there may be a date of birth); each event changes the person's case as the schema says, and an event that would
make the case impossible is refused.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from mappa_rules.monitor.events import BadLine, Event, parse_line
from mappa_rules.monitor.person import Facts, Rejected, apply, case_of

DOB = "1961-07-13"


def line(what: str, day: str = "2015-01-05", person: str | None = "P1", /, **details: Any) -> str:
    body: dict[str, Any] = {"date": day, "kind": what}
    if person is not None:
        body["person"] = person
    if details:
        body["details"] = details
    return json.dumps(body)


def event(what: str, day: str = "2015-01-05", /, **details: Any) -> Event:
    parsed = parse_line(line(what, day, "P1", **details))
    assert isinstance(parsed, Event), parsed
    return parsed


def facts_after(*events: Event) -> Facts:
    facts = Facts()
    for one in events:
        apply(facts, one)
    return facts


CONVICTED = {"id": "a", "offence": {"schedule3": True}, "sentence": {"kind": "imprisonment", "term": {"months": 12}}}


def test_a_line_is_an_event_with_its_date() -> None:
    parsed = parse_line(line("convicted", **CONVICTED))
    assert isinstance(parsed, Event)
    assert parsed.person == "P1" and parsed.date == date(2015, 1, 5) and parsed.kind == "convicted"


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '"text"'])
def test_a_line_that_is_not_a_json_object_is_bad_json(text: str) -> None:
    parsed = parse_line(text)
    assert isinstance(parsed, BadLine) and parsed.error == "bad_json"


@pytest.mark.parametrize("day", ["2015-02-30", "2015-2-3", "2015-02-03T10:00:00"])
def test_a_bad_date_names_the_field_and_not_the_value(day: str) -> None:
    parsed = parse_line(line("tick", day, None))
    assert isinstance(parsed, BadLine)
    assert parsed.error == "bad_event" and parsed.fields == ("date",)
    assert day not in parsed.detail


def test_an_unknown_kind_or_field_is_named() -> None:
    unknown = parse_line(line("moved"))
    assert isinstance(unknown, BadLine) and unknown.fields == ("kind",)
    extra = parse_line(json.dumps({"person": "P1", "date": "2015-01-05", "kind": "left_uk", "where": "Spain"}))
    assert isinstance(extra, BadLine) and extra.fields == ("where",)


def test_every_kind_but_tick_needs_a_person_and_a_tick_has_none() -> None:
    assert isinstance(parse_line(line("left_uk", "2015-01-05", None)), BadLine)
    assert isinstance(parse_line(line("tick", "2015-01-05", "P1")), BadLine)
    assert isinstance(parse_line(line("tick", "2015-01-05", None)), Event)
    assert isinstance(parse_line(json.dumps({"person": 7, "date": "2015-01-05", "kind": "left_uk"})), BadLine)


def test_a_detail_that_does_not_fit_names_its_path() -> None:
    bad = event("convicted", **{**CONVICTED, "sentence": {"kind": "imprisonment", "term": {"months": "twelve"}}})
    with pytest.raises(Rejected) as caught:
        apply(Facts(), bad)
    assert caught.value.error == "bad_event"
    assert caught.value.fields == ("details.sentence.imprisonment.term.months",)


def test_the_event_date_is_the_date_the_schema_names_and_cannot_be_given_twice() -> None:
    facts = facts_after(event("convicted", "2015-01-05", **CONVICTED))
    assert case_of(facts).disposals[0].relevant_date == date(2015, 1, 5)
    with pytest.raises(Rejected) as caught:
        apply(Facts(), event("convicted", **{**CONVICTED, "relevant_date": "2015-01-01"}))
    assert caught.value.fields == ("details.relevant_date",)


def test_an_impossible_case_is_refused_without_repeating_the_date_of_birth() -> None:
    facts = facts_after(event("person", "2015-01-05", date_of_birth="2016-03-01"))
    with pytest.raises(Rejected) as caught:
        apply(facts, event("convicted", "2015-01-05", **CONVICTED))
    assert caught.value.error == "bad_facts"
    assert "2016-03-01" not in caught.value.detail and "2015-01-05" not in caught.value.detail


def test_release_ends_the_detention_and_records_the_release_as_a_change() -> None:
    facts = facts_after(event("convicted", "2015-01-05", **CONVICTED),
                        event("detained", "2015-01-05", place="serving_sentence"),
                        event("released", "2015-07-01", disposal="a"))
    case = case_of(facts)
    assert [(i.kind, i.start, i.end) for i in case.intervals] == [
        ("serving_sentence", date(2015, 1, 5), date(2015, 7, 1))]
    assert case.disposals[0].release_date == date(2015, 7, 1)
    assert [(c.kind, c.date, c.notified_in_advance) for c in case.changes] == [("release", date(2015, 7, 1), False)]


def test_a_release_with_nobody_detained_or_a_second_departure_is_refused() -> None:
    with pytest.raises(Rejected) as released:
        apply(Facts(), event("released"))
    assert released.value.error == "bad_facts"
    facts = facts_after(event("left_uk", "2015-01-05"))
    with pytest.raises(Rejected):
        apply(facts, event("left_uk", "2015-01-06"))


def test_a_move_between_detentions_ends_the_first() -> None:
    facts = facts_after(event("detained", "2015-01-05", place="remanded_in_custody"),
                        event("detained", "2015-03-01", place="serving_sentence"))
    assert [(i.kind, i.end) for i in case_of(facts).intervals] == [
        ("remanded_in_custody", date(2015, 3, 1)), ("serving_sentence", None)]


def test_an_expected_change_is_a_change_notification_and_is_completed_when_it_happens() -> None:
    facts = facts_after(event("change_expected", "2015-01-05", id="move", kind="home_address",
                              expected_date="2015-01-20"))
    case = case_of(facts)
    assert [(n.kind, n.date) for n in case.notifications] == [("change", date(2015, 1, 5))]
    assert (case.changes[0].notified_in_advance, case.changes[0].occurred) == (True, False)
    apply(facts, event("changed", "2015-01-21", id="move", kind="home_address"))
    change = case_of(facts).changes[0]
    assert (change.date, change.occurred, change.expected_date) == (date(2015, 1, 21), None, date(2015, 1, 20))


def test_a_change_not_announced_was_not_notified_in_advance_and_gets_an_id() -> None:
    facts = facts_after(event("changed", "2015-01-05", kind="home_address"))
    change = case_of(facts).changes[0]
    assert change.notified_in_advance is False and change.id == "home_address#1"


def test_travel_notices_are_the_trips_own_facts() -> None:
    """Notice of a trip, of its changed details and of the return set the trip's ``notified_on``,
    ``change_notified_on`` and ``return_notified_on`` (s.86(2); SI 2004/1220 regs 5, 7, 8); the first of each
    counts, and planning the trip again keeps them."""
    facts = facts_after(event("trip_planned", "2015-01-02", id="spain", departure="2015-02-01"),
                        event("notified", "2015-01-05", kind="travel", trip="spain"),
                        event("notified", "2015-01-09", kind="travel", trip="spain"),
                        event("trip_planned", "2015-01-10", id="spain", departure="2015-02-03"))
    trip = case_of(facts).trips[0]
    assert (trip.notified_on, trip.departure) == (date(2015, 1, 5), date(2015, 2, 3))
    assert not case_of(facts).notifications
    with pytest.raises(Rejected) as caught:
        apply(Facts(), event("notified", kind="travel", trip="spain"))
    assert caught.value.fields == ("details.trip",)
    with pytest.raises(Rejected):
        apply(Facts(), event("notified", kind="travel"))
    with pytest.raises(Rejected):
        apply(Facts(), event("notified", kind="periodic", trip="spain"))


def test_a_trip_planned_again_replaces_the_first_plan() -> None:
    facts = facts_after(event("trip_planned", "2015-01-05", id="t", departure="2015-02-01"),
                        event("trip_planned", "2015-01-06", id="t", departure="2015-02-03"))
    assert [t.departure for t in case_of(facts).trips] == [date(2015, 2, 3)]


def test_an_order_is_made_served_varied_breached_and_discharged() -> None:
    term = {"id": "t1", "kind": "prohibition", "period": {"years": 5}}
    facts = facts_after(
        event("order_made", "2015-01-05", id="o", kind="shpo", route="application", terms=[term]),
        event("order_served", "2015-01-06", order="o"),
        event("order_varied", "2015-06-01", order="o", terms=[{**term, "period": {"years": 6}}]),
        event("order_breached", "2016-01-01", order="o"),
        event("order_discharged", "2017-01-01", order="o"))
    order = case_of(facts).orders[0]
    assert (order.made, order.served, order.breach_date, order.ceased_on) == (
        date(2015, 1, 5), date(2015, 1, 6), date(2016, 1, 1), date(2017, 1, 1))
    assert order.terms[0].period is not None and order.terms[0].period.years == 6
    with pytest.raises(Rejected) as unknown:
        apply(facts, event("order_served", order="p"))
    assert unknown.value.fields == ("details.order",)


def test_review_events_make_an_application_and_its_determination() -> None:
    facts = facts_after(event("review_facts", "2020-01-01", subject_to_order_excluding_review=False),
                        event("review_applied", "2020-02-01"),
                        event("review_determined", "2020-03-01", determination="refused"),
                        event("review_notice_received", "2020-03-05"))
    review = case_of(facts).review
    assert review.subject_to_order_excluding_review is False
    application = review.applications[0]
    assert (application.received, application.determination, application.determination_date,
            application.notice_received) == (date(2020, 2, 1), "refused", date(2020, 3, 1), date(2020, 3, 5))
    with pytest.raises(Rejected):
        apply(Facts(), event("review_determined", determination="refused"))


def test_level_and_risk_facts() -> None:
    facts = facts_after(event("level_decided", "2015-01-05", current_level=2, risk_of_serious_harm="high"),
                        event("risk_assessed", "2015-01-06", may_cause_serious_harm=True))
    case = case_of(facts)
    assert (case.mappa.current_level, case.mappa.last_review, case.risk.may_cause_serious_harm) == (
        2, date(2015, 1, 5), True)
    with pytest.raises(Rejected):
        apply(Facts(), event("level_decided", risk_of_serious_harm="high"))


def test_facts_survive_their_compact_text() -> None:
    facts = facts_after(event("person", "2015-01-05", date_of_birth=DOB), event("convicted", **CONVICTED),
                        event("trip_planned", "2015-01-06", id="t", departure="2015-03-01"),
                        event("notified", "2015-01-06", kind="travel", trip="t"))
    again = Facts.load(facts.dump())
    assert again == facts and case_of(again) == case_of(facts)
