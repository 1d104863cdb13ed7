"""The README tells the truth: its Python session runs as shown (a doctest), and every command of its tour prints
what the README shows (a line ``...`` standing for output left out)."""

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


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, re.DOTALL | re.MULTILINE)


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


def test_the_python_session_runs_as_shown() -> None:
    (session,) = _blocks("pycon")
    test = doctest.DocTestParser().get_doctest(session, {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 10
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
