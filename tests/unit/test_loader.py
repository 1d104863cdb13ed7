"""A broken ruleset fails at load, naming the file, the rule and the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mappa_rules.engine import RulesetError, load_rulebook
from mappa_rules.engine.loader import _ruleset_root

RULE = """
ruleset: test.broken
title: A broken ruleset
groups:
  - id: test.group
    title: A group
    scope: disposal
    rules:
      - id: test.rule
        precedence: 10
        title: A rule
        citation: {instrument: An Act, provision: s.1}
        in_force: {from: 2004-05-01, to: null}
        status: verified
        when: WHEN
        then: {x: true}
        because: "Because it is so, plainly."
"""


def _load_with(tmp_path: Path, text: str) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(_ruleset_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (root / "zz_broken.yaml").write_text(text, encoding="utf-8")
    load_rulebook(root)


@pytest.mark.parametrize(("when", "reason"), [
    ("no_such_fact == 1", "no_such_fact"),
    ("__import__('os')", "only call allowed"),
    ("schedule3 and", "cannot parse"),
])
def test_bad_condition_names_file_rule_and_reason(tmp_path: Path, when: str, reason: str) -> None:
    with pytest.raises(RulesetError) as info:
        _load_with(tmp_path, RULE.replace("WHEN", when))
    assert info.value.file == "zz_broken.yaml"
    assert info.value.item == "test.rule"
    assert reason in info.value.reason


def test_missing_citation_fails(tmp_path: Path) -> None:
    text = RULE.replace("WHEN", "schedule3").replace("        citation: {instrument: An Act, provision: s.1}\n", "")
    with pytest.raises(RulesetError) as info:
        _load_with(tmp_path, text)
    assert info.value.item == "test.rule" and "citation" in info.value.reason


def test_in_force_end_before_start_fails(tmp_path: Path) -> None:
    text = RULE.replace("WHEN", "schedule3").replace("to: null", "to: 2000-01-01")
    with pytest.raises(RulesetError, match="before it begins"):
        _load_with(tmp_path, text)


def test_duplicate_rule_id_fails(tmp_path: Path) -> None:
    text = RULE.replace("WHEN", "schedule3").replace("id: test.rule", "id: notification.period.life")
    with pytest.raises(RulesetError, match="also used"):
        _load_with(tmp_path, text)


def test_unknown_placeholder_in_because_fails(tmp_path: Path) -> None:
    text = RULE.replace("WHEN", "schedule3").replace("Because it is so, plainly.", "Because {nothing}.")
    with pytest.raises(RulesetError, match="nothing"):
        _load_with(tmp_path, text)


def test_invalid_yaml_fails(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match="not valid YAML"):
        _load_with(tmp_path, "ruleset: [unclosed")


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match="not valid YAML"):
        _load_with(tmp_path, "!!python/object/apply:os.system ['true']")


def test_same_files_same_version() -> None:
    assert load_rulebook().version == load_rulebook().version
