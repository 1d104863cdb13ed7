"""Hypothesis strategies for valid cases across the whole case model, read from the models themselves.

Every field of every fact model is generated from its annotation (optional values, literals, booleans, bounded
integers, dates, nested models, lists, the sentence union), so a field someone adds to ``mappa_rules/facts`` is
generated without touching this file. Two tables shape what the annotations cannot say:

* :data:`OVERRIDES` - a field whose values must be realistic (ids, offence ids from the catalogue, dates of birth,
  free text that carries a marker, so that a test can check it never reaches an error message);
* :data:`~.repairs.REPAIRS` - a model whose validators relate its fields (dates in order, a caution with a caution
  trigger): the repair turns a generated mapping into one the validators accept, drawing again where it must.

Dates are drawn around one anchor date per case, so that they fall near one another as real ones do; a few cases
sit at the ends of the dates the library handles. A new field with an ordering rule needs a line in ``REPAIRS``.
"""

from __future__ import annotations

import random
import re
import types
import typing
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Literal

from annotated_types import Ge, Le
from hypothesis import strategies as st
from pydantic import BaseModel

from mappa_rules import Case, default_rulebook
from mappa_rules.limits import MAX_DAY, MAX_ITEMS, MIN_DAY
from mappa_rules.offences import offence_catalogue

from .choices import Context, HypothesisSource, RandomSource, Source, shift
from .repairs import REPAIRS

OMIT = object()
MARKER = "Zq"
"""Free text generated into a case starts with this, so that a test can look for it in error messages."""
_CATALOGUE = sorted({i for by_id in offence_catalogue(default_rulebook()).listings.values() for i in by_id})


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
    ("Order", "applies_to"): lambda ctx, path: ctx.choice([OMIT, None, f"d{ctx.integer(0, 3)}"]),
    ("StatedSupervision", "disposal"): lambda ctx, path: ctx.choice([OMIT, None, f"d{ctx.integer(0, 3)}"]),
}
"""(model, field) -> how to draw it, where the annotation alone would give unrealistic values."""


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
