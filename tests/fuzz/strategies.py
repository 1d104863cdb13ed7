"""Hypothesis strategies for valid cases across the whole case model, read from the models themselves.

Every field of every fact model is generated from its annotation (optional values, literals, booleans, bounded
integers, dates, nested models, lists, the sentence union), so a field someone adds to ``mappa_rules/facts`` is
generated without touching this file. Two tables shape what the annotations cannot say:

* :data:`OVERRIDES` - a field whose values must be realistic (ids, offence ids from the catalogue, dates of birth,
  free text that carries a marker, so that a test can check it never reaches an error message);
* :data:`REPAIRS` - a model whose validators relate its fields (dates in order, a caution with a caution trigger):
  the repair turns a generated mapping into one the validators accept, drawing again where it must.

Dates are drawn around one anchor date per case, so that they fall near one another as real ones do; a few cases
sit at the ends of the dates the library handles. A new field with an ordering rule needs a line in ``REPAIRS``.
"""

from __future__ import annotations

import random
import re
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, Protocol, TypeVar

from annotated_types import Ge, Le
from hypothesis import strategies as st
from pydantic import BaseModel

from mappa_rules import Case, default_rulebook
from mappa_rules.facts import (
    Change,
    Disposal,
    Interval,
    Order,
    OrderTerm,
    Relation,
    ReviewApplication,
    Stay,
    Term,
    Trip,
)
from mappa_rules.limits import MAX_CASE_ITEMS, MAX_DAY, MAX_ITEMS, MIN_DAY
from mappa_rules.offences import offence_catalogue

T = TypeVar("T")
OMIT = object()
MARKER = "Zq"
"""Free text generated into a case starts with this, so that a test can look for it in error messages."""
_CATALOGUE = sorted({i for by_id in offence_catalogue(default_rulebook()).listings.values() for i in by_id})


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


def draw_day(ctx: Context) -> str:
    offset = ctx.one_of_ranges((-400, 400), (-20 * 366, 30 * 366), (0, 3))
    return shift(ctx.anchor, offset).isoformat()


def _int(metadata: list[Any], ctx: Context) -> int:
    low = next((m.ge for m in metadata if isinstance(m, Ge)), 0)
    high = next((m.le for m in metadata if isinstance(m, Le)), 1000)
    typical = [v for v in (0, 1, 2, 6, 10, 12, 13, 15, 16, 17, 18, 20, 24, 29, 30, 31, 36, 60) if low <= v <= high]
    if ctx.integer(0, 2) == 0:
        return ctx.choice(typical or [low])
    return ctx.one_of_ranges((low, min(high, low + 40)), (low, high))


def _list_key(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def value_of(annotation: Any, metadata: list[Any], ctx: Context, path: str) -> Any:
    """A value for ``annotation`` (at ``path`` in the case), as JSON would give it."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return value_of(typing.get_args(annotation)[0], metadata, ctx, path)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(annotation)
        if type(None) in options and ctx.integer(0, 9) < 2:
            return None
        chosen = ctx.choice([o for o in options if o is not type(None)])
        return value_of(chosen, metadata, ctx, path)
    if origin is Literal:
        return ctx.choice(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        limit = MAX_ITEMS.get(_list_key(path), 10)
        size = ctx.integer(0, limit) if ctx.big else ctx.choice(SIZES.get(_list_key(path), SIZES[""]))
        size = min(size, ctx.budget)
        ctx.budget -= size
        return [value_of(item, [], ctx, f"{path}[{i}]") for i in range(size)]
    if annotation is bool:
        return ctx.choice([False, True])
    if annotation is int:
        return _int(metadata, ctx)
    if annotation is str:
        return ctx.choice(["a", "b-2", "some words"])
    if annotation is date:
        return draw_day(ctx)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return fill(annotation, ctx, path)
    raise NotImplementedError(f"no strategy for {annotation!r} at {path}: add one to tests/fuzz/strategies.py")


def fill(model: type[BaseModel], ctx: Context, path: str) -> dict[str, Any]:
    """A mapping for ``model`` at ``path``: every field drawn (optional ones left out a third of the time), then
    the model's repair applied."""
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        where = f"{path}.{name}" if path else name
        override = OVERRIDES.get((model.__name__, name))
        if override is not None:
            value = override(ctx, where)
        elif not field.is_required() and where not in KEPT and ctx.integer(0, 2) == 0:
            value = OMIT
        else:
            value = value_of(field.annotation, list(field.metadata), ctx, where)
        if value is not OMIT:
            data[name] = value
    repair = REPAIRS.get(model)
    if repair is not None:
        repair(data, ctx)
    return data


def _index(path: str) -> int:
    found = re.findall(r"\[(\d+)\]", path)
    return int(found[-1]) if found else 0


def _label(prefix: str) -> Callable[[Context, str], Any]:
    return lambda ctx, path: f"{prefix}{_index(path)}"


def _optional_label(prefix: str) -> Callable[[Context, str], Any]:
    return lambda ctx, path: ctx.choice([OMIT, None, f"{prefix}{_index(path)}"])


def _text(ctx: Context, path: str) -> Any:
    return ctx.choice([OMIT, None, f"{MARKER} free text {_index(path)}", f"{MARKER}-\u00e9\u4e2d"])


def _offence_id(ctx: Context, path: str) -> Any:
    return ctx.choice([OMIT, None, "unknown.offence"]) if ctx.integer(0, 1) else ctx.choice(_CATALOGUE)


def _date_of_birth(ctx: Context, path: str) -> Any:
    if ctx.integer(0, 6) == 0:
        return None
    return shift(ctx.anchor, -ctx.integer(8 * 365, 90 * 365)).isoformat()


def _relation_to(ctx: Context, path: str) -> Any:
    return f"d{ctx.integer(0, max(_index(path) - 1, 0))}"


SIZES = {"": [0, 0, 1, 1, 1, 2, 2, 3, 5], "disposals": [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 6]}
KEPT = frozenset({"disposals"})
"""Fields never left out: a case almost always records at least one disposal."""
"""How many items a list usually has, by list (a large case, one in 200, draws each list's length up to its limit,
within the limit for all lists together)."""

OVERRIDES: dict[tuple[str, str], Callable[[Context, str], Any]] = {
    ("Case", "case_id"): _text,
    ("Person", "date_of_birth"): _date_of_birth,
    ("Disposal", "id"): _label("d"),
    ("Offence", "offence_id"): _offence_id,
    ("Offence", "description"): _text,
    ("OtherDisposal", "description"): lambda ctx, path: f"{MARKER} referral order",
    ("Relation", "to"): _relation_to,
    ("Order", "id"): _label("o"),
    ("OrderTerm", "id"): _label("t"),
    ("Change", "id"): _optional_label("c"),
    ("Trip", "id"): _optional_label("trip"),
}
"""(model, field) -> how to draw it, where the annotation alone would give unrealistic values."""


def _reflect(value: str, about: str) -> str:
    """``value`` reflected about ``about``: as far on the other side of it (within the dates handled)."""
    there, centre = date.fromisoformat(value), date.fromisoformat(about)
    return shift(centre, (centre - there).days).isoformat()


def _later(data: dict[str, Any], first: str, *later: str) -> None:
    """Each of ``later`` on or after ``first`` (one before it is reflected about it)."""
    start = data.get(first)
    for name in later:
        value = data.get(name)
        if start is not None and value is not None and value < start:
            data[name] = _reflect(value, start)


def _earlier(data: dict[str, Any], last: str, *earlier: str) -> None:
    """Each of ``earlier`` on or before ``last``."""
    end = data.get(last)
    for name in earlier:
        value = data.get(name)
        if end is not None and value is not None and value > end:
            data[name] = _reflect(value, end)


def _repair_disposal(data: dict[str, Any], ctx: Context) -> None:
    sentence = data.get("sentence")
    if sentence is not None and (data["trigger"] == "caution") != (sentence["kind"] == "caution"):
        if data["trigger"] == "caution":
            data["sentence"] = {"kind": "caution"}
        else:
            data["trigger"] = "caution"
    offence, relevant = data.get("offence", {}), data.get("relevant_date")
    if relevant and offence.get("offence_date") and offence["offence_date"] > relevant:
        offence["offence_date"] = _reflect(offence["offence_date"], relevant)
    _later(data, "relevant_date", "sentence_date", "release_date", "supervision_end")


def _repair_relation(data: dict[str, Any], ctx: Context) -> None:
    if data["kind"] == "partly_concurrent" and data.get("overlap") is None:
        data["overlap"] = {"months": ctx.integer(1, 12)}
    elif data["kind"] != "partly_concurrent":
        data.pop("overlap", None)


def _repair_term(data: dict[str, Any], ctx: Context) -> None:
    if not any(data.get(k) for k in ("years", "months", "weeks", "days")):
        data["months"] = ctx.integer(1, 40)


def _repair_change(data: dict[str, Any], ctx: Context) -> None:
    if data["kind"] != "other_address" or (data.get("stays") and data.get("date") is not None):
        data.pop("stays", None)
    if data.get("date") is not None and data.get("occurred") is False:
        data.pop("occurred")
    if data.get("notified_in_advance") is not True:
        data.pop("expected_date", None)
    if data["kind"] != "household_with_child":
        for name in ("child_resides_or_stays", "public_access", "at_least_12_hours"):
            data.pop(name, None)


def _repair_application(data: dict[str, Any], ctx: Context) -> None:
    if data.get("determination") == "pending":
        data.pop("determination_date", None)
        data.pop("notice_received", None)
    _later(data, "received", "determination_date", "notice_received")
    _later(data, "determination_date", "notice_received")


def _repair_order(data: dict[str, Any], ctx: Context) -> None:
    _later(data, "made", "served", "ceased_on", "breach_date")
    _earlier(data, "made", "conviction_date", "application_date")
    if data.get("breached") is False:
        data.pop("breach_date", None)
    for term in data.get("terms", []):
        if data.get("made") and term.get("takes_effect") and term["takes_effect"] < data["made"]:
            term["takes_effect"] = data["made"]


def _repair_order_term(data: dict[str, Any], ctx: Context) -> None:
    if data.get("duration") == "until_further_order":
        data.pop("period", None)


def _repair_case(data: dict[str, Any], ctx: Context) -> None:
    disposals = data.get("disposals", [])
    for i, disposal in enumerate(disposals):
        relation = (disposal.get("sentence") or {}).get("relation")
        if relation is not None and (i == 0 or int(relation["to"][1:]) >= i):
            del disposal["sentence"]["relation"]
    born = (data.get("person") or {}).get("date_of_birth")
    dates = [d for x in disposals for d in (x.get("relevant_date"), x.get("offence", {}).get("offence_date")) if d]
    if born and dates and min(dates) < born:
        data["person"]["date_of_birth"] = _reflect(born, min(dates))


REPAIRS: dict[type[BaseModel], Callable[[dict[str, Any], Context], None]] = {
    Case: _repair_case,
    Disposal: _repair_disposal,
    Relation: _repair_relation,
    Term: _repair_term,
    Interval: lambda data, ctx: _later(data, "start", "end"),
    Stay: lambda data, ctx: _later(data, "first", "last"),
    Trip: lambda data, ctx: _later(data, "departure", "return_date"),
    Change: _repair_change,
    ReviewApplication: _repair_application,
    Order: _repair_order,
    OrderTerm: _repair_order_term,
}
"""Model -> the repair that makes a generated mapping satisfy the model's validators."""

ANCHORS = (
    (date(1998, 1, 1), date(2030, 12, 31)),
    (date(1998, 1, 1), date(2030, 12, 31)),
    (date(1998, 1, 1), date(2030, 12, 31)),
    (date(2004, 1, 1), date(2030, 12, 31)),
    (date(2004, 1, 1), date(2030, 12, 31)),
    (date(1985, 1, 1), date(1998, 1, 1)),
    (date(1930, 1, 1), date(1985, 1, 1)),
    (MIN_DAY, MIN_DAY + timedelta(days=40 * 365)),
    (MAX_DAY - timedelta(days=40 * 365), MAX_DAY),
)
"""Where a case's dates cluster: mostly now, some decades back, a few at the ends of the dates handled."""


def generate(source: Source, big: bool | None = None) -> tuple[dict[str, Any], date]:
    """The data of one valid case (as JSON would give it) and an as-at date near it."""
    first, last = source.choice(ANCHORS)
    anchor = first + timedelta(days=source.integer(0, (last - first).days))
    ctx = Context(source, anchor, source.integer(0, 199) == 0 if big is None else big)
    data = fill(Case, ctx, "")
    as_of = shift(anchor, ctx.one_of_ranges((-1000, 30 * 366), (-400, 400)))
    return data, as_of


@st.composite
def case_data(draw: Callable[[st.SearchStrategy[Any]], Any], big: bool | None = None) -> tuple[dict[str, Any], date]:
    """Hypothesis: the data of one valid case and an as-at date near it."""
    return generate(HypothesisSource(draw), big)


def random_case_data(rng: random.Random, big: bool | None = None) -> tuple[dict[str, Any], date]:
    """The same, from a seeded PRNG (the long profile: Hypothesis's engine would cost more than the questions)."""
    return generate(RandomSource(rng), big)


def cases(big: bool | None = None) -> st.SearchStrategy[tuple[Case, dict[str, Any], date]]:
    """Valid cases: the model, its data and an as-at date."""
    return case_data(big).map(lambda pair: (Case.model_validate(pair[0]), pair[0], pair[1]))
