"""Safe loading of rulesets: YAML (safe loader only) -> schema validation -> compiled rule book.

The law is handed in: the folder of ruleset files, the vocabularies their conditions may read (one per scope),
the catalogues (folders of files the law compiles itself, such as an offence catalogue) and the names of instruments
that a citation's provision must not contain (:mod:`.citations`). A broken ruleset fails here, at load, with the
file, the rule (or parameter) and the reason. Nothing in a ruleset is executed: conditions are parsed by the
whitelisting compiler in :mod:`.conditions`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..decision import Citation
from ..limits import MAX_RULESET_BYTES, MAX_RULESET_NODES
from .book import CompiledGroup, CompiledRule, Parameter, RuleBook, RulesetError
from .citations import citation_problem
from .conditions import ConditionError, compile_condition, kind_of_value
from .evaluator import ValueDef
from .schema import ParameterSpec, RulesetSpec
from .yaml_reader import YamlLimits, YamlProblem, load_yaml

__all__ = ["Catalogue", "Vocabularies", "load_rulebook"]

_LIMITS = YamlLimits(max_nodes=MAX_RULESET_NODES, max_depth=64)

Vocabularies = Mapping[str, Mapping[str, ValueDef]]
"""Scope name -> the names a condition in a group of that scope may read."""


@dataclass(frozen=True)
class Catalogue:
    """A folder of ``root`` whose files are not rulesets but a catalogue the law compiles itself.

    ``build(files, known)`` receives each file's parsed YAML by its path under ``root`` and a test of the names its
    conditions may read (the values of ``scope`` and the parameters, as ``param.<id>``); it raises
    :class:`RulesetError` naming the file, the item and the reason.
    """

    folder: str
    scope: str
    build: Callable[[Mapping[str, Any], Callable[[str], bool]], object]


def load_rulebook(
    root: Path,
    vocabularies: Vocabularies,
    catalogues: Iterable[Catalogue] = (),
    *,
    lazy_catalogues: bool = False,
    instrument_names: Collection[str] = (),
) -> RuleBook:
    """Load and compile every ``*.yaml`` under ``root``; a group's ``scope`` must name one of ``vocabularies``.

    Files under a catalogue's folder go to that catalogue, compiled on first use with ``lazy_catalogues``. Every
    citation must name one provision of one instrument, and its provision none of ``instrument_names``.
    """
    by_folder = {c.folder: c for c in catalogues}
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    digest = hashlib.sha256()
    specs: list[tuple[str, RulesetSpec]] = []
    sources: dict[str, dict[str, bytes]] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        if path.stat().st_size > MAX_RULESET_BYTES:
            raise RulesetError(rel, None, f"larger than {MAX_RULESET_BYTES} bytes (the limit for one ruleset file)")
        raw = path.read_bytes()
        digest.update(rel.encode() + b"\0" + raw)
        folder = rel.split("/", 1)[0] if "/" in rel else None
        if folder in by_folder:
            sources.setdefault(folder, {})[rel] = raw
            continue
        data = _parse(rel, raw)
        if not isinstance(data, dict):
            raise RulesetError(rel, None, "a ruleset file must be a mapping")
        try:
            specs.append((rel, RulesetSpec.model_validate(data)))
        except ValidationError as exc:
            raise RulesetError(rel, _item_of(data, exc), _first_error(exc)) from None
    _lint_citations(specs, instrument_names)
    parameters = _parameters(specs)
    groups, rule_files = _groups(specs, parameters, vocabularies)
    compilers = {
        folder: _catalogue_compiler(by_folder[folder], raw, parameters, vocabularies)
        for folder, raw in sources.items()
    }
    book = RuleBook(f"sha256:{digest.hexdigest()[:16]}", groups, parameters, rule_files, compilers)
    if not lazy_catalogues:
        for folder in compilers:
            book.catalogue(folder)
    return book


def _parse(rel: str, raw: bytes) -> Any:
    """One ruleset file's YAML: no duplicate keys, and no more values (aliases expanded) or nesting than the
    limits allow, checked before anything is built."""
    try:
        return load_yaml(raw, _LIMITS)
    except YamlProblem as exc:
        where = "" if exc.line is None else f" at line {exc.line}"
        raise RulesetError(rel, None, f"{exc.reason}{where}") from None


def _vocabulary(vocabularies: Vocabularies, scope: str, rel: str, item: str) -> Mapping[str, ValueDef]:
    try:
        return vocabularies[scope]
    except KeyError:
        known = ", ".join(sorted(vocabularies)) or "none"
        raise RulesetError(rel, item, f"scope {scope!r} is not a known vocabulary (known: {known})") from None


def _catalogue_compiler(
    catalogue: Catalogue, raw: Mapping[str, bytes], parameters: Mapping[str, Parameter], vocabularies: Vocabularies
) -> Callable[[], object]:
    vocabulary = _vocabulary(vocabularies, catalogue.scope, catalogue.folder, catalogue.folder)

    def known(name: str) -> bool:
        return name[6:] in parameters if name.startswith("param.") else name in vocabulary

    def compile_catalogue() -> object:
        return catalogue.build({rel: _parse(rel, data) for rel, data in raw.items()}, known)

    return compile_catalogue


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


def _lint_citations(specs: list[tuple[str, RulesetSpec]], instrument_names: Collection[str]) -> None:
    for rel, spec in specs:
        items: list[tuple[str, Citation, list[Citation]]] = [(p.id, p.citation, p.citations) for p in spec.parameters]
        items += [(r.id, r.citation, r.citations) for g in spec.groups for r in g.rules]
        for ident, citation, further in items:
            for cited in (citation, *further):
                problem = citation_problem(cited, instrument_names)
                if problem is not None:
                    raise RulesetError(rel, ident, f"citation: {problem}")


def _parameters(specs: list[tuple[str, RulesetSpec]]) -> dict[str, Parameter]:
    parameters: dict[str, Parameter] = {}
    for rel, spec in specs:
        for p in spec.parameters:
            if p.id in parameters:
                raise RulesetError(rel, p.id, f"parameter id also defined in {parameters[p.id].file}")
            parameters[p.id] = _parameter(rel, p)
    return parameters


def _groups(
    specs: list[tuple[str, RulesetSpec]], parameters: Mapping[str, Parameter], vocabularies: Vocabularies
) -> tuple[dict[str, CompiledGroup], dict[str, str]]:
    groups: dict[str, CompiledGroup] = {}
    rule_files: dict[str, str] = {}
    output_kinds: dict[str, frozenset[str] | None] = {}
    for rel, spec in specs:
        outputs_so_far: set[str] = set()
        for g in spec.groups:
            if g.id in groups:
                raise RulesetError(rel, g.id, "group id used twice")
            vocabulary = _vocabulary(vocabularies, g.scope, rel, g.id)

            def known(
                name: str, vocabulary: Mapping[str, ValueDef] = vocabulary, earlier: set[str] = outputs_so_far
            ) -> bool:
                if name.startswith("param."):
                    return name[6:] in parameters
                return name in vocabulary or name in earlier

            def kinds(name: str, vocabulary: Mapping[str, ValueDef] = vocabulary) -> frozenset[str] | None:
                if name.startswith("param."):
                    parameter = parameters.get(name[6:])
                    return None if parameter is None else _kinds(parameter.values)
                if name in vocabulary:
                    return vocabulary[name].kinds
                return output_kinds.get(name)

            compiled: list[CompiledRule] = []
            for r in sorted(g.rules, key=lambda r: r.precedence):
                if r.id in rule_files:
                    raise RulesetError(rel, r.id, f"rule id also used in {rule_files[r.id]}")
                try:
                    when = compile_condition(r.when, known, kinds)
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
                        citations=tuple(r.citations),
                    )
                )
            outputs = frozenset(k for r in g.rules for k in r.then)
            outputs_so_far.update(f"{g.id}.{k}" for k in outputs)
            for key in outputs:
                output_kinds[f"{g.id}.{key}"] = _kinds(tuple(r.then.get(key) for r in g.rules))
            groups[g.id] = CompiledGroup(
                g.id, g.title, g.scope, tuple(compiled), outputs, tuple(f"{g.id}.{k}" for k in sorted(outputs))
            )
    return groups, rule_files


def _kinds(values: Iterable[Any]) -> frozenset[str] | None:
    """The kinds of the values a parameter or a group output takes (None, no value, is no kind)."""
    found = frozenset(kind_of_value(v) for v in values if v is not None)
    return found or None


def _parameter(rel: str, p: ParameterSpec) -> Parameter:
    return Parameter(
        id=p.id, title=p.title, citation=p.citation, status=p.status, convention=p.convention,
        starts=tuple(v.start for v in p.values), values=tuple(v.value for v in p.values), file=rel,
        citations=tuple(p.citations), alternatives=tuple(p.alternatives),
    )
