"""Generating, checking and writing the pages: the one place that lists the page kinds."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..engine import RulesetError
from .case_format import CASE_FORMAT_PAGE, case_format
from .casebook import casebook_index, casebook_pages
from .cli_reference import cli_reference
from .offences import offence_page, offences_index
from .open_questions import open_questions
from .properties import properties_index, properties_page
from .rules import rules_index, ruleset_page
from .sources import find_root, read_sources

__all__ = ["GENERATED_DIRS", "GENERATED_FILES", "generate", "main", "stale_pages", "write_pages"]

GENERATED_DIRS = ("docs/rules", "docs/offences", "docs/properties", "docs/casebook")
"""Folders wholly owned by the generator."""
GENERATED_FILES = ("docs/cli.md", "docs/open-questions.md", CASE_FORMAT_PAGE)
"""Single generated pages beside the hand-written ones."""


def generate(root: Path) -> dict[str, str]:
    """Every generated page, path relative to ``root`` (``docs/...``) -> its text."""
    sources = read_sources(root)
    pages: dict[str, str] = {
        "docs/rules/index.md": rules_index(sources),
        "docs/offences/index.md": offences_index(sources),
        "docs/properties/index.md": properties_index(sources),
        "docs/casebook/index.md": casebook_index(sources),
        "docs/open-questions.md": open_questions(sources),
        "docs/cli.md": cli_reference(),
        CASE_FORMAT_PAGE: case_format(sources),
    }
    for ruleset in sources.rulesets:
        pages[f"docs/{ruleset.page}"] = ruleset_page(sources, ruleset)
    for catalogue in sources.catalogues:
        pages[f"docs/offences/{catalogue.name}.md"] = offence_page(catalogue)
    for module in sources.law:
        pages[f"docs/{module.page}"] = properties_page(sources, module)
    pages.update({f"docs/{page}": text for page, text in casebook_pages(sources).items()})
    return dict(sorted(pages.items()))


def _owned(root: Path) -> list[str]:
    """Generated pages on disk: the single files, and everything in the generator's folders."""
    found = [name for name in GENERATED_FILES if (root / name).is_file()]
    for folder in GENERATED_DIRS:
        if (root / folder).is_dir():
            found += [p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()]
    return sorted(found)


def stale_pages(root: Path, pages: Mapping[str, str] | None = None) -> list[str]:
    """Generated pages that are missing, differ from what the sources give, or should no longer exist."""
    pages = generate(root) if pages is None else pages
    stale = [
        path
        for path, text in pages.items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]
    stale += [path for path in _owned(root) if path not in pages]
    return sorted(stale)


def write_pages(root: Path) -> list[str]:
    """Bring the generated pages up to date; returns the pages written or removed."""
    pages = generate(root)
    changed = stale_pages(root, pages)
    for path in changed:
        target = root / path
        if path in pages:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pages[path], encoding="utf-8")
        else:
            target.unlink()
    return changed


def main(argv: Sequence[str] | None = None, out: Callable[[str], Any] = print) -> int:
    """Write the generated pages, or with ``--check`` list the stale ones (exit 1 if any; 2 if it cannot run)."""
    parser = argparse.ArgumentParser(prog="python -m mappa_rules.docgen",
                                     description="Write the generated documentation pages, or check them.")
    parser.add_argument("--check", action="store_true", help="list stale pages and exit 1 if there are any")
    parser.add_argument("--root", type=Path, help="the repository root (default: found from here)")
    args = parser.parse_args(argv)
    try:
        root = find_root(args.root)
        changed = stale_pages(root) if args.check else write_pages(root)
    except (FileNotFoundError, RulesetError) as exc:
        out(f"cannot generate the documentation: {exc}")
        return 2
    if not args.check:
        for path in changed:
            out(f"wrote: {path}" if (root / path).exists() else f"removed: {path}")
        return 0
    for path in changed:
        out(f"stale: {path}")
    if changed:
        out("Run `python -m mappa_rules.docgen` to regenerate.")
        return 1
    out("Generated documentation is up to date.")
    return 0
