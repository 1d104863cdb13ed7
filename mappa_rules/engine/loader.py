"""Safe loading of rulesets: YAML (safe loader only) -> schema validation -> compiled rule book.

A broken ruleset fails here, at load, with the file, the rule (or parameter) and the reason. Nothing in a
ruleset is executed: conditions are parsed by the whitelisting compiler in :mod:`.conditions`.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from ..decision import Citation, Status
from .conditions import ConditionError, compile_condition
from .evaluator import CompiledGroup, CompiledRule, ValueDef
from .schema import ParameterSpec, RulesetSpec

if TYPE_CHECKING:
    from ..offences import OffenceCatalogue

__all__ = ["Parameter", "RuleBook", "RulesetError", "default_rulebook", "load_rulebook"]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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

    def value_at(self, day: date) -> Any:
        index = bisect.bisect_right(self.starts, day) - 1
        if index < 0 or self.values[index] is None:
            raise LookupError(f"parameter {self.id} has no value in force on {day.isoformat()}")
        return self.values[index]


@dataclass(frozen=True)
class RuleBook:
    """Every loaded rule group and parameter, with the version hash of the files they came from.

    The offence catalogue (rulesets/offences/) is the largest part; it is parsed and compiled on first use
    unless the book was loaded with ``lazy_catalogue=False``, so that questions that never name an offence
    id do not pay for it.
    """

    version: str
    groups: Mapping[str, CompiledGroup]
    parameters: Mapping[str, Parameter]
    rule_files: Mapping[str, str]
    catalogue_sources: Mapping[str, bytes]

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

    @cached_property
    def offences(self) -> OffenceCatalogue:
        """The Schedule 3 and Schedule 15 offence catalogue, compiled against the disposal vocabulary."""
        from ..offences import CatalogueError, build_catalogue

        raw: dict[str, Any] = {}
        for rel, source in self.catalogue_sources.items():
            try:
                raw[rel] = yaml.load(source, Loader=_Loader)
            except yaml.YAMLError as exc:
                raise RulesetError(rel, None, f"not valid YAML: {exc}") from None
        vocabulary = _vocabularies()["disposal"]

        def known(name: str) -> bool:
            return name[6:] in self.parameters if name.startswith("param.") else name in vocabulary

        try:
            return build_catalogue(raw, known)
        except CatalogueError as exc:
            raise RulesetError("offences", exc.item, exc.reason) from None


def _ruleset_root() -> Path:
    return Path(str(resources.files("mappa_rules.rulesets")))


def _vocabularies() -> Mapping[str, Mapping[str, ValueDef]]:
    from ..vocabulary import VOCABULARIES

    return VOCABULARIES


def load_rulebook(root: Path | None = None, *, lazy_catalogue: bool = False) -> RuleBook:
    """Load and compile every ``*.yaml`` under ``root`` (default: the bundled rulesets).

    Files under ``offences/`` are the offence catalogue; with ``lazy_catalogue`` they are compiled on first use.
    """
    root = _ruleset_root() if root is None else root
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    digest = hashlib.sha256()
    specs: list[tuple[str, RulesetSpec]] = []
    catalogues: dict[str, bytes] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        digest.update(rel.encode() + b"\0" + raw)
        if rel.startswith("offences/"):
            catalogues[rel] = raw
            continue
        try:
            data = yaml.load(raw, Loader=_Loader)
        except yaml.YAMLError as exc:
            raise RulesetError(rel, None, f"not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise RulesetError(rel, None, "a ruleset file must be a mapping")
        try:
            specs.append((rel, RulesetSpec.model_validate(data)))
        except ValidationError as exc:
            raise RulesetError(rel, _item_of(data, exc), _first_error(exc)) from None
    book = _compile(specs, catalogues, f"sha256:{digest.hexdigest()[:16]}")
    if not lazy_catalogue:
        _ = book.offences
    return book


def _item_of(data: dict[str, Any], exc: ValidationError) -> str | None:
    loc = exc.errors()[0]["loc"]
    node: Any = data
    item = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            item = node["id"]
    return item


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    return f"{loc}: {err['msg']}"


def _compile(specs: list[tuple[str, RulesetSpec]], catalogues: dict[str, bytes], version: str) -> RuleBook:
    parameters: dict[str, Parameter] = {}
    for rel, spec in specs:
        for p in spec.parameters:
            if p.id in parameters:
                raise RulesetError(rel, p.id, f"parameter id also defined in {parameters[p.id].file}")
            parameters[p.id] = _parameter(rel, p)
    vocabularies = _vocabularies()
    groups: dict[str, CompiledGroup] = {}
    rule_files: dict[str, str] = {}
    for rel, spec in specs:
        outputs_so_far: set[str] = set()
        for g in spec.groups:
            if g.id in groups:
                raise RulesetError(rel, g.id, "group id used twice")
            vocabulary = vocabularies[g.scope]

            def known(
                name: str, vocabulary: Mapping[str, ValueDef] = vocabulary, earlier: set[str] = outputs_so_far
            ) -> bool:
                if name.startswith("param."):
                    return name[6:] in parameters
                return name in vocabulary or name in earlier

            compiled: list[CompiledRule] = []
            for r in sorted(g.rules, key=lambda r: r.precedence):
                if r.id in rule_files:
                    raise RulesetError(rel, r.id, f"rule id also used in {rule_files[r.id]}")
                try:
                    when = compile_condition(r.when, known)
                except ConditionError as exc:
                    raise RulesetError(rel, r.id, str(exc)) from None
                names = tuple(dict.fromkeys(r.placeholders()))
                for name in names:
                    if name not in r.then and not known(name):
                        raise RulesetError(rel, r.id, f"'because' refers to {{{name}}}, which is not a known value")
                rule_files[r.id] = rel
                compiled.append(
                    CompiledRule(
                        id=r.id, precedence=r.precedence, title=r.title, citation=r.citation, status=r.status,
                        start=r.in_force.start, end=r.in_force.end, when=when, then=dict(r.then),
                        because=r.because, template_names=names,
                        fact_names=tuple(dict.fromkeys((*when.ordered_names, *names))),
                        qualified_then={f"{g.id}.{k}": v for k, v in r.then.items()},
                    )
                )
            outputs = frozenset(k for r in g.rules for k in r.then)
            outputs_so_far.update(f"{g.id}.{k}" for k in outputs)
            groups[g.id] = CompiledGroup(
                g.id, g.title, g.scope, tuple(compiled), outputs, tuple(f"{g.id}.{k}" for k in sorted(outputs))
            )
    return RuleBook(version, groups, parameters, rule_files, catalogues)


def _parameter(rel: str, p: ParameterSpec) -> Parameter:
    return Parameter(
        id=p.id, title=p.title, citation=p.citation, status=p.status, convention=p.convention,
        starts=tuple(v.start for v in p.values), values=tuple(v.value for v in p.values), file=rel,
    )


@cache
def default_rulebook() -> RuleBook:
    """The bundled rulesets, loaded once per process (the rule book is immutable, so sharing it is safe)."""
    return load_rulebook(lazy_catalogue=True)
