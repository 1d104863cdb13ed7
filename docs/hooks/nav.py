"""MkDocs hook: a nav entry naming a folder (``rules/``) lists every page in that folder, ``index.md`` first, then
each sub-folder (an area: ``rules/notification/``) as a section of its own pages.

The rule catalogue, the offence catalogues, the legal-properties pages and the worked examples are generated (one
page per ruleset, schedule, test module or casebook file, at its topic's path), so the pages in those folders
change with the sources; this keeps the navigation in step without editing mkdocs.yml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def _order(page: Path) -> tuple[bool, list[int | str]]:
    """Index first, then by name with numbers in numeric order (schedule3 before schedule15, a page before its
    continuations: period, period-part-2)."""
    return page.name != "index.md", [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", page.stem)]


def _folder(folder: Path, docs: Path) -> list[Any]:
    pages: list[Any] = [page.relative_to(docs).as_posix() for page in sorted(folder.glob("*.md"), key=_order)]
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        pages.append({sub.name.replace("_", " ").capitalize(): _folder(sub, docs)})
    return pages


def _expand(entry: Any, docs: Path) -> Any:
    if isinstance(entry, dict):
        return {title: _expand(target, docs) for title, target in entry.items()}
    if isinstance(entry, list):
        return [_expand(item, docs) for item in entry]
    if isinstance(entry, str) and entry.endswith("/"):
        return _folder(docs / entry, docs)
    return entry


def on_config(config: Any) -> Any:
    config["nav"] = _expand(config["nav"], Path(config["docs_dir"]))
    return config
