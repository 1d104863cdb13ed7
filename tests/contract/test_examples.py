"""The bundled examples (``examples/*.yaml``) teach by running: each opens with a comment saying what it shows and
the commands to ask about it, each command ending with the outcome it gives (``# yes``, ``# no``, or
``# undetermined: missing <fact>, ...`` naming the facts that would decide it). Every command is run through the
command line and must give that outcome; every question has an example."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from mappa_rules.cli import main
from mappa_rules.questions.registry import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
COMMAND = re.compile(
    r"^#\s+mappa-rules explain (?P<question>\S+) examples/(?P<file>\S+\.yaml) --as-of (?P<as_of>\d{4}-\d\d-\d\d)"
    r"\s+# (?P<outcome>yes|no|undetermined)(?:: (?P<reason>.+))?$"
)
EXIT_CODES = {"yes": 0, "no": 0, "undetermined": 3}


@dataclass(frozen=True)
class Command:
    file: str
    question: str
    as_of: str
    outcome: str
    reason: str | None

    @property
    def label(self) -> str:
        return f"{self.file}:{self.question}"


def header(path: Path) -> list[str]:
    """The comment lines the file opens with."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[: next((i for i, x in enumerate(lines) if not x.startswith("#")), len(lines))]]


def commands(path: Path) -> list[Command]:
    found = []
    for line in header(path):
        if "mappa-rules explain" in line:
            match = COMMAND.match(line)
            assert match, f"{path.name}: a command should read '#   mappa-rules explain QUESTION examples/" \
                          f"{path.name} --as-of YYYY-MM-DD  # yes|no|undetermined: ...', not {line!r}"
            found.append(Command(match["file"], match["question"], match["as_of"], match["outcome"], match["reason"]))
    return found


ALL = [command for path in EXAMPLES for command in commands(path)]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_example_opens_with_what_it_shows_and_what_to_ask(path: Path) -> None:
    lines = header(path)
    words = " ".join(line for line in lines if "mappa-rules explain" not in line)
    assert len(words.split()) >= 8, f"{path.name}: open with a comment saying what the example shows"
    assert commands(path), f"{path.name}: name at least one question to ask (a 'mappa-rules explain' line)"
    assert all(c.file == path.name for c in commands(path)), f"{path.name}: its commands should name the file itself"


def test_every_question_has_an_example() -> None:
    asked = {c.question for c in ALL}
    assert {q.cli for q in REGISTRY} <= asked, f"no example asks: {sorted({q.cli for q in REGISTRY} - asked)}"
    assert asked <= {q.cli for q in REGISTRY}, f"unknown questions: {sorted(asked - {q.cli for q in REGISTRY})}"


@pytest.mark.parametrize("command", ALL, ids=[c.label for c in ALL])
def test_an_example_command_gives_the_outcome_it_states(command: Command) -> None:
    out = io.StringIO()
    code = main(["explain", command.question, str(ROOT / "examples" / command.file), "--as-of", command.as_of,
                 "--format", "json"], out=out)
    decision = json.loads(out.getvalue())
    assert decision["outcome"] == command.outcome, (decision["outcome"], decision["missing"])
    assert code == EXIT_CODES[command.outcome]
    if command.outcome == "undetermined":
        assert command.reason, "say why it is undetermined (e.g. 'missing person.date_of_birth')"
        if command.reason.startswith("missing "):
            named = {fact.strip() for fact in command.reason.removeprefix("missing ").split(",")}
            facts = {m["fact"] for m in decision["missing"]}
            assert named <= facts, f"{sorted(named - facts)} not among the missing facts {sorted(facts)}"


def test_the_examples_show_the_kinds_of_case_practitioners_meet() -> None:
    """A caution, a hospital order, a DTO, several disposals, civil orders, a stated status, a review, travel,
    and the MAPPA level: each appears in at least one example."""
    text = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES}
    wanted = {
        "a caution": "kind: caution", "a hospital order": "kind: hospital_order",
        "a DTO": "kind: detention_and_training_order", "civil orders": "orders:", "a stated status": "stated:",
        "review applications": "applications:", "trips": "trips:", "a relation between terms": "relation:",
    }
    absent = [name for name, marker in wanted.items() if not any(marker in t for t in text.values())]
    assert not absent, absent
    assert any(t.count("- id:") >= 3 and "disposals:" in t for t in text.values()), "no example has 3 disposals"
    questions = {c.question for c in ALL}
    assert {"category", "level"} <= questions


def test_the_category_examples_show_each_category() -> None:
    shown = set()
    for command in (c for c in ALL if c.question == "category"):
        out = io.StringIO()
        main(["explain", "category", str(ROOT / "examples" / command.file), "--as-of", command.as_of, "--format",
              "json"], out=out)
        shown.add(json.loads(out.getvalue())["value"]["category"])
    assert {1, 2, 3, 4} <= shown, shown
