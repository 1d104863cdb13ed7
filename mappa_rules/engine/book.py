"""The rule book: compiled rule groups and dated parameters, as the loader leaves them, and the catalogues the law
compiles from files of its own on first use."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..decision import Citation, Status
from .conditions import Compiled

__all__ = ["CompiledGroup", "CompiledRule", "NotInForce", "Parameter", "RuleBook", "RulesetError"]


class RulesetError(Exception):
    """A ruleset that cannot be loaded: names the file, the rule or parameter, and the reason."""

    def __init__(self, file: str, item: str | None, reason: str) -> None:
        self.file, self.item, self.reason = file, item, reason
        where = file if item is None else f"{file}: {item}"
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Parameter:
    """A dated parameter, ready to be read as at a date."""

    id: str
    title: str
    citation: Citation
    status: Status
    convention: bool
    starts: tuple[date, ...]
    values: tuple[Any, ...]
    file: str
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[Any, ...] = ()

    def value_at(self, day: date) -> Any:
        """The value in force on ``day``; :class:`NotInForce` if the provision had none then."""
        index = bisect.bisect_right(self.starts, day) - 1
        if index < 0 or self.values[index] is None:
            raise NotInForce(self, day)
        return self.values[index]

    def value_from(self, day: date) -> Any:
        """The value in force on ``day``, or, for a day before the provision began, its first value: how a
        provision that reaches back to what happened before its commencement (from its commencement) is read."""
        return self.value_at(max(day, self.starts[0]))


class NotInForce(LookupError):
    """A parameter was read for a day on which it had no value: the law it holds did not exist then (or had
    ended). Questions turn it into an undetermined decision that says so (kind ``law_not_in_force``)."""

    def __init__(self, parameter: Parameter, day: date) -> None:
        self.parameter, self.day = parameter, day
        super().__init__(f"parameter {parameter.id} has no value in force on {day.isoformat()}")


@dataclass(frozen=True, slots=True)
class CompiledRule:
    id: str
    precedence: int
    title: str
    citation: Citation
    status: Status
    start: date
    end: date | None
    when: Compiled
    then: Mapping[str, Any]
    because: str
    template_names: tuple[str, ...]
    fact_names: tuple[str, ...]
    qualified_then: Mapping[str, Any]
    citations: tuple[Citation, ...] = ()

    def in_force(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class CompiledGroup:
    id: str
    title: str
    scope: str
    rules: tuple[CompiledRule, ...]
    outputs: frozenset[str]
    output_names: tuple[str, ...]


@dataclass(frozen=True)
class RuleBook:
    """Every loaded rule group and parameter, with the version hash of the files they came from, and the
    catalogues (folders the law compiles itself), each compiled on first use unless the loader was asked to
    compile them at once."""

    version: str
    groups: Mapping[str, CompiledGroup]
    parameters: Mapping[str, Parameter]
    rule_files: Mapping[str, str]
    catalogue_compilers: Mapping[str, Callable[[], object]] = field(default_factory=dict)
    _catalogues: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def group(self, ident: str) -> CompiledGroup:
        return self.groups[ident]

    def parameter(self, ident: str) -> Parameter:
        try:
            return self.parameters[ident]
        except KeyError:
            raise KeyError(f"no parameter {ident!r} in the rulesets") from None

    def rules(self) -> Iterable[CompiledRule]:
        for group in self.groups.values():
            yield from group.rules

    def catalogue(self, folder: str) -> object:
        """The catalogue compiled from ``rulesets/<folder>/`` (compiled once, on first use)."""
        try:
            return self._catalogues[folder]
        except KeyError:
            pass
        with self._lock:
            if folder not in self._catalogues:
                try:
                    compile_catalogue = self.catalogue_compilers[folder]
                except KeyError:
                    raise KeyError(f"no catalogue {folder!r} in the rulesets") from None
                self._catalogues[folder] = compile_catalogue()
            return self._catalogues[folder]
