"""Reporting years: each MAPPA annual report covers the 12 months beginning with 1 April (CJA 2003 s.326(5)).

A year is written ``2020/21`` (also accepted: ``2020-21``, ``2020/2021``); it runs from 1 April 2020 to
31 March 2021, and the snapshot tables are taken on its last day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

YEAR_START_MONTH = 4
"""The reporting year begins with 1 April (CJA 2003 s.326(5))."""

_YEAR = re.compile(r"(\d{4})[/-](\d{2}|\d{4})")


@dataclass(frozen=True, order=True)
class ReportingYear:
    """The reporting year that begins on 1 April of ``first``."""

    first: int

    @property
    def start(self) -> date:
        return date(self.first, YEAR_START_MONTH, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, YEAR_START_MONTH, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.first}/{(self.first + 1) % 100:02d}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def parse_year(text: str) -> ReportingYear:
    """``2020/21`` -> the year from 1 April 2020 to 31 March 2021; ValueError naming the problem otherwise."""
    match = _YEAR.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a reporting year written like 2020/21")
    first, second = int(match.group(1)), match.group(2)
    expected = first + 1 if len(second) == 4 else (first + 1) % 100
    if int(second) != expected:
        raise ValueError(f"{text!r}: a reporting year runs from 1 April to 31 March of the next year "
                         f"(write {first}/{(first + 1) % 100:02d})")
    if not 1990 <= first <= 2200:
        raise ValueError(f"{text!r}: not a plausible reporting year")
    return ReportingYear(first)


__all__ = ["YEAR_START_MONTH", "ReportingYear", "parse_year"]
