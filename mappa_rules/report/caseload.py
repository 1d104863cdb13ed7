"""The caseload: one JSON object per line, each a case (the library's case model) and its management history.

A line reads ``{"case": {...}, "history": {...}}``. ``case`` is exactly the input of every question
(:class:`mappa_rules.Case`), with ``case.case_id`` required: the report names cases by id and by nothing else.
Custody and hospital spells are the case's ``intervals``; civil orders imposed, its ``orders``; review
determinations, its ``review.applications`` - each held once, where the questions read them. ``history`` holds
what the questions do not read and the report tables need (MAPPA Guidance ch. 7; SOA 2003 s.91; CJA 2003
s.254):

* ``levels``: the level episodes, ``{"level": 1|2|3, "start": D, "end": D|null}``, not overlapping;
* ``notification_breaches``: cautions and convictions for failing to comply with the notification requirements
  (SOA 2003 s.91), ``{"date": D, "outcome": "caution"|"conviction", "offence_date": D|null}``;
* ``returns_to_custody``: recalls and other returns, ``{"date": D, "reason": ...}`` with the reasons below;
* ``serious_further_offences``: ``{"date": D, "stage": "charged"|"convicted"}``.

Every line becomes a record or an error naming the line, the field and the reason: nothing is dropped. A line is
read as a case is (:mod:`mappa_rules.input`): a key given twice, ``NaN`` or nesting deeper than the reader allows
is refused, and no message repeats a value from the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from mappa_rules import Case
from mappa_rules.facts.problems import problems_of
from mappa_rules.input import CaseInputError, read_case_json

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        if not _ISO_DAY.fullmatch(value):
            raise ValueError("is not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real calendar date (YYYY-MM-DD)") from None
    return value


Day = Annotated[date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class LevelEpisode(_Strict):
    """A period managed at one MAPPA level, first to last day inclusive (``end`` null while it continues)."""

    level: Literal[1, 2, 3]
    start: Day
    end: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> LevelEpisode:
        if self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        return self

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class NotificationBreach(_Strict):
    """A caution or conviction for an offence under SOA 2003 s.91(1) (failing to comply, or false information)."""

    date: Day = Field(description="The day of the caution or conviction.")
    outcome: Literal["caution", "conviction"]
    offence_date: Day | None = Field(default=None, description="The day of the failure, if known.")

    @model_validator(mode="after")
    def _ordered(self) -> NotificationBreach:
        if self.offence_date is not None and self.offence_date > self.date:
            raise ValueError("offence_date is after date")
        return self


class ReturnToCustody(_Strict):
    """A return to custody, and why: breach of licence conditions (CJA 2003 s.254 recall); breach of a SHPO,
    interim SHPO, SOPO, interim SOPO or FTO (SOA 2003 s.103I, SA 2020 s.354); breach of a restraining order; a
    further offence; anything else."""

    date: Day
    reason: Literal["breach_of_licence", "breach_of_sexual_harm_order", "breach_of_restraining_order",
                    "further_offence", "other"]


class SeriousFurtherOffence(_Strict):
    """A charge or conviction for a serious further (sexual or violent) offence."""

    date: Day
    stage: Literal["charged", "convicted"]


class History(_Strict):
    """The dated management history the report tables need and the case model does not hold."""

    levels: list[LevelEpisode] = Field(default_factory=list, description="Level episodes, not overlapping.")
    notification_breaches: list[NotificationBreach] = Field(default_factory=list)
    returns_to_custody: list[ReturnToCustody] = Field(default_factory=list)
    serious_further_offences: list[SeriousFurtherOffence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _levels_apart(self) -> History:
        ordered = sorted(enumerate(self.levels), key=lambda item: item[1].start)
        for (_, earlier), (j, later) in pairwise(ordered):
            if earlier.end is None or later.start <= earlier.end:
                raise ValueError(f"levels[{j}] overlaps an earlier episode")
        return self

    def level_on(self, day: date) -> LevelEpisode | None:
        return next((e for e in self.levels if e.covers(day)), None)


class CaseRecord(_Strict):
    """One line of the caseload."""

    case: Case
    history: History = Field(default_factory=History)

    @model_validator(mode="after")
    def _named(self) -> CaseRecord:
        if not (self.case.case_id or "").strip():
            raise ValueError("case.case_id: every case in a caseload needs a case id")
        return self

    @property
    def case_id(self) -> str:
        return self.case.case_id or ""


class InputError(Exception):
    """A caseload that cannot be read at all (no such file, not text); per-line problems are error records."""


LINE = "the line"
"""How the reader names a line in its messages (the prefix is taken off: the report names the line by number)."""


def describe(exc: ValidationError, rename: Callable[[str], str] | None = None) -> str:
    """The problems of a record: the field path (or, with ``rename``, what filled it), then the rule broken (never
    the value given)."""
    lines = []
    for problem in problems_of(exc, root=""):
        where = rename(problem.field) if rename and problem.field else problem.field
        lines.append(f"{where}: {problem.reason}" if where else problem.reason)
    return "; ".join(lines)


def parse_record(raw: str | dict[str, Any]) -> CaseRecord:
    """A record from a JSON line (read as a case is read) or an already parsed CSV row; raises ValueError with a
    message naming fields and rules."""
    data = _json_object(raw) if isinstance(raw, str) else raw
    try:
        return CaseRecord.model_validate(data)
    except ValidationError as exc:
        raise ValueError(describe(exc, getattr(raw, "rename", None))) from None


def _json_object(text: str) -> dict[str, Any]:
    try:
        return read_case_json(text, LINE)
    except CaseInputError as exc:
        reason = str(exc).removeprefix(f"{LINE}: ")
        if reason.startswith("a case must be a mapping"):
            raise ValueError("not a JSON object") from None
        raise ValueError(f"not a JSON object: {reason}" if reason.startswith("not valid JSON") else reason) from None


__all__ = ["CaseRecord", "History", "InputError", "LevelEpisode", "NotificationBreach",
           "ReturnToCustody", "SeriousFurtherOffence", "describe", "parse_record"]
