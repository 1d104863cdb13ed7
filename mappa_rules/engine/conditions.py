"""Rule conditions: a small, whitelisted expression language with three-valued (Kleene) logic.

A condition is written like a Python boolean expression over named facts, derived values and parameters::

    trigger == "conviction" and schedule3 and imprisonment_months >= 30

It is parsed with :mod:`ast` and only these forms are accepted: ``and``, ``or``, ``not``, comparisons
(``== != < <= > >= in``, ``not in``, chained), names (dotted names allowed), literal numbers, strings, booleans
and lists of literals, and the call ``known(name)``. Nothing is ever passed to ``eval``. The parsed tree is
compiled to nested closures once, at load time.

Any name whose value is unknown makes the comparisons that read it unknown; ``and``/``or``/``not`` follow
Kleene's strong three-valued logic, so ``False and <unknown>`` is False and ``True or <unknown>`` is True. The
names read, and those that were unknown, are recorded on the evaluation scope for the explanation and for the
list of missing facts.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any, Protocol

from ..limits import MAX_CONDITION_CHARS, MAX_CONDITION_DEPTH

__all__ = ["UNKNOWN", "Compiled", "ConditionError", "Kinds", "Lookup", "Unknown", "compile_condition", "kind_of_value"]


class Unknown:
    """The single unknown truth value."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("the unknown truth value has no boolean meaning; test 'is UNKNOWN'")


UNKNOWN = Unknown()


class Lookup(Protocol):
    """The evaluation scope: ``cache`` holds values already resolved; ``lookup`` resolves any other name."""

    cache: dict[str, Any]

    def lookup(self, name: str) -> Any: ...

    def lower_bound(self, name: str) -> float | None:
        """For a number unknown but known to be at least some value (:class:`~.evaluator.AtLeast`): that value."""


class ConditionError(ValueError):
    """A condition that is not in the whitelisted language, or names something unknown to the scope."""


Evaluator = Callable[[Lookup], Any]

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


@dataclass(frozen=True)
class Compiled:
    """A compiled condition: call ``evaluate(scope)`` for True, False or UNKNOWN."""

    source: str
    names: frozenset[str]
    ordered_names: tuple[str, ...]
    evaluate: Evaluator


Kinds = Callable[[str], "frozenset[str] | None"]
"""The kinds of value a name may hold (``text``, ``number``, ``boolean``, ``date``, ``mapping``), or None if not
declared: comparisons between kinds that cannot meet are refused at load."""


def compile_condition(source: str, is_known_name: Callable[[str], bool], kinds: Kinds | None = None) -> Compiled:
    """Parse and compile ``source``; every name must satisfy ``is_known_name``, and, where ``kinds`` declares
    them, be compared only with values of its kind. A condition longer than :data:`MAX_CONDITION_CHARS` or nested
    deeper than :data:`MAX_CONDITION_DEPTH` is refused."""
    if len(source) > MAX_CONDITION_CHARS:
        raise ConditionError(f"a condition may be at most {MAX_CONDITION_CHARS} characters long")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ConditionError(f"cannot parse condition {source!r}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise ConditionError(f"a condition may be nested at most {MAX_CONDITION_DEPTH} levels deep") from None
    _check_shape(tree.body, source, kinds)
    names: dict[str, None] = {}
    evaluate = _compile(tree.body, names, source)
    for name in names:
        if not is_known_name(name):
            raise ConditionError(f"condition {source!r} uses {name!r}, which is not a known fact or parameter")
    return Compiled(source=source, names=frozenset(names), ordered_names=tuple(names), evaluate=evaluate)


def _check_shape(root: ast.expr, source: str, kinds: Kinds | None) -> None:
    """Refuse a condition nested too deeply, or comparing values of kinds that cannot meet (``trigger > 5``)."""
    todo: list[tuple[ast.AST, int]] = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        if depth > MAX_CONDITION_DEPTH:
            raise ConditionError(f"a condition may be nested at most {MAX_CONDITION_DEPTH} levels deep")
        if kinds is not None and isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for left, right in pairwise(operands):
                _check_kinds(left, right, source, kinds)
        todo.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _check_kinds(left: ast.expr, right: ast.expr, source: str, kinds: Kinds) -> None:
    found = [_kinds_of(side, kinds) for side in (left, right)]
    if found[0] is not None and found[1] is not None and not found[0] & found[1]:
        described = [f"{ast.unparse(side)} ({' or '.join(sorted(kind))})"
                     for side, kind in zip((left, right), found, strict=True) if kind is not None]
        raise ConditionError(f"condition {source!r} compares {described[0]} with {described[1]}")


def _kinds_of(node: ast.expr, kinds: Kinds) -> frozenset[str] | None:
    name = _dotted(node)
    if name is not None:
        return kinds(name)
    try:
        value = _literal(node, "")
    except ConditionError:
        return None
    values = value if isinstance(value, tuple) else (value,)
    return frozenset(kind_of_value(v) for v in values)


def kind_of_value(value: Any) -> str:
    """The kind of a literal or parameter value: ``boolean``, ``number``, ``text``, ``date`` or ``mapping``."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    return "date" if isinstance(value, date) else "mapping"


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return None if head is None else f"{head}.{node.attr}"
    return None


def _literal(node: ast.expr, source: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str | bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _literal(node.operand, source)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return -value
    if isinstance(node, ast.List | ast.Tuple):
        return tuple(_literal(elt, source) for elt in node.elts)
    raise ConditionError(f"condition {source!r}: {ast.unparse(node)!r} is not allowed here")


def _compile(node: ast.expr, names: dict[str, None], source: str) -> Evaluator:
    if isinstance(node, ast.BoolOp):
        parts = [_compile(v, names, source) for v in node.values]
        return _and(parts) if isinstance(node.op, ast.And) else _or(parts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _compile(node.operand, names, source)

        def negate(scope: Lookup) -> Any:
            value = inner(scope)
            return UNKNOWN if value is UNKNOWN else not value

        return negate
    if isinstance(node, ast.Compare):
        return _compare(node, names, source)
    if isinstance(node, ast.Call):
        return _call(node, names, source)
    name = _dotted(node)
    if name is not None:
        names[name] = None

        def read(scope: Lookup) -> Any:
            try:
                return scope.cache[name]
            except KeyError:
                return scope.lookup(name)

        return read
    value = _literal(node, source)
    return lambda scope: value


def _and(parts: list[Evaluator]) -> Evaluator:
    def conj(scope: Lookup) -> Any:
        unknown = False
        for part in parts:
            value = part(scope)
            if value is UNKNOWN:
                unknown = True
            elif not value:
                return False
        return UNKNOWN if unknown else True

    return conj


def _or(parts: list[Evaluator]) -> Evaluator:
    def disj(scope: Lookup) -> Any:
        unknown = False
        for part in parts:
            value = part(scope)
            if value is UNKNOWN:
                unknown = True
            elif value:
                return True
        return UNKNOWN if unknown else False

    return disj


def _compare(node: ast.Compare, names: dict[str, None], source: str) -> Evaluator:
    operands = [_compile(node.left, names, source)] + [_compile(c, names, source) for c in node.comparators]
    try:
        ops = [_COMPARE[type(op)] for op in node.ops]
    except KeyError:
        raise ConditionError(f"condition {source!r}: comparison operator not allowed") from None

    if len(ops) == 1:
        return _compare_pair(node, operands, ops[0], source)

    def compare(scope: Lookup) -> Any:
        values = [operand(scope) for operand in operands]
        if any(v is UNKNOWN for v in values):
            return UNKNOWN
        try:
            return all(op(values[i], values[i + 1]) for i, op in enumerate(ops))
        except TypeError as exc:
            raise ConditionError(f"condition {source!r} compares values of different kinds: {exc}") from None

    return compare


def _compare_pair(
    node: ast.Compare, operands: list[Evaluator], op: Callable[[Any, Any], bool], source: str
) -> Evaluator:
    """The common case, one comparison; a literal right-hand side is evaluated once, at compile time."""
    left, right = operands
    try:
        constant = _literal(node.comparators[0], source)
    except ConditionError:
        constant = _NOT_CONSTANT
    if constant is not _NOT_CONSTANT:
        if isinstance(constant, tuple) and all(isinstance(c, str) for c in constant):
            constant = frozenset(constant)
        bounded = _dotted(node.left) if op in _ORDERING and isinstance(constant, int | float) else None

        def compare_constant(scope: Lookup) -> Any:
            value = left(scope)
            if value is UNKNOWN:
                return UNKNOWN if bounded is None else _at_least(scope.lower_bound(bounded), op, constant)
            try:
                return op(value, constant)
            except TypeError as exc:
                raise ConditionError(f"condition {source!r} compares values of different kinds: {exc}") from None

        return compare_constant

    def compare_values(scope: Lookup) -> Any:
        a, b = left(scope), right(scope)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        try:
            return op(a, b)
        except TypeError as exc:
            raise ConditionError(f"condition {source!r} compares values of different kinds: {exc}") from None

    return compare_values


_NOT_CONSTANT = object()
_ORDERING = (operator.lt, operator.le, operator.gt, operator.ge)


def _at_least(low: float | None, op: Callable[[Any, Any], bool], constant: float) -> Any:
    """``value op constant`` for every value from ``low`` up: decided if ``low`` settles it, else unknown."""
    if low is None:
        return UNKNOWN
    if op in (operator.gt, operator.ge):
        return True if op(low, constant) else UNKNOWN
    return False if not op(low, constant) else UNKNOWN


def _call(node: ast.Call, names: dict[str, None], source: str) -> Evaluator:
    if not (isinstance(node.func, ast.Name) and node.func.id == "known" and len(node.args) == 1 and not node.keywords):
        raise ConditionError(f"condition {source!r}: the only call allowed is known(name)")
    name = _dotted(node.args[0])
    if name is None:
        raise ConditionError(f"condition {source!r}: known() takes a name")
    names[name] = None
    return lambda scope: scope.lookup(name) is not UNKNOWN
