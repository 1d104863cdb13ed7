"""Reading the sources of the generated pages: the rulesets (validated by the loader), the casebook (run through
the questions) and ``tests/law`` (parsed with :mod:`ast`, never imported). Only files under the repository root
are read."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..decision import Decision
from ..engine import RuleBook
from ..engine.schema import GroupSpec, RulesetSpec, RuleSpec
from ..facts import Case
from ..rulebook import load_rulebook
from . import markdown as md

__all__ = [
    "PAGE_WEIGHT",
    "Catalogue",
    "Example",
    "LawModule",
    "LawTest",
    "Ruleset",
    "Sources",
    "casebook_page",
    "find_root",
    "read_sources",
    "summary",
]

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CITATION = re.compile(r"^(?:Citation:\s*(?P<cite>.*?))?\s*(?:Status:\s*(?P<status>.*))?$")


@dataclass(frozen=True)
class Ruleset:
    """One ruleset file: its path, its topic (``<area>/<topic>``, the path under ``rulesets/``) and content."""

    path: str
    topic: str
    spec: RulesetSpec

    @property
    def area(self) -> str:
        return self.topic.split("/")[0]

    @property
    def page(self) -> str:
        """Its page in the rule catalogue, under ``docs/``."""
        return f"rules/{self.topic}.md"


@dataclass(frozen=True)
class Catalogue:
    """One offence catalogue (a ruleset file whose top-level key is ``schedule``)."""

    path: str
    name: str
    data: Mapping[str, Any]


PAGE_WEIGHT = 120_000
"""How much of the casebook one page holds, so that no page is too long to load and read: the examples of a file
fill a page until their weight (the length of each case as YAML and of its decision as JSON, about one and a half
times what the page shows of them) would pass this; then the next page begins."""


def casebook_page(file: str, part: int) -> str:
    """The page (under ``docs/``) of part ``part`` of the casebook file ``file`` (``notification/period.yaml``)."""
    stem = file.removesuffix(".yaml")
    return f"casebook/{stem}.md" if part == 1 else f"casebook/{stem}-part-{part}.md"


@dataclass(frozen=True)
class Example:
    """One worked example of the casebook and what running it gave (a decision, or the error it raised)."""

    file: str
    number: int
    data: Mapping[str, Any]
    decision: Decision | None
    error: str | None
    part: int = 1
    """Which page of its file's examples it is on (see :data:`PAGE_WEIGHT`)."""

    @property
    def anchor(self) -> str:
        return f"example-{self.number}"

    @property
    def page(self) -> str:
        """Its page, under ``docs/``: ``casebook/<area>/<topic>.md``, then ``<topic>-part-2.md`` and so on."""
        return casebook_page(self.file, self.part)

    @property
    def name(self) -> str:
        return str(self.data.get("name") or f"Example {self.number}")


@dataclass(frozen=True)
class LawTest:
    """One test function of a ``tests/law`` module, as parsed (never run)."""

    module: str
    name: str
    docstring: str | None
    kinds: tuple[str, ...]
    source: str

    @property
    def node_id(self) -> str:
        return f"{self.module}::{self.name.replace('.', '::')}"

    @property
    def anchor(self) -> str:
        return self.name

    def parts(self) -> tuple[str, str | None, str | None, str]:
        """The proposition (the first paragraph), the citation, the status and the rest of the docstring.

        The citation and status are read from a paragraph ``Citation: ... Status: ...`` (either may stand
        alone); other paragraphs are the rest.
        """
        proposition, details = summary(self.docstring)
        citation = status = None
        rest: list[str] = []
        for paragraph in _paragraphs(details):
            flat = " ".join(paragraph.split())
            found = _CITATION.match(flat)
            if found is None:
                rest.append(paragraph)
                continue
            citation = (found["cite"] or "").strip().rstrip(".") or citation
            status = (found["status"] or "").strip().rstrip(".") or status
        return proposition, citation, status, "\n\n".join(rest)


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()]


def summary(docstring: str | None) -> tuple[str, str]:
    """A docstring's first paragraph on one line, and the rest of it."""
    paragraphs = _paragraphs(docstring)
    first = " ".join(paragraphs[0].split()) if paragraphs else ""
    return first, "\n\n".join(paragraphs[1:])


@dataclass(frozen=True)
class LawModule:
    """One ``tests/law`` module: its docstring and tests (or the reason it could not be parsed)."""

    path: str
    docstring: str | None
    tests: tuple[LawTest, ...]
    source: str
    error: str | None

    @property
    def slug(self) -> str:
        """``<area>/<topic>`` for ``tests/law/<area>/test_<topic>.py``."""
        path = Path(self.path).relative_to("tests/law")
        return path.with_name(path.stem.removeprefix("test_")).as_posix()

    @property
    def page(self) -> str:
        """Its page of legal properties, under ``docs/``."""
        return f"properties/{self.slug}.md"

    @property
    def title(self) -> str:
        """The docstring's first paragraph (it names the provision), or the module's name."""
        return summary(self.docstring)[0].rstrip(".") or self.slug


@dataclass(frozen=True)
class Sources:
    """Everything the pages are generated from."""

    root: Path
    book: RuleBook
    rulesets: tuple[Ruleset, ...]
    catalogues: tuple[Catalogue, ...]
    examples: tuple[Example, ...]
    unreadable_examples: tuple[tuple[str, str], ...]
    """Casebook files that are not valid YAML, with the parser's message."""
    law: tuple[LawModule, ...]

    @cached_property
    def rule_pages(self) -> dict[str, str]:
        """Rule, group and parameter id -> the page (under ``docs/``) that documents it."""
        pages: dict[str, str] = {}
        for ruleset in self.rulesets:
            for parameter in ruleset.spec.parameters:
                pages[parameter.id] = ruleset.page
            for group in ruleset.spec.groups:
                pages[group.id] = ruleset.page
                for rule in group.rules:
                    pages[rule.id] = ruleset.page
        return pages

    def linker(self, here: str) -> md.Linker:
        """Links from the page ``here`` (under ``docs/``) to the rules, parameters and groups."""
        return md.Linker(self.rule_pages, here)

    def rules(self) -> Iterable[tuple[Ruleset, GroupSpec, RuleSpec]]:
        for ruleset in self.rulesets:
            for group in ruleset.spec.groups:
                for rule in sorted(group.rules, key=lambda r: r.precedence):
                    yield ruleset, group, rule

    @cached_property
    def fired_in(self) -> dict[str, list[Example]]:
        """Rule id -> the casebook examples in whose decision it fired (appears among the reasons)."""
        fired: dict[str, list[Example]] = {}
        for example in self.examples:
            if example.decision is None:
                continue
            for rule_id in dict.fromkeys(r.rule_id for r in example.decision.reasons):
                fired.setdefault(rule_id, []).append(example)
        return fired

    def rules_named(self, text: str) -> list[str]:
        """The ids of the rules that ``text`` names, in rule-book order."""
        named = set(self._rule_id_pattern.findall(text))
        return [rule.id for rule in self.book.rules() if rule.id in named]

    @cached_property
    def _rule_id_pattern(self) -> re.Pattern[str]:
        ids = sorted((rule.id for rule in self.book.rules()), key=len, reverse=True)
        return re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, ids)) + r")(?!\w|\.\w)")

    @cached_property
    def named_in(self) -> dict[str, list[tuple[LawModule, LawTest | None]]]:
        """Rule id -> the tests/law tests (or, for a mention outside any test, modules) that name it."""
        named: dict[str, list[tuple[LawModule, LawTest | None]]] = {}
        for module in self.law:
            in_tests: set[str] = set()
            for test in module.tests:
                for rule_id in self.rules_named(test.source):
                    named.setdefault(rule_id, []).append((module, test))
                    in_tests.add(rule_id)
            for rule_id in self.rules_named(module.source):
                if rule_id not in in_tests:
                    named.setdefault(rule_id, []).append((module, None))
        return named

    def exercised(self) -> dict[str, list[str]]:
        """Rule id -> labels of everything that exercises it (casebook examples, then tests/law tests)."""
        result: dict[str, list[str]] = {}
        for rule in self.book.rules():
            labels = [f"tests/casebook/{e.file}: {e.name}" for e in self.fired_in.get(rule.id, [])]
            labels += [t.node_id if t else m.path for m, t in self.named_in.get(rule.id, [])]
            result[rule.id] = labels
        return result


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder holding ``pyproject.toml`` and ``rulesets/``.

    Searched from ``start`` (default: the current directory) upwards, then from this module's own location.
    """
    starts = [(start or Path.cwd()).resolve(), Path(__file__).resolve().parent]
    for origin in starts:
        for folder in (origin, *origin.parents):
            if (folder / "pyproject.toml").is_file() and (folder / "rulesets").is_dir():
                return folder
    raise FileNotFoundError("no repository root (a folder with pyproject.toml and rulesets/) was found")


def _yaml(path: Path) -> Any:
    return yaml.load(path.read_bytes(), Loader=_SAFE_LOADER)  # a safe loader (C or pure Python)


def _natural(path: Path) -> list[int | str]:
    """Sort key: numbers in numeric order (schedule3 before schedule15)."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.as_posix())]


def read_sources(root: Path) -> Sources:
    """Load the rulesets (validated by the loader), run the casebook and parse ``tests/law``."""
    ruleset_dir = root / "rulesets"
    book = load_rulebook(ruleset_dir)
    rulesets: list[Ruleset] = []
    catalogues: list[Catalogue] = []
    for path in sorted((p for p in ruleset_dir.rglob("*.yaml") if p.is_file()), key=_natural):
        relative = path.relative_to(ruleset_dir)
        data = _yaml(path)
        shown = path.relative_to(root).as_posix()
        if "schedule" in data:
            catalogues.append(Catalogue(shown, path.stem, data))
        else:
            rulesets.append(Ruleset(shown, relative.with_suffix("").as_posix(), RulesetSpec.model_validate(data)))
    examples, unreadable = _run_casebook(root / "tests" / "casebook", book)
    return Sources(
        root=root,
        book=book,
        rulesets=tuple(rulesets),
        catalogues=tuple(catalogues),
        examples=tuple(examples),
        unreadable_examples=tuple(unreadable),
        law=tuple(_parse_law(root, root / "tests" / "law")),
    )


def _run_casebook(folder: Path, book: RuleBook) -> tuple[list[Example], list[tuple[str, str]]]:
    """Run every example; a file that is not valid YAML is listed with its error instead."""
    from ..questions import QUESTIONS

    examples: list[Example] = []
    unreadable: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        try:
            data_list = _yaml(path) or []
        except yaml.YAMLError as exc:
            unreadable.append((name, " ".join(str(exc).split())))
            continue
        part, weight = 1, 0
        for number, data in enumerate(data_list, start=1):
            decision, error = None, None
            try:
                as_of = data["as_of"]
                as_of = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of))
                case = Case.model_validate(data.get("case") or {})
                decision = QUESTIONS[data["question"]](case, as_of, book)
            except Exception as exc:  # a broken example is shown as such, not allowed to stop the generator
                error = f"{exc.__class__.__name__}: {exc}"
            size = len(yaml.safe_dump(data.get("case") or {})) + len(decision.model_dump_json() if decision else "")
            if weight and weight + size > PAGE_WEIGHT:
                part, weight = part + 1, 0
            weight += size
            examples.append(Example(name, number, data, decision, error, part))
    return examples, unreadable


def _parse_law(root: Path, folder: Path) -> list[LawModule]:
    modules: list[LawModule] = []
    for path in sorted(folder.rglob("test_*.py")):
        shown = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        try:
            tree = ast.parse(source, filename=shown)
        except SyntaxError as exc:
            modules.append(LawModule(shown, None, (), source, f"SyntaxError: {exc.msg} (line {exc.lineno})"))
            continue
        tests: list[LawTest] = []
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
                tests.append(_law_test(shown, node.name, node, source))
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name.startswith(
                        "test"
                    ):
                        tests.append(_law_test(shown, f"{node.name}.{item.name}", item, source))
        modules.append(LawModule(shown, ast.get_docstring(tree), tuple(tests), source, None))
    return modules


def _law_test(module: str, name: str, node: ast.FunctionDef | ast.AsyncFunctionDef, source: str) -> LawTest:
    kinds: list[str] = []
    for decorator in node.decorator_list:
        text = ast.unparse(decorator.func if isinstance(decorator, ast.Call) else decorator)
        if text.split(".")[-1] == "given":
            kinds.append("property-based (Hypothesis)")
        elif text.endswith("parametrize"):
            kinds.append("parametrised")
    return LawTest(
        module,
        name,
        ast.get_docstring(node),
        tuple(dict.fromkeys(kinds)),
        ast.get_source_segment(source, node) or "",
    )
