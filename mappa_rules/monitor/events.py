"""Events: the JSON Lines input of the compliance monitor, as strict pydantic models.

One JSON object per line::

    {"person": "P1", "date": "2016-10-19", "kind": "released", "details": {"disposal": "a"}}

``person`` is the caller's id for the person (any non-empty text; it is echoed in alerts and error records);
``date`` is the day the event happened, written ``YYYY-MM-DD``; ``kind`` says what happened and ``details`` carries
what the kind needs. Lines must come in date order: the monitor's clock is the latest date it has read, and a line
dated before it is answered with an ``out_of_order`` error record (sort the file by date to apply it). A ``tick``
line has no person and no details: it moves the clock on when nothing else happens.

Where an event creates a fact of a case, its details are that fact's fields as in ``mappa-rules schema case``
(validated by the same models, so an error names the detail's path), and the event's date fills the field named
below, which the details may not give; where it changes a fact made earlier, the details name it by id. The
envelope is checked when the line is read; the details when the event is applied to the person's facts.

=====================  ============================================================================================
kind                   details
=====================  ============================================================================================
person                 a case ``person``: ``date_of_birth``
convicted              a case disposal (``id`` required; ``trigger`` - conviction unless given as caution,
                       insanity_finding or disability_finding -, ``offence``, ``sentence``, ``court``, ...); the
                       date is its ``relevant_date``, and its ``sentence_date`` when a ``sentence`` is given
sentenced              ``disposal`` (id), ``sentence``, optional ``supervision_end``; the date is ``sentence_date``
detained               ``place``: remanded_in_custody, serving_sentence, service_detention or hospital; the date
                       starts the interval
released               optional ``disposal`` (id, to record its ``release_date``); ends the open detention and
                       records the release as a change to notify (SOA 2003 s.84(1)(d)) - the core decides if it is
left_uk, returned_uk   none; start and end an interval outside the United Kingdom
notified               ``kind``: initial, change, periodic, prescribed_information or non_occurrence (a case
                       notification, optional ``no_sole_or_main_residence``); or travel, travel_change or
                       travel_return with ``trip`` (id): sets the trip's ``notified_on``, ``change_notified_on``
                       or ``return_notified_on`` (the first notice of each kind counts)
changed                a case change (``kind``: name, home_address, other_address, prescribed_change,
                       household_with_child or release; optional ``id``, ...); the date is the day it happened. A
                       change with the ``id`` of an expected change records that it happened; any other was not
                       notified in advance unless ``notified_in_advance`` says so (the events are the record)
change_expected        a case change with ``id``, ``kind`` and ``expected_date``: an advance notification under
                       s.84(2), which is also a change notification given on the event's date
trip_planned           a case trip (``id`` required; ``departure``, ``return_date``,
                       ``known_more_than_7_days_before``, ...); planned again, it replaces the trip and keeps
                       the notices given
order_made             a case order (``id``, ``kind`` required; ``route``, ``terms``, ...); the date is ``made``
order_served           ``order`` (id); the date is ``served``
order_varied           ``order`` (id) and the ``terms`` now in force
order_discharged       ``order`` (id); the date is the last day the order had effect (``ceased_on``)
order_breached         ``order`` (id); the date is ``breach_date``
review_facts           stated review facts: ``relevant_notification_date``, ``subject_to_order_excluding_review``
review_applied         none; the chief officer received an application on the date
review_determined      ``determination`` (discharged or refused), optional ``further_period_years``
review_notice_received none; the person received notice of the determination on the date
level_decided          the case ``mappa`` facts (``current_level`` required); the date is ``last_review``
risk_assessed          the case ``risk`` facts
tick                   none, and no person
=====================  ============================================================================================
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

EventKind = Literal[
    "person", "convicted", "sentenced", "detained", "released", "left_uk", "returned_uk", "notified", "changed",
    "change_expected", "trip_planned", "order_made", "order_served", "order_varied", "order_discharged",
    "order_breached", "review_facts", "review_applied", "review_determined", "review_notice_received",
    "level_decided", "risk_assessed", "tick",
]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: Any) -> Any:
    """A date written YYYY-MM-DD (a string), as a date; any other value is left to the model to refuse."""
    if isinstance(value, str):
        if not _ISO_DAY.fullmatch(value):
            raise ValueError("not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a real calendar date") from None
    return value


Day = Annotated[date, BeforeValidator(iso_day)]
"""A calendar date written YYYY-MM-DD."""


class Event(BaseModel):
    """One line of the event stream."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    person: str | None = Field(default=None, min_length=1, max_length=200, description="The person's id.")
    date: Day = Field(description="The day the event happened.")
    kind: EventKind
    details: dict[str, Any] = Field(default_factory=dict, description="What the kind needs (see the module).")

    @model_validator(mode="after")
    def _person_unless_tick(self) -> Event:
        if self.kind == "tick":
            if self.person is not None or self.details:
                raise ValueError("a tick has no person and no details")
        elif self.person is None:
            raise ValueError("person: required for every kind but tick")
        return self


@dataclass(frozen=True)
class BadLine:
    """Why a line could not be used: the fields at fault and the reasons, with any date in them left out.

    ``error`` is the kind of error: ``bad_json`` (not a JSON object), ``bad_event`` (the envelope or the details
    do not fit the schema), ``bad_facts`` (the event contradicts what is known, e.g. a release with nobody
    detained, or makes the case impossible), ``out_of_order`` (dated before the clock) or ``engine`` (the rules
    engine failed on this person's event; the person's other events go on).
    """

    error: str
    fields: tuple[str, ...]
    detail: str


def redact(text: str) -> str:
    """Text for an error record: dates (which may be a date of birth) are replaced by ``<date>``."""
    return _ISO_DAY.sub("<date>", text)


def describe(exc: ValidationError, prefix: str = "") -> tuple[tuple[str, ...], str]:
    """The field paths of a validation error and one reason per field (dates redacted, input values left out)."""
    fields: list[str] = []
    reasons: list[str] = []
    for err in exc.errors(include_input=False, include_url=False):
        path = prefix
        for part in err["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        path = path or "event"
        fields.append(path)
        reasons.append(f"{path}: {redact(str(err['msg']).removeprefix('Value error, '))}")
    return tuple(fields), "; ".join(reasons)


def parse_line(text: str) -> Event | BadLine:
    """The event on one line, or why it cannot be read."""
    try:
        return Event.model_validate_json(text)
    except ValidationError as exc:
        kinds = {err["type"] for err in exc.errors()}
        if "json_invalid" in kinds:
            return BadLine("bad_json", (), "the line is not valid JSON")
        if any(err["type"] == "model_type" and not err["loc"] for err in exc.errors()):
            return BadLine("bad_json", (), "the line is not a JSON object")
        fields, detail = describe(exc)
        return BadLine("bad_event", fields, detail)


def person_of(text: str) -> str | None:
    """The person id of a line that could not be read, if it has one (for the error record)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    person = data.get("person") if isinstance(data, dict) else None
    return person if isinstance(person, str) and 0 < len(person) <= 200 else None


__all__ = ["BadLine", "Day", "Event", "EventKind", "describe", "iso_day", "parse_line", "person_of", "redact"]
