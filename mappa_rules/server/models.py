"""Response models of the HTTP API (the request body is the library's own :class:`mappa_rules.Case`)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mappa_rules import Citation, Decision, Status


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(_Out):
    """The server is up and its rule book is loaded."""

    status: Literal["ok"] = "ok"
    version: str = Field(description="The mappa-rules package version.")
    ruleset_version: str = Field(description="Hash of the rulesets every decision is made with.")


class QuestionSummary(_Out):
    """One question the server answers."""

    name: str = Field(description="The name used in paths and on the command line, e.g. 'notification-period'.")
    id: str = Field(description="The question id its decisions carry, e.g. 'notification.period'.")
    description: str
    path: str = Field(description="Where to POST a case to answer it.")


class InForce(_Out):
    start: date
    end: date | None = Field(description="Null while still in force.")


class OffenceSummary(_Out):
    """An offence as one schedule lists it."""

    offence: str = Field(description="The offence id to put in a case's offence.offence_id, e.g. 'soa2003.s3'.")
    title: str
    schedule: str = Field(description="'soa2003.sch3' (Sexual Offences Act 2003 Sch 3) or 'cja2003.sch15'.")
    part: str | None = Field(description="For Schedule 15: 'part_1', 'part_2' or 'part_3'.")
    citation: Citation
    status: Status


class OffenceDetail(OffenceSummary):
    """An offence listing with its conditions, dates and notes."""

    enactment: str
    section: str | None
    paragraph: str
    in_force: InForce
    dates_status: Status
    condition_text: str | None = Field(description="The listing's conditions, in the schedule's words.")
    condition: str | None = Field(description="The conditions as encoded over the case's facts.")
    notes: str | None


class ExampleSummary(_Out):
    """A bundled example case."""

    name: str
    description: str
    question: str | None = Field(description="The question the example is written for, where it says.")


class Example(ExampleSummary):
    yaml: str = Field(description="The case as YAML text, to be sent back with Content-Type: application/yaml.")


class MissingInput(_Out):
    """A missing fact, with the kind of value that would fill it."""

    fact: str = Field(description="Path of the fact in the case, e.g. 'person.date_of_birth'.")
    needed_for: str
    input: Literal["date", "integer", "boolean", "choice", "text", "structure"]
    choices: list[str] = Field(default_factory=list, description="For 'choice': the values allowed.")
    description: str = Field(default="", description="What the fact is, from the case's JSON Schema.")


class Period(_Out):
    label: str
    start: date
    end: date | None = Field(description="The last day; null for an indefinite period.")


class Event(_Out):
    date: date
    label: str
    status: Literal["past", "today", "upcoming"]


class Picture(_Out):
    """What the page draws: the periods as bars and the dated duties and key dates as marks, with the as-of date."""

    as_of: date
    periods: list[Period]
    events: list[Event]


class Explanation(_Out):
    """A decision with what the page shows around it."""

    headline: str = Field(description="The one-sentence answer.")
    decision: Decision
    case: dict[str, Any] = Field(description="The case as validated, in JSON form (defaults left out).")
    missing: list[MissingInput]
    picture: Picture
