"""What the conventions tests read: the package's import graph (every import, at the top, inside a function or
under ``TYPE_CHECKING``), the ruleset files and the tree of tests, all parsed and never imported."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mappa_rules"
RULESETS = ROOT / "rulesets"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(name: str, path: Path, known: Mapping[str, Path]) -> Iterator[str]:
    """The modules one module imports, wherever the import statement is: ``from x import y`` imports ``x.y`` when
    that is a module, else ``x``."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                yield f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@cache
def import_graph() -> Mapping[str, frozenset[str]]:
    """Module -> the package's modules it imports (a ``from x import y`` counts ``x.y`` when it is a module)."""
    known = modules()
    return {
        name: frozenset(t for t in _imported(name, path, known) if t in known and t != name)
        for name, path in known.items()
    }


def cycles(graph: Mapping[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


@dataclass(frozen=True)
class RulesetFile:
    """One ruleset file: its path under rulesets/, the id its path gives, and its parsed content."""

    path: Path
    data: Mapping[str, Any]

    @property
    def relative(self) -> Path:
        return self.path.relative_to(RULESETS)

    @property
    def path_id(self) -> str:
        return ".".join(self.relative.with_suffix("").parts)

    @property
    def topic(self) -> str:
        """``<area>/<topic>``, the sub-path the topic keeps in every tree."""
        return self.relative.with_suffix("").as_posix()

    def ids(self) -> Iterator[str]:
        """Every parameter, group and rule id the file declares."""
        for parameter in self.data.get("parameters", []):
            yield parameter["id"]
        for group in self.data.get("groups", []):
            yield group["id"]
            for rule in group["rules"]:
                yield rule["id"]


@cache
def ruleset_files() -> tuple[RulesetFile, ...]:
    """The ruleset files (the offence catalogues, which hold entries rather than rules, are left out)."""
    files = []
    for path in sorted(RULESETS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "ruleset" in data:
            files.append(RulesetFile(path, data))
    return tuple(files)
