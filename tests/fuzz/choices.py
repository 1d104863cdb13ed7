"""Where a generated case's choices come from, and what every part of one case shares while it is drawn."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

from mappa_rules.limits import MAX_CASE_ITEMS, MAX_DAY, MIN_DAY

T = TypeVar("T")


class Source(Protocol):
    """Where the choices come from: Hypothesis (which can shrink a failing case) or a seeded PRNG (fast, for the
    long profile). Both draw through the same tables, so they build the same kinds of case."""

    def integer(self, low: int, high: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...


class HypothesisSource:
    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return int(self.draw(st.integers(low, high)))

    def choice(self, options: Sequence[T]) -> T:
        found: T = self.draw(st.sampled_from(options))
        return found


class RandomSource:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


@dataclass
class Context:
    """What every part of one generated case shares: the source of choices, the anchor date, large lists or not."""

    source: Source
    anchor: date
    big: bool
    budget: int = MAX_CASE_ITEMS

    def integer(self, low: int, high: int) -> int:
        return self.source.integer(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return self.source.choice(options)

    def one_of_ranges(self, *ranges: tuple[int, int]) -> int:
        low, high = self.choice(ranges)
        return self.integer(low, high)


def clamp(day: date) -> date:
    return min(max(day, MIN_DAY), MAX_DAY)


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, kept within the dates the library handles."""
    limit = (MAX_DAY - day).days if days > 0 else (MIN_DAY - day).days
    return day + timedelta(days=min(days, limit) if days > 0 else max(days, limit))
