"""Documentation people can learn from: every worked example shows its case as YAML that runs as it is through
``mappa-rules explain`` and gives the answer the page shows; no page is too long to load; and nothing points at
a file that is not in the repository or the site."""

from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path

import pytest

from mappa_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CASEBOOK = sorted((DOCS / "casebook").rglob("*.md"))
MAX_PAGE = 150_000
"""The longest a Markdown page may be, in bytes (the site's page adds its navigation and markup)."""

_EXAMPLE = re.compile(r"^## .* \{#(example-\d+)\}$", re.MULTILINE)
_YAML = re.compile(r"^```yaml\n# mappa-rules explain (\S+) case\.yaml --as-of (\S+)\n(.*?)^```$",
                   re.DOTALL | re.MULTILINE)
_ANSWER = re.compile(r"^\*\*Answer: (yes|no|undetermined)\*\*", re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`\n]+)`")
_OUTSIDE = re.compile(r"^(?:/(?:work|tmp|home|root|Users)/|~/)")


def _examples(page: Path) -> list[tuple[str, str, str, str, str]]:
    """(anchor, question, as_of, case YAML, answer) for each worked example on a casebook page."""
    text = page.read_text(encoding="utf-8")
    starts = [(m.start(), m.group(1)) for m in _EXAMPLE.finditer(text)] + [(len(text), "")]
    found = []
    for (start, anchor), (end, _) in itertools.pairwise(starts):
        section = text[start:end]
        block, answer = _YAML.search(section), _ANSWER.search(section)
        assert block, f"{page.relative_to(ROOT)}#{anchor}: no YAML block with the command on its first line"
        if answer:  # an example that could not be run shows a failure instead of an answer
            found.append((anchor, block.group(1), block.group(2), block.group(3), answer.group(1)))
    return found


WORKED = [(page, *example) for page in CASEBOOK if page.name != "index.md" for example in _examples(page)]


def test_every_casebook_page_shows_its_examples() -> None:
    assert len(WORKED) > 200
    assert all(page.stat().st_size for page in CASEBOOK)


@pytest.mark.parametrize(
    "page,anchor,question,as_of,case,answer", WORKED,
    ids=[f"{p.relative_to(DOCS / 'casebook').with_suffix('').as_posix()}#{a}" for p, a, *_ in WORKED],
)
def test_a_worked_example_runs_as_shown(
    tmp_path: Path, page: Path, anchor: str, question: str, as_of: str, case: str, answer: str
) -> None:
    """The YAML as shown, saved to a file and run with the command on its first line, gives the answer shown."""
    path = tmp_path / "case.yaml"
    path.write_text(f"# mappa-rules explain {question} case.yaml --as-of {as_of}\n{case}", encoding="utf-8")
    out = io.StringIO()
    code = main(["explain", question, str(path), "--as-of", as_of, "--format", "json"], out=out)
    assert code in (0, 3), out.getvalue()
    assert json.loads(out.getvalue())["outcome"] == answer


def test_no_page_is_too_long() -> None:
    long = [f"{p.relative_to(ROOT)} ({p.stat().st_size:,} bytes)" for p in DOCS.rglob("*.md")
            if p.stat().st_size > MAX_PAGE]
    assert not long, f"split these pages (at most {MAX_PAGE:,} bytes): {long}"


def _written() -> list[Path]:
    return [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.rglob("*.md"))]


def test_links_from_the_readme_and_changelog_lead_to_files_of_the_repository() -> None:
    """The site build checks the links between pages of docs/; the README and changelog are read on their own."""
    broken = []
    for path in (ROOT / "README.md", ROOT / "CHANGELOG.md"):
        for target in _LINK.findall(path.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            if not (path.parent / target.split("#")[0]).exists():
                broken.append(f"{path.name}: {target}")
    assert not broken, broken


def test_the_readme_names_only_files_that_exist() -> None:
    """A path from the top of the repository that the README names in code (`examples/caseload/README.md`,
    `mappa_rules/facts/`) is a file or folder of the repository."""
    missing = [span for span in _CODE.findall((ROOT / "README.md").read_text(encoding="utf-8"))
               if re.fullmatch(r"[\w.-]+/([\w.-]+/)*([\w-]+\.\w+|[\w.-]+/)", span) and not (ROOT / span).exists()]
    assert not missing, f"the README names files that are not in the repository: {missing}"


def test_nothing_points_outside_the_repository() -> None:
    """No link or path in the documentation leads out of the repository: to notes, a home folder, or a sibling
    folder of the checkout (``../shared/...``)."""
    found = []
    for path in _written():
        text = path.read_text(encoding="utf-8")
        for target in _LINK.findall(text) + _CODE.findall(text):
            if re.match(r"^[a-z]+://", target):
                continue
            outside = _OUTSIDE.match(target)
            if target.startswith("../"):
                resolved = (path.parent / target.split("#")[0]).resolve()
                outside = outside or not resolved.is_relative_to(ROOT)
            if outside:
                found.append(f"{path.relative_to(ROOT)}: {target}")
    assert not found, found
