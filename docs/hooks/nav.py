"""MkDocs hook: a nav entry naming a folder (``rules/``) lists every page in that folder, ``index.md`` first.

The rule catalogue, the offence catalogues and the legal-properties pages are generated (one page per
ruleset area, schedule or test module), so the pages in those folders change with the sources; this keeps
the navigation in step without editing mkdocs.yml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def _order(page: Path) -> tuple[bool, list[int | str]]:
    """Index first, then by name with numbers in numeric order (schedule3 before schedule15)."""
    return page.name != "index.md", [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", page.name)]


def _expand(entry: Any, docs: Path) -> Any:
    if isinstance(entry, dict):
        return {title: _expand(target, docs) for title, target in entry.items()}
    if isinstance(entry, list):
        return [_expand(item, docs) for item in entry]
    if isinstance(entry, str) and entry.endswith("/"):
        pages = sorted((docs / entry).glob("*.md"), key=_order)
        return [page.relative_to(docs).as_posix() for page in pages]
    return entry


def on_config(config: Any) -> Any:
    config["nav"] = _expand(config["nav"], Path(config["docs_dir"]))
    return config
