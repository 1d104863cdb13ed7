"""What a counting rule says about one case: entries ("hits"), each with a key, a one-line reason and, for an
undetermined entry, the facts that would decide it.

A hit either counts in the cells whose selectors match its key, or is a *line* (its key holds ``line``): a case
not counted, with the reason why (``undetermined``, ``in_custody``, ...). Keys are tuples of (field, value)
pairs in field order, so that they can be counted and compared.
"""

from __future__ import annotations

from typing import NamedTuple

Scalar = int | str | bool
Key = tuple[tuple[str, Scalar], ...]
LINE = "line"
UNDETERMINED = "undetermined"


class Hit(NamedTuple):
    """One entry of a counting rule for one case."""

    measure: str
    key: Key
    reason: str
    missing: tuple[str, ...] = ()


def make_key(**fields: Scalar) -> Key:
    """A key from its fields (any names, including ``reason``, ``line``...)."""
    return tuple(sorted(fields.items()))


def cell(measure: str, reason: str, /, **key: Scalar) -> Hit:
    """A counted entry."""
    return Hit(measure, make_key(**key), reason)


def line(measure: str, line_id: str, reason: str, missing: tuple[str, ...] = (), /, **key: Scalar) -> Hit:
    """An entry not counted in any cell, shown on the table's line ``line_id``."""
    return Hit(measure, make_key(line=line_id, **key), reason, missing)


def undetermined(measure: str, missing: tuple[str, ...] | list[str], what: str, /, **key: Scalar) -> Hit:
    """A case the facts do not place: the line ``undetermined``, naming the missing facts."""
    facts = tuple(dict.fromkeys(missing))
    listed = ", ".join(facts) if facts else "no fact named"
    return line(measure, UNDETERMINED, f"{what}: undetermined; missing {listed}", facts, **key)


def line_of(key: Key) -> str | None:
    """The line id of a key, or None for a counted entry."""
    for field, value in key:
        if field == LINE:
            return str(value)
    return None


__all__ = ["LINE", "UNDETERMINED", "Hit", "Key", "Scalar", "cell", "line", "line_of", "make_key", "undetermined"]
