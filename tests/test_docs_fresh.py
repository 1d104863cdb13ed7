"""The documentation: generated pages up to date, every rule catalogued and exercised, a strict site build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mappa_rules import docgen

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sources() -> docgen.Sources:
    return docgen.read_sources(ROOT)


def test_generated_pages_are_up_to_date() -> None:
    stale = docgen.stale_pages(ROOT)
    assert not stale, "stale generated pages (run `python -m mappa_rules.docgen`): " + ", ".join(stale)


def test_every_rule_is_in_the_catalogue(sources: docgen.Sources) -> None:
    catalogue = "".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs" / "rules").rglob("*.md"))
    absent = [rule.id for rule in sources.book.rules() if f"{{#{rule.id}}}" not in catalogue]
    assert not absent, f"rules missing from docs/rules/: {absent}"


def test_every_rule_is_exercised_by_a_worked_example_or_a_legal_property(sources: docgen.Sources) -> None:
    idle = sorted(rule for rule, exercised_by in sources.exercised().items() if not exercised_by)
    assert not idle, (
        f"{len(idle)} rules fire in no casebook example and are named by no tests/law test: {', '.join(idle)}"
    )


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
               "--site-dir", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice, printed at import
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site" / "rules" / "index.html").is_file()
    heavy = [f"{p.relative_to(tmp_path / 'site')} ({p.stat().st_size:,} bytes)"
             for p in (tmp_path / "site").rglob("*.html") if p.stat().st_size > 400_000]
    assert not heavy, f"pages too long to load comfortably (over 400,000 bytes): {heavy}"
