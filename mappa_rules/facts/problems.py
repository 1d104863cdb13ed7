"""What is wrong with a case, as fields and reasons that never repeat a value given.

Pydantic's errors carry the input (``input``, and in a few messages the value itself, such as a bad union tag).
:func:`problems_of` rebuilds each error from its ``type``, ``loc`` and ``ctx`` only; the messages of this
package's own validators name fields and rules, never values. A key the case model does not know is named by its
path only when it is a plain name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

__all__ = ["Problem", "field_path", "problems_of"]

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_CTX_ONLY = {
    "union_tag_invalid": "'{discriminator}' must be one of {expected_tags}",
    "union_tag_not_found": "'{discriminator}' is required to tell which kind this is",
    "assertion_error": "is not valid",
}
_SAFE_MESSAGES = frozenset({
    "model_type", "model_attributes_type", "none_required", "greater_than", "greater_than_equal", "less_than",
    "less_than_equal", "multiple_of", "finite_number", "too_short", "too_long", "string_type", "string_too_short",
    "string_too_long", "string_pattern_mismatch", "enum", "literal_error", "dict_type", "list_type", "bool_type",
    "bool_parsing", "int_type", "int_parsing", "int_parsing_size", "float_type", "float_parsing", "date_type",
    "is_instance_of", "frozen_instance", "invalid_key", "iterable_type", "string_unicode", "recursion_loop",
})
"""pydantic error types whose message is built from the model alone (limits, expected values), never the input;
any other type is described by its name."""
_NO_CTX = {
    "missing": "is required",
    "extra_forbidden": "is not a field of the case model",
    "int_from_float": "should be a whole number",
    "date_parsing": "should be a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "should be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "should be a date written YYYY-MM-DD, not a date and time",
}


@dataclass(frozen=True)
class Problem:
    """One broken rule of the case model: the field's path (``disposals[0].relevant_date``; ``case`` for the case
    as a whole), the reason, and pydantic's error type."""

    field: str
    reason: str
    kind: str


def field_path(loc: tuple[int | str, ...], root: str = "case") -> str:
    """A pydantic location as a path into the case, e.g. ``disposals[0].sentence.imprisonment.term.months``
    (``root`` for the case as a whole)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = part if _PLAIN.fullmatch(part) else "<key>"
            path += f".{name}" if path else name
    return path or root


def problems_of(exc: ValidationError, root: str = "case") -> list[Problem]:
    """Each error of ``exc`` as a field and a reason, with no value from the input (``root`` names the field of an
    error about the whole, by default ``case``)."""
    return [Problem(field_path(tuple(err["loc"]), root), _reason(err["type"], err.get("ctx") or {}, str(err["msg"])),
                    err["type"]) for err in exc.errors(include_url=False, include_input=False)]


def _reason(kind: str, ctx: dict[str, Any], message: str) -> str:
    if kind == "value_error":  # this package's validators: field and rule only, never a value
        return str(ctx.get("error", "is not valid"))
    if kind in _NO_CTX:
        return _NO_CTX[kind]
    if kind in _CTX_ONLY:
        return _CTX_ONLY[kind].format(**{k: str(v).strip("'") if k == "discriminator" else v for k, v in ctx.items()})
    return message if kind in _SAFE_MESSAGES else f"is not valid ({kind})"

