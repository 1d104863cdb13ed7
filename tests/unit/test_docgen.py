"""The documentation generator, on a small repository of its own: the real rulesets, a made-up casebook and
a made-up tests/law module (which would fail if imported: the generator must only parse it)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mappa_rules import docgen
from mappa_rules.cli import build_parser
from mappa_rules.questions import QUESTIONS

ROOT = Path(__file__).resolve().parents[2]

LAW_MODULE = '''"""The widget rule: Imaginary Act 2099 s.1.

Widgets come in {colours} and <sizes>.
"""

raise RuntimeError("a tests/law module must be parsed, never imported")

from hypothesis import given, strategies as st


@given(st.integers())
def test_widgets_are_blue(n):
    """Every widget is blue.

    Citation: Imaginary Act 2099 s.1(2). Status: verified.

    Checked over ``n`` widgets.
    """
    assert "notification.period.life"


class TestWidgetGroup:
    def test_in_a_class(self):
        """A method states its proposition too.

        Citation: Imaginary Act 2099 s.2
        Status: secondary
        """


def test_without_docstring():
    pass


def helper():
    """Not a test."""
'''

CASEBOOK = """# Made-up examples: one that runs, one that is undetermined, one that is broken.
- name: 1. An adult sentenced to 12 months on 20 April 2015 notifies for 10 years
  question: notification-period
  as_of: 2026-11-21
  case:
    person: {date_of_birth: 1990-01-15}
    disposals:
      - {id: a, trigger: conviction, relevant_date: 2015-04-20,
         offence: {schedule3: true, schedule3_sentencing_condition: false},
         sentence: {kind: imprisonment, term: {months: 12}}}
- name: 2. Category 3 turns on judgements nobody has supplied
  question: category
  as_of: 2026-11-21
  case:
    disposals:
      - {id: b, trigger: conviction, relevant_date: 2025-02-10, court: england_wales,
         offence: {schedule3: false, schedule15: part_1}, sentence: {kind: fine}}
- name: 3. A question nobody asks
  question: no-such-question
  as_of: 2026-11-21
  case: {}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copytree(ROOT / "rulesets", tmp_path / "rulesets")
    law = tmp_path / "tests" / "law" / "notification"
    law.mkdir(parents=True)
    (law / "test_widgets.py").write_text(LAW_MODULE, encoding="utf-8")
    casebook = tmp_path / "tests" / "casebook" / "notification"
    casebook.mkdir(parents=True)
    (casebook / "widgets.yaml").write_text(CASEBOOK, encoding="utf-8")
    return tmp_path


@pytest.fixture
def pages(repo: Path) -> dict[str, str]:
    return docgen.generate(repo)


def test_one_page_per_ruleset_schedule_law_module_and_casebook_file_at_its_path(
    repo: Path, pages: dict[str, str]
) -> None:
    rulesets = [p.relative_to(repo / "rulesets") for p in (repo / "rulesets").rglob("*.yaml")]
    topics = {p.with_suffix("").as_posix() for p in rulesets if p.parts[0] != "offences"}
    expected = {f"docs/rules/{topic}.md" for topic in topics} | {
        "docs/rules/index.md", "docs/offences/index.md", "docs/offences/schedule3.md", "docs/offences/schedule15.md",
        "docs/properties/index.md", "docs/properties/notification/widgets.md",
        "docs/casebook/index.md", "docs/casebook/notification/widgets.md", "docs/cli.md", "docs/open-questions.md",
        "docs/reference/case-format.md",
    }
    assert set(pages) == expected
    assert list(pages) == sorted(pages)


def test_every_rule_and_parameter_is_catalogued_with_its_law(repo: Path, pages: dict[str, str]) -> None:
    sources = docgen.read_sources(repo)
    catalogue = "".join(text for path, text in pages.items() if path.startswith("docs/rules/"))
    for _, _, rule in sources.rules():
        assert f"{{#{rule.id}}}" in catalogue
        assert rule.in_force.start.isoformat() in catalogue
        assert f"`{rule.when}`" in catalogue or f"`` {rule.when} ``" in catalogue
    for ruleset in sources.rulesets:
        for parameter in ruleset.spec.parameters:
            assert f"{{#{parameter.id}}}" in catalogue


def test_law_module_is_parsed_into_propositions(pages: dict[str, str]) -> None:
    page = pages["docs/properties/notification/widgets.md"]
    assert "# The widget rule: Imaginary Act 2099 s.1" in page
    assert "Widgets come in \\{colours\\} and &lt;sizes&gt;." in page
    assert "## Every widget is blue. {#test_widgets_are_blue}" in page
    assert "`tests/law/notification/test_widgets.py::test_widgets_are_blue` - property-based (Hypothesis)" in page
    assert "* **Citation:** Imaginary Act 2099 s.1(2)\n* **Status:** verified" in page
    assert "Checked over `n` widgets." in page
    assert "{#TestWidgetGroup.test_in_a_class}" in page
    assert "* **Citation:** Imaginary Act 2099 s.2\n* **Status:** secondary" in page
    assert "{#test_without_docstring}" in page and "has no docstring" in page
    assert "helper" not in page
    assert "[`notification.period.life`](../../rules/notification/period.md#notification.period.life)" in page
    assert "(notification/widgets.md#test_widgets_are_blue)" in pages["docs/properties/index.md"]


def test_a_rule_is_exercised_by_the_examples_it_fires_in_and_the_tests_that_name_it(repo: Path) -> None:
    exercised = docgen.read_sources(repo).exercised()
    assert exercised["notification.period.life"] == ["tests/law/notification/test_widgets.py::test_widgets_are_blue"]
    assert exercised["notification.period.subject.relevant_offender"] == [
        "tests/casebook/notification/widgets.yaml: 1. An adult sentenced to 12 months on 20 April 2015 notifies for "
        "10 years"
    ]
    assert exercised["notification.period.ipp"] == []


def test_worked_examples_are_run_and_told_in_plain_words(pages: dict[str, str]) -> None:
    page = pages["docs/casebook/notification/widgets.md"]
    assert "## 1. An adult sentenced to 12 months on 20 April 2015 notifies for 10 years {#example-1}" in page
    assert "* Person: born 1990-01-15." in page
    assert "* Disposal `a`: conviction on 2015-04-20; offence: Schedule 3 yes, listed only by its sentence (s.132) " \
        "no; sentence: imprisonment, term 12 months." in page
    assert "**Answer: yes**" in page and "period last day 2025-04-19" in page
    rule = "notification.period.subject.relevant_offender"
    assert f"[`{rule}`](../../rules/notification/period.md#{rule})" in page
    assert "**Answer: undetermined**" in page
    assert "* `risk.may_cause_serious_harm` (for " in page
    assert '!!! failure "This example could not be run"\n\n    KeyError' in page
    assert "[1](../../casebook/notification/widgets.md#example-1)" in pages["docs/rules/notification/period.md"]
    assert "[`notification/widgets`](notification/widgets.md)" in pages["docs/casebook/index.md"]


def test_a_worked_example_shows_its_case_as_yaml_with_the_command(pages: dict[str, str]) -> None:
    page = pages["docs/casebook/notification/widgets.md"]
    assert "```yaml\n# mappa-rules explain notification-period case.yaml --as-of 2026-11-21\n" \
           "person: {date_of_birth: 1990-01-15}\ndisposals:\n" in page


def test_a_long_casebook_file_goes_on_over_further_pages(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the page's weight an example starts a new page, ``<topic>-part-<n>.md``; each page links to the others
    and the rule catalogue links each example on its own page."""
    monkeypatch.setattr("mappa_rules.docgen.sources.PAGE_WEIGHT", 1)
    pages = docgen.generate(repo)
    first = pages["docs/casebook/notification/widgets.md"]
    second = pages["docs/casebook/notification/widgets-part-2.md"]
    assert "{#example-1}" in first and "{#example-2}" not in first and "{#example-2}" in second
    assert "[example 2](widgets-part-2.md)" in first and "[example 1](widgets.md)" in second
    assert "docs/casebook/notification/widgets-part-3.md" in pages
    assert "[1](../../casebook/notification/widgets.md#example-1)" in pages["docs/rules/notification/period.md"]


def test_the_cli_page_follows_the_parser(pages: dict[str, str]) -> None:
    page = pages["docs/cli.md"]
    subcommands = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert subcommands
    for name in subcommands:
        assert f"## `mappa-rules {name}` {{#{name}}}" in page
    for question in QUESTIONS:
        assert f"| `{question}` |" in page


def test_open_questions_list_every_unverified_point_and_convention(repo: Path, pages: dict[str, str]) -> None:
    sources = docgen.read_sources(repo)
    page = pages["docs/open-questions.md"]
    for ruleset in sources.rulesets:
        for parameter in ruleset.spec.parameters:
            listed = f"#{parameter.id})" in page
            assert listed == (parameter.convention or parameter.status.value == "unverified"), parameter.id
    for _, _, rule in sources.rules():
        assert (f"#{rule.id})" in page) == (rule.status.value == "unverified"), rule.id


def test_check_finds_missing_changed_and_orphan_pages_and_writing_fixes_them(repo: Path) -> None:
    assert docgen.stale_pages(repo) == sorted(docgen.generate(repo))
    docgen.write_pages(repo)
    assert docgen.stale_pages(repo) == []
    (repo / "docs" / "cli.md").write_text("edited by hand\n", encoding="utf-8")
    (repo / "docs" / "rules" / "retired.md").write_text("# an area that no longer exists\n", encoding="utf-8")
    assert docgen.stale_pages(repo) == ["docs/cli.md", "docs/rules/retired.md"]
    assert docgen.write_pages(repo) == ["docs/cli.md", "docs/rules/retired.md"]
    assert not (repo / "docs" / "rules" / "retired.md").exists()
    assert docgen.stale_pages(repo) == []


def test_a_change_to_the_sources_makes_the_pages_stale(repo: Path) -> None:
    docgen.write_pages(repo)
    time = repo / "rulesets" / "time" / "conventions.yaml"
    notes = time.read_text(encoding="utf-8")
    assert "a supporting source" in notes  # notes of time.conventions.beginning_with_convention (rules page only)
    time.write_text(notes.replace("a supporting source", "a source in support"), "utf-8")
    law = repo / "tests" / "law" / "notification" / "test_widgets.py"
    law.write_text(law.read_text(encoding="utf-8").replace("Every widget is blue.", "Every widget is red."), "utf-8")
    assert docgen.stale_pages(repo) == [
        "docs/properties/index.md", "docs/properties/notification/widgets.md", "docs/rules/time/conventions.md"
    ]


def test_main_reports_and_exits(repo: Path) -> None:
    said: list[str] = []
    assert docgen.main(["--check", "--root", str(repo)], out=said.append) == 1
    assert "stale: docs/cli.md" in said
    assert docgen.main(["--root", str(repo)], out=said.append) == 0
    assert "wrote: docs/cli.md" in said
    said.clear()
    assert docgen.main(["--check", "--root", str(repo)], out=said.append) == 0
    assert said == ["Generated documentation is up to date."]
    (repo / "rulesets" / "broken.yaml").write_text("ruleset: broken\n", encoding="utf-8")
    assert docgen.main(["--check", "--root", str(repo)], out=said.append) == 2
    assert said[-1].startswith("cannot generate the documentation: broken.yaml")


def test_output_does_not_depend_on_the_hash_seed(repo: Path, pages: dict[str, str]) -> None:
    script = "import sys, pathlib; from mappa_rules import docgen; " \
             "sys.stdout.write(docgen.generate(pathlib.Path(sys.argv[1]))['docs/casebook/notification/widgets.md'])"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script, str(repo)], capture_output=True, text=True, env=env,
                                cwd=ROOT, check=True)
        assert result.stdout == pages["docs/casebook/notification/widgets.md"]


def test_the_root_is_found_from_inside_the_repository(repo: Path) -> None:
    assert docgen.find_root(repo / "tests" / "law" / "notification") == repo.resolve()


def test_the_nav_hook_lists_each_generated_folder_index_first_then_its_areas(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("nav_hook", ROOT / "docs" / "hooks" / "nav.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    (tmp_path / "rules" / "orders").mkdir(parents=True)
    for name in ("time.md", "index.md", "schedule15.md", "schedule3.md", "orders/sro.md", "orders/shpo.md"):
        (tmp_path / "rules" / name).write_text("# x\n", encoding="utf-8")
    config = {"docs_dir": str(tmp_path), "nav": [{"Home": "index.md"}, {"Rules": "rules/"}]}
    assert hook.on_config(config)["nav"] == [
        {"Home": "index.md"},
        {"Rules": ["rules/index.md", "rules/schedule3.md", "rules/schedule15.md", "rules/time.md",
                   {"Orders": ["rules/orders/shpo.md", "rules/orders/sro.md"]}]},
    ]
