"""The ruleset file format, as pydantic models (validated at load, before anything is compiled).

A ruleset file holds dated parameters and groups of rules::

    ruleset: notification.period
    title: ...
    parameters:
      - id: notification.period.adult_age
        title: ...
        citation: {instrument: Sexual Offences Act 2003, provision: s.82(2), url: ...}
        status: verified
        values: [{from: 2004-05-01, value: 18}]          # a later {from: ..., value: null} ends it
      - id: time.conventions.half_period_mode            # a declared convention where the words leave it open
        ...
        convention: true
        values: [{from: 1997-09-01, value: calendar_months}]
        alternatives: [days]                             # the other readings, computed to see if they matter
    groups:
      - id: notification.period.row
        title: ...
        scope: disposal                                  # which vocabulary its conditions read
        rules:
          - id: notification.period.imprisonment_30_months_or_more
            precedence: 30                               # lower is tried first; unique in the group
            title: ...
            citation: {...}                              # one provision of one instrument
            citations: [{..., applies: ...}]             # optional: further citations, one instrument each
            in_force: {from: 2004-05-01, to: null}
            status: verified
            when: sentence_kind == "imprisonment" and imprisonment_months >= 30
            then: {indefinite: true}
            because: "A term of {imprisonment_months} months is 30 months or more, so the period is indefinite."
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..decision import Citation, Status

ID_PATTERN = r"^[a-z0-9_]+(\.[a-z0-9_]+)+$"
_PLACEHOLDER = re.compile(r"\{([a-zA-Z0-9_.]+)\}")


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InForce(_Spec):
    """The dates a provision has effect: from ``from`` to ``to`` inclusive (``to`` null: still in force)."""

    start: date = Field(alias="from")
    end: date | None = Field(default=None, alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> InForce:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"in_force ends ({self.end}) before it begins ({self.start})")
        return self

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


Scalar = str | bool | int | float | None
"""What a rule's output may be: a plain value (a list or mapping, or a YAML alias to one, is refused at load)."""


class DatedValue(_Spec):
    start: date = Field(alias="from")
    value: date | Scalar | dict[str, int] = Field(union_mode="left_to_right")


class ParameterSpec(_Spec):
    """A dated legal value or declared convention (OpenFisca's pattern: values by start date)."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    citation: Citation
    citations: list[Citation] = Field(default_factory=list, description="Further citations, one instrument each.")
    status: Status
    convention: bool = Field(default=False, description="A convention the library declares where the law is silent.")
    values: list[DatedValue] = Field(min_length=1)
    alternatives: list[Scalar] = Field(
        default_factory=list,
        description="A convention's other readings: a result is computed with each, and warned only if one differs.",
    )
    notes: str | None = None

    @model_validator(mode="after")
    def _alternatives(self) -> ParameterSpec:
        if self.alternatives and not self.convention:
            raise ValueError("only a declared convention (convention: true) has alternatives")
        current = self.values[-1].value
        if current in self.alternatives:
            raise ValueError(f"alternatives: {current!r} is the value in force, not an alternative")
        return self

    @field_validator("values")
    @classmethod
    def _chronological(cls, values: list[DatedValue]) -> list[DatedValue]:
        starts = [v.start for v in values]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            raise ValueError("dated values must be in strictly increasing date order")
        return values


class RuleSpec(_Spec):
    id: str = Field(pattern=ID_PATTERN)
    precedence: int = Field(ge=0)
    title: str = Field(min_length=3)
    citation: Citation
    citations: list[Citation] = Field(default_factory=list, description="Further citations, one instrument each.")
    in_force: InForce
    status: Status
    when: str = Field(min_length=1)
    then: dict[str, Scalar | list[Scalar]] = Field(default_factory=dict)
    because: str = Field(min_length=10)
    notes: str | None = None

    def placeholders(self) -> list[str]:
        return _PLACEHOLDER.findall(self.because)


class GroupSpec(_Spec):
    """Rules tried in order of precedence; the first whose condition holds decides the group."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    scope: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="The vocabulary its conditions read.")
    mode: Literal["first_match"] = "first_match"
    rules: list[RuleSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_precedence(self) -> GroupSpec:
        seen: dict[int, str] = {}
        for rule in self.rules:
            if rule.precedence in seen:
                raise ValueError(
                    f"rule {rule.id!r} has the same precedence ({rule.precedence}) as {seen[rule.precedence]!r}"
                )
            seen[rule.precedence] = rule.id
        return self


class RulesetSpec(_Spec):
    ruleset: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
    title: str = Field(min_length=3)
    parameters: list[ParameterSpec] = Field(default_factory=list)
    groups: list[GroupSpec] = Field(default_factory=list)
