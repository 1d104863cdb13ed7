"""One sub-path per topic, in every tree: ``rulesets/<area>/<topic>.yaml``, its property tests at
``tests/law/<area>/test_<topic>.py`` and its rule page at ``docs/rules/<area>/<topic>.md``; a question
``<area>.<topic>`` at ``mappa_rules/questions/<area>/<topic>.py`` with its worked examples at
``tests/casebook/<area>/<topic>.yaml``; a page of properties per law-test module and a page of worked examples per
casebook file, at the same path under ``docs/``. A missing file fails with its name."""

from __future__ import annotations

from mappa_rules.questions.registry import REGISTRY
from tests.conventions.sources import ROOT, ruleset_files

LAW = ROOT / "tests" / "law"
CASEBOOK = ROOT / "tests" / "casebook"


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
        expected |= {f"mappa_rules/questions/{area}/{topic}.py", f"tests/casebook/{area}/{topic}.yaml"}
    for module in LAW.rglob("test_*.py"):
        topic = module.relative_to(LAW).with_suffix("").as_posix().replace("test_", "", 1)
        expected.add(f"docs/properties/{topic.replace('/test_', '/')}.md")
    for examples in CASEBOOK.rglob("*.yaml"):
        expected.add(f"docs/casebook/{examples.relative_to(CASEBOOK).with_suffix('').as_posix()}.md")
    return expected


def test_every_topic_is_mirrored_in_rulesets_questions_tests_and_docs() -> None:
    missing = sorted(p for p in expected_mirrors() if not (ROOT / p).is_file())
    assert not missing, "missing mirrors:\n" + "\n".join(missing)


def test_tests_and_worked_examples_sit_in_an_area_folder() -> None:
    areas = {f.relative.parts[0] for f in ruleset_files()} | {"offences"}
    stray = [p.relative_to(ROOT).as_posix()
             for folder, pattern in ((LAW, "test_*.py"), (CASEBOOK, "*.yaml"))
             for p in folder.rglob(pattern) if p.relative_to(folder).parts[0] not in areas]
    assert not stray, f"not in an area folder: {stray}"
