"""Facts: what is known about a case, as typed, strict pydantic models (the input contract).

Every field that the law needs but the caller may not know is optional, and ``None`` always means *unknown*,
never a default: a missing date of birth does not make a person an adult. Yes/no facts are ``true``, ``false``
or ``null`` (unknown). Impossible facts (a release before the conviction, a birth after the relevant date, a
negative term, an interval that ends before it starts) are rejected with the path of the field and the reason.

This module holds what every area's facts share: the strict base model, dates written ``YYYY-MM-DD``, and terms.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..legal_time import Length
from ..limits import MAX_DAY, MIN_DAY

__all__ = ["Day", "FactsModel", "Term"]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, str):
        if not _ISO_DAY.fullmatch(value):
            raise ValueError("is not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real calendar date (YYYY-MM-DD)") from None
    return value


def _in_range(value: date) -> date:
    if not MIN_DAY <= value <= MAX_DAY:
        raise ValueError(f"is outside the dates the library computes with ({MIN_DAY} to {MAX_DAY})")
    return value


Day = Annotated[date, BeforeValidator(_iso_date), AfterValidator(_in_range)]
"""A calendar date, written YYYY-MM-DD, from :data:`~mappa_rules.limits.MIN_DAY` to
:data:`~mappa_rules.limits.MAX_DAY`."""


class FactsModel(BaseModel):
    """The base of every fact model: strict types, no unknown fields, immutable; pydantic's errors do not show the
    values given (see :mod:`.problems` for errors that name fields and rules only)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, hide_input_in_errors=True)


class Term(FactsModel):
    """A length of sentence or order, as pronounced: years, months, weeks and days (weeks count as 7 days)."""

    years: int = Field(default=0, ge=0, le=200, description="Whole years of the length.")
    months: int = Field(default=0, ge=0, le=2400, description="Whole months, added to the years.")
    weeks: int = Field(default=0, ge=0, le=10000, description="Whole weeks (7 days each), added to the rest.")
    days: int = Field(default=0, ge=0, le=100000, description="Days, added to the rest. A length is never zero.")

    @model_validator(mode="after")
    def _not_zero(self) -> Term:
        if not (self.years or self.months or self.weeks or self.days):
            raise ValueError("a term must be longer than zero")
        return self

    def length(self) -> Length:
        return Length(years=self.years, months=self.months, days=self.weeks * 7 + self.days)

    def __str__(self) -> str:
        return str(self.length())
