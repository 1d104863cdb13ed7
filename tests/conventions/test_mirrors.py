"""One sub-path per topic, in every tree: ``rulesets/<area>/<topic>.yaml``, its property tests at
``tests/law/<area>/test_<topic>.py`` and its rule page at ``docs/rules/<area>/<topic>.md``; a question
``<area>.<topic>`` at ``mappa_rules/questions/<area>/<topic>.py`` with its worked examples at
``tests/casebook/<area>/<topic>.yaml`` and their page at ``docs/casebook/<area>/<topic>.md``."""

from __future__ import annotations

from pathlib import Path

from mappa_rules.questions.registry import REGISTRY
from tests.conventions.sources import ROOT, ruleset_files

NOT_YET_MIRRORED = {
    "docs/casebook/mappa/category.md", "docs/casebook/mappa/level.md", "docs/casebook/notification/change.md",
    "docs/casebook/notification/initial.md", "docs/casebook/notification/period.md",
    "docs/casebook/notification/periodic.md", "docs/casebook/notification/review.md",
    "docs/casebook/notification/timeline.md", "docs/casebook/notification/travel.md",
    "docs/casebook/orders/check.md", "docs/rules/mappa/category.md", "docs/rules/mappa/level.md",
    "docs/rules/notification/change.md", "docs/rules/notification/initial.md", "docs/rules/notification/period.md",
    "docs/rules/notification/periodic.md", "docs/rules/notification/review.md", "docs/rules/notification/travel.md",
    "docs/rules/orders/predecessor.md", "docs/rules/orders/shpo.md", "docs/rules/orders/sro.md",
}
"""Known violations, to be removed (issue 10)."""

def expected_mirrors() -> set[str]:
    """Every file the mirror convention asks for, as a path from the repository root."""
    expected: set[str] = set()
    for file in ruleset_files():
        parts = file.relative.with_suffix("").parts
        if len(parts) != 2:
            expected.add(f"rulesets/{parts[0]}/<topic>.yaml")
            continue
        if file.data.get("groups"):
            area, topic = parts
            expected |= {f"tests/law/{area}/test_{topic}.py", f"docs/rules/{area}/{topic}.md"}
    for question in REGISTRY:
        area, topic = question.id.split(".")
        expected |= {f"mappa_rules/questions/{area}/{topic}.py", f"tests/casebook/{area}/{topic}.yaml",
                     f"docs/casebook/{area}/{topic}.md"}
    return expected


def test_every_topic_is_mirrored_in_rulesets_questions_tests_and_docs() -> None:
    missing = sorted(p for p in expected_mirrors() if not (ROOT / p).is_file() and p not in NOT_YET_MIRRORED)
    assert not missing, "missing mirrors:\n" + "\n".join(missing)
    done = sorted(p for p in NOT_YET_MIRRORED if (ROOT / p).is_file() or p not in expected_mirrors())
    assert not done, f"remove from NOT_YET_MIRRORED: {done}"


def test_tests_and_worked_examples_sit_in_an_area_folder() -> None:
    areas = {f.relative.parts[0] for f in ruleset_files()} | {"offences", "time"}
    stray = [p.relative_to(ROOT).as_posix()
             for folder, pattern in ((ROOT / "tests" / "law", "test_*.py"), (ROOT / "tests" / "casebook", "*.yaml"))
             for p in folder.rglob(pattern) if Path(p).relative_to(folder).parts[0] not in areas]
    assert not stray, f"not in an area folder: {stray}"
