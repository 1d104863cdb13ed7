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
    "docs/casebook/orders/check.md", "docs/rules/mappa/categories.md", "docs/rules/mappa/levels.md",
    "docs/rules/notification/changes.md", "docs/rules/notification/initial.md", "docs/rules/notification/period.md",
    "docs/rules/notification/periodic.md", "docs/rules/notification/review.md",
    "docs/rules/notification/travel.md", "docs/rules/orders/predecessors.md", "docs/rules/orders/shpo.md",
    "docs/rules/orders/sro.md", "rulesets/time/<topic>.yaml", "tests/casebook/mappa/category.yaml",
    "tests/casebook/mappa/level.yaml",
    "tests/casebook/notification/change.yaml", "tests/casebook/notification/initial.yaml",
    "tests/casebook/notification/period.yaml", "tests/casebook/notification/periodic.yaml",
    "tests/casebook/notification/review.yaml", "tests/casebook/notification/timeline.yaml",
    "tests/casebook/notification/travel.yaml", "tests/casebook/orders/check.yaml",
    "tests/law/mappa/test_categories.py", "tests/law/mappa/test_levels.py", "tests/law/notification/test_changes.py",
    "tests/law/notification/test_initial.py", "tests/law/notification/test_period.py",
    "tests/law/notification/test_periodic.py", "tests/law/notification/test_review.py",
    "tests/law/notification/test_travel.py", "tests/law/orders/test_predecessors.py", "tests/law/orders/test_shpo.py",
    "tests/law/orders/test_sro.py",
}
"""Known violations, to be removed (issue 10)."""

NOT_YET_IN_AN_AREA = {
    "tests/law/test_changes.py", "tests/law/test_initial_notification.py", "tests/law/test_legal_time.py",
    "tests/law/test_legal_time_duties.py", "tests/law/test_mappa_category.py", "tests/law/test_mappa_level.py",
    "tests/law/test_notification_period.py", "tests/law/test_offence_catalogue.py", "tests/law/test_periodic.py",
    "tests/law/test_predecessor_orders.py", "tests/law/test_review.py", "tests/law/test_shpo.py",
    "tests/law/test_sro.py", "tests/law/test_timeline.py", "tests/law/test_travel.py",
    "tests/casebook/category_orders.yaml", "tests/casebook/change_deadline.yaml",
    "tests/casebook/initial_deadline.yaml",
    "tests/casebook/level.yaml", "tests/casebook/mappa_category.yaml", "tests/casebook/notification_period.yaml",
    "tests/casebook/offences.yaml", "tests/casebook/order.yaml", "tests/casebook/periodic.yaml",
    "tests/casebook/review.yaml", "tests/casebook/timeline.yaml", "tests/casebook/travel_notice.yaml",
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
    assert set(stray) == NOT_YET_IN_AN_AREA, f"not in an area folder: {sorted(set(stray) - NOT_YET_IN_AN_AREA)}"
