"""Evaluation: a scope that resolves names lazily, and first-match evaluation of a rule group.

A :class:`Scope` belongs to one subject (a disposal, or the person) and one as-at date. It resolves a name from,
in order: the outputs of groups already decided, the dated parameters (``param.<id>``), and the vocabulary of
derived values. Each value is computed at most once. An unknown value carries the paths of the facts whose
absence made it unknown; these become the ``missing`` list of an undetermined decision.

What a decision relied on goes in its :class:`Ledger`: a warning for a parameter whose text is unverified (read
through :meth:`Scope.param`), and for a declared convention only where its alternative reading would change the
result (the caller computes both, see ``legal_time.conventions.sensitive``); any other parameter that is not
verified text (secondary, derived, or a convention that did not matter here) is listed, without a warning, under
``relied_on``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from ..decision import Citation, Reason, Reliance, Status, Warning, make_reason, show_value, trusted
from .book import CompiledGroup, CompiledRule, RuleBook
from .conditions import UNKNOWN

__all__ = ["AtLeast", "Gap", "GroupResult", "Ledger", "Scope", "ValueDef", "evaluate_group"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Gap:
    """An unknown value, with the paths of the missing facts that would make it known."""

    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AtLeast(Gap):
    """An unknown number known to be at least ``low`` (e.g. a term to which unknown terms may add): a comparison
    with a constant that holds, or fails, for every number from ``low`` up is decided; any other is unknown and
    names the missing facts."""

    low: float


@dataclass(frozen=True, slots=True)
class ValueDef:
    """A named fact or derived value that conditions may read."""

    name: str
    doc: str
    compute: Callable[[Scope], Any]
    kinds: frozenset[str] | None = None
    """The kinds of value it holds (``text``, ``number``, ``boolean``, ``date``), checked against the rules at
    load; None: not declared."""


@dataclass(slots=True)
class GroupResult:
    """What a group decided: the rule that fired, or none, or undetermined (rules blocked by unknown facts)."""

    group: CompiledGroup
    fired: CompiledRule | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    blocked: list[tuple[CompiledRule, tuple[str, ...]]] = field(default_factory=list)
    as_at: date | None = None
    in_force: bool = True
    """False when no rule of the group was in force on ``as_at``: the law it holds did not then exist."""

    @property
    def decided(self) -> bool:
        return not self.blocked

    @property
    def outputs(self) -> Mapping[str, Any]:
        return {} if self.fired is None else self.fired.then

    def reason(self, subject: str | None = None) -> Reason:
        rule = self.fired
        if rule is None:
            raise ValueError(f"group {self.group.id} has no rule that fired")
        return make_reason(rule.id, rule.title, rule.citation, rule.status, rule.because, self.facts, subject,
                           citations=list(rule.citations))

    def missing(self) -> list[str]:
        paths: list[str] = []
        for _, gaps in self.blocked:
            paths.extend(p for p in gaps if p not in paths)
        return paths


class Ledger(dict[str, Warning]):
    """The warnings of one decision by code, and (``relied_on``) the parameters it relied on without a warning."""

    def __init__(self) -> None:
        super().__init__()
        self.relied_on: dict[str, Reliance] = {}

    def adopt(self, warnings: Iterable[Warning], relied_on: Iterable[Reliance]) -> None:
        """Take in what another decision this one builds on warned of and relied on."""
        for warning in warnings:
            self.setdefault(warning.code, warning)
        for reliance in relied_on:
            self.relied_on.setdefault(reliance.id, reliance)

    def reliances(self) -> list[Reliance]:
        """What was relied on and not also warned of, in the order first relied on."""
        return [r for ident, r in self.relied_on.items() if ident not in self]


class Scope:
    """Resolves names for one subject as at one date; caches values; records reads, gaps, warnings and reliance."""

    __slots__ = ("_gaps", "_lows", "_memo", "_values", "as_at", "book", "cache", "case", "reasons", "stand_in",
                 "subject", "warnings")

    def __init__(
        self,
        book: RuleBook,
        as_at: date,
        values: Mapping[str, ValueDef],
        case: Any,
        subject: Any = None,
        warnings: Ledger | None = None,
        reasons: list[Reason] | None = None,
        stand_in: tuple[str, ...] = (),
    ) -> None:
        self.book = book
        self.stand_in = stand_in
        """The facts whose absence made ``as_at`` a stand-in (e.g. the date of an event not given): if no rule is
        in force on it, or the rule that holds on it has since been replaced, they are what would decide the
        group."""
        self.as_at = as_at
        self.case = case
        self.subject = subject
        self.warnings: Ledger = Ledger() if warnings is None else warnings
        self.reasons: list[Reason] = [] if reasons is None else reasons
        self._values = values
        self.cache: dict[str, Any] = {}
        self._gaps: dict[str, tuple[str, ...]] = {}
        self._lows: dict[str, float] = {}
        self._memo: dict[str, Any] | None = None

    def remember(self, key: str, make: Callable[[Scope], T]) -> T:
        """``make(scope)``, worked out once per scope and kept under ``key`` (for what the machinery derives from the
        scope's book and date, such as the conventions in force)."""
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        try:
            found: T = memo[key]
        except KeyError:
            found = memo[key] = make(self)
        return found

    def set(self, name: str, value: Any, gaps: tuple[str, ...] = ()) -> None:
        """Record a value decided elsewhere (e.g. a group's output) under ``name``; a Gap marks it unknown."""
        if isinstance(value, Gap):
            gaps, value = value.paths, UNKNOWN
        self.cache[name] = value
        if value is UNKNOWN:
            self._gaps[name] = gaps

    def lookup(self, name: str) -> Any:
        try:
            return self.cache[name]
        except KeyError:
            pass
        if name.startswith("param."):
            value = self.param(name[6:])
        else:
            definition = self._values.get(name)
            if definition is None:
                raise KeyError(f"no value named {name!r} in this scope")
            value = definition.compute(self)
            if isinstance(value, Gap):
                self._gaps[name] = value.paths
                if isinstance(value, AtLeast):
                    self._lows[name] = value.low
                value = UNKNOWN
            elif value is None:
                value = UNKNOWN
        self.cache[name] = value
        return value

    def lower_bound(self, name: str) -> float | None:
        """The least value an unknown number may take, where its definition knows one (:class:`AtLeast`)."""
        return self._lows.get(name)

    def known_values(self, names: Iterable[str]) -> dict[str, Any]:
        """The values already computed for ``names`` (unknown ones as None, or "at least N"), without computing any
        others: the facts a rule actually read, for its explanation."""
        cache = self.cache
        return {n: (self._shown_unknown(n) if cache[n] is UNKNOWN else cache[n]) for n in names if n in cache}

    def _shown_unknown(self, name: str) -> str | None:
        low = self._lows.get(name)
        return None if low is None else f"at least {int(low) if float(low).is_integer() else low}"

    def gaps_of(self, names: Iterable[str]) -> tuple[str, ...]:
        """The missing-fact paths behind those of ``names`` that are unknown."""
        paths: list[str] = []
        for name in names:
            for path in self._gaps.get(name, ()):
                if path not in paths:
                    paths.append(path)
        return tuple(paths)

    def param(self, ident: str, day: date | None = None) -> Any:
        """The value of parameter ``ident`` as at ``day`` (default: the scope's as-at date), recording the reliance:
        a warning if its text is unverified, else a line in ``relied_on`` unless it is verified text."""
        parameter = self.book.parameter(ident)
        value = parameter.value_at(day or self.as_at)
        if parameter.status is Status.UNVERIFIED:
            if ident not in self.warnings:
                what = ("a declared convention (the law's words leave this open)" if parameter.convention
                        else "a provision whose text is not confirmed")
                self.warn(ident, f"Relies on {what}: {parameter.title} (value used: {show_value(value)}).",
                          parameter.status, parameter.citation)
        elif parameter.status is not Status.VERIFIED or parameter.convention:
            self.rely(ident, value)
        return value

    def rely(self, ident: str, value: Any) -> None:
        """Record, without a warning, that the answer relied on parameter ``ident`` with ``value``."""
        relied_on = self.warnings.relied_on
        if ident not in relied_on:
            parameter = self.book.parameter(ident)
            relied_on[ident] = trusted(Reliance, {
                "id": ident, "title": parameter.title, "status": parameter.status,
                "convention": parameter.convention, "citation": parameter.citation, "value": value,
            })

    def warn(self, code: str, message: str, status: Status | None = None, citation: Citation | None = None) -> None:
        if code not in self.warnings:
            self.warnings[code] = Warning(code=code, message=message, status=status, citation=citation)


def evaluate_group(group: CompiledGroup, scope: Scope) -> GroupResult:
    """Try the group's rules in precedence order, as at the scope's date.

    The first rule whose condition is true decides, unless an earlier rule could not be decided for want of a
    fact and would have concluded differently: then the group is undetermined and names the missing facts.
    """
    result = GroupResult(group=group, as_at=scope.as_at, in_force=False)
    as_at = scope.as_at
    for rule in group.rules:
        if not (rule.start <= as_at and (rule.end is None or as_at <= rule.end)):
            continue
        result.in_force = True
        truth = rule.when.evaluate(scope)
        if truth is UNKNOWN:
            result.blocked.append((rule, scope.gaps_of(rule.when.ordered_names)))
            continue
        if truth:
            if any(blocked.then != rule.then for blocked, _ in result.blocked):
                break
            if scope.stand_in and rule.end is not None:
                # A stand-in date that falls under law since replaced: the real date would decide which law applies.
                result.blocked.append((rule, scope.stand_in))
                break
            result.blocked.clear()
            result.fired = rule
            for name in rule.template_names:
                if name not in rule.then:
                    scope.lookup(name)
            facts = scope.known_values(rule.fact_names)
            facts.update(rule.then)
            result.facts = facts
            if rule.status is Status.UNVERIFIED:
                scope.warn(rule.id, f"Relies on a provision whose text is unverified: {rule.title}.",
                           rule.status, rule.citation)
            scope.cache.update(rule.qualified_then)
            return result
    if not result.in_force and scope.stand_in and group.rules:
        result.blocked.append((group.rules[0], scope.stand_in))  # the real date would decide which law applies
    missing = tuple(result.missing()) if result.blocked else ()
    for name in group.output_names:
        scope.set(name, UNKNOWN, missing)
    return result
