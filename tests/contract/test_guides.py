"""The README and the getting-started guide tell the truth: their Python sessions run as shown (doctests), every
command of the README's tour prints what it shows (a line ``...`` standing for output left out), and the case the
guide shows is the bundled example it names."""

from __future__ import annotations

import doctest
import io
import re
import shlex
from pathlib import Path

import pytest

from mappa_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")


def _blocks(language: str, text: str = README) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)


def _tour() -> list[tuple[str, list[str]]]:
    """(command, the lines shown after it) for each ``$ mappa-rules ...`` line of the console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in _blocks("console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


def _pattern(shown: list[str]) -> re.Pattern[str]:
    parts = ["(?:.*\\n)*?" if line == "..." else re.escape(line) + "\\n" for line in shown]
    return re.compile("".join(parts))


@pytest.mark.parametrize("name,text", [("README.md", README), ("docs/getting-started.md", GUIDE)])
def test_the_python_session_runs_as_shown(name: str, text: str) -> None:
    (session,) = _blocks("pycon", text)
    test = doctest.DocTestParser().get_doctest(session, {}, name, name, 0)
    assert len(test.examples) >= 6
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    out = io.StringIO()
    result = runner.run(test, out=out.write)
    assert result.failed == 0, out.getvalue()


@pytest.mark.parametrize("command,shown", _tour(), ids=[c for c, _ in _tour()])
def test_a_tour_command_prints_what_the_readme_shows(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    words = shlex.split(command)
    assert words[0] == "mappa-rules"
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    main(words[1:], out=out)
    assert _pattern(shown).fullmatch(out.getvalue()), f"$ {command}\n{out.getvalue()}"


def test_the_tour_shows_several_commands() -> None:
    assert len(_tour()) >= 3


def test_the_guide_shows_the_bundled_example_as_it_is() -> None:
    (shown,) = _blocks("yaml", GUIDE)
    example = (ROOT / "examples" / "adult-12-months.yaml").read_text(encoding="utf-8")
    assert shown in example
