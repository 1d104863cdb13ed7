"""How a vocabulary is written: the helpers every area's vocabulary uses to name the values its conditions read.

A value is a function of the scope; its docstring states its legal meaning, and it returns a
:class:`~mappa_rules.engine.Gap` naming the missing facts when it cannot be known, never a default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..engine import Gap, Scope, ValueDef

__all__ = ["Scopes", "Values", "case_fact", "stated", "subject", "values"]

T = TypeVar("T")

Values = Mapping[str, ValueDef]
"""The names a condition in one scope may read."""
Scopes = Mapping[str, Values]
"""Scope name -> its values: what each area's vocabulary module exports as ``SCOPES``."""


def values(*defs: tuple[str, Callable[[Scope], Any]]) -> Values:
    """Values computed from the scope; each function's docstring is the value's meaning."""
    return {name: ValueDef(name, (fn.__doc__ or name).strip(), fn) for name, fn in defs}


def stated(*entries: tuple[str, str]) -> Values:
    """Values the question machinery works out for one subject and hands over as a mapping (name -> a value, a
    gap, or a function run on first read, so that a convention is warned about only when a rule relies on it)."""
    return {name: ValueDef(name, meaning, _reader(name)) for name, meaning in entries}


def _reader(name: str) -> Callable[[Scope], Any]:
    def read(scope: Scope) -> Any:
        value = scope.subject[name]
        return value() if callable(value) else value

    return read


def subject(scope: Scope, kind: type[T]) -> T:
    """The scope's subject, which a vocabulary of that kind of subject is only ever given."""
    found = scope.subject
    assert isinstance(found, kind), f"a {kind.__name__} scope was given a {type(found).__name__}"
    return found


def case_fact(section: str, field: str, doc: str) -> Callable[[Scope], Any]:
    """A value read straight from ``case.<section>.<field>``; null becomes a gap naming that fact."""

    def read(scope: Scope) -> Any:
        value = getattr(getattr(scope.case, section), field)
        return Gap((f"{section}.{field}",)) if value is None else value

    read.__doc__ = f"{doc}: {section}.{field}."
    return read
