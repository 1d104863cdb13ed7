"""Where the law meets the engine: the bundled rulesets load with the law's vocabularies and offence catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mappa_rules import RulesetError, default_rulebook, load_rulebook
from mappa_rules.offences import OffenceCatalogue, offence_catalogue
from mappa_rules.rulebook import ruleset_root
from mappa_rules.vocabulary import VOCABULARIES


def test_every_group_reads_a_vocabulary_of_the_law() -> None:
    book = default_rulebook()
    assert {group.scope for group in book.groups.values()} == set(VOCABULARIES)


def test_the_offence_catalogue_is_compiled_at_once_by_load_and_on_first_use_by_the_default_book() -> None:
    assert isinstance(offence_catalogue(default_rulebook()), OffenceCatalogue)
    assert load_rulebook().version == default_rulebook().version


def test_a_broken_catalogue_entry_names_the_entry(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(ruleset_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    schedule = root / "offences" / "schedule3.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("victim_age < 16", "victim_shoe_size < 16", 1),
                        encoding="utf-8")
    assert load_rulebook(root, lazy_catalogue=True).version != default_rulebook().version
    with pytest.raises(RulesetError, match="victim_shoe_size") as info:
        load_rulebook(root)
    assert info.value.file == "offences"


USER_RULE = """ruleset: user
title: A user's ruleset
groups:
  - id: user.check
    title: A user's check
    scope: disposal
    rules:
      - id: user.check.rule
        precedence: 10
        title: A rule
        citation: {instrument: Sexual Offences Act 2003, provision: s.80}
        in_force: {from: 2004-05-01, to: null}
        status: unverified
        when: WHEN
        then: THEN
        because: "Because the condition holds."
"""


@pytest.mark.parametrize(("when", "then", "reason"), [
    ("trigger > 5", "{flag: true}", "compares trigger (text) with 5 (number)"),
    ("relevant_date == 'yes'", "{flag: true}", "compares relevant_date (date) with 'yes' (text)"),
    ("victim_age in ['child', 'adult']", "{flag: true}", "compares victim_age (number)"),
    ("not " * 5000 + "murder", "{flag: true}", "at most 2000 characters"),
    ("not " * 40 + "murder", "{flag: true}", "nested at most 32 levels deep"),
    ("murder", "{flag: {a: 1}}", "then.flag"),
])
def test_a_users_ruleset_is_refused_at_load_naming_the_file_and_the_rule(
    tmp_path: Path, when: str, then: str, reason: str,
) -> None:
    """``load_rulebook`` refuses, at load and with a ruleset error, a condition that compares a fact with a value of
    another kind, one nested or written beyond the limits, and a rule output that is not a plain value."""
    root = tmp_path / "rulesets"
    root.mkdir()
    (root / "user.yaml").write_text(USER_RULE.replace("WHEN", when).replace("THEN", then), encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_rulebook(root)
    assert (info.value.file, info.value.item) == ("user.yaml", "user.check.rule")
    assert reason in info.value.reason


def test_an_alias_bomb_in_a_users_ruleset_is_refused_before_it_is_built(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    root.mkdir()
    bomb = "".join(f"  - &a{i} [" + ", ".join([f"*a{i - 1}" if i else "x"] * 10) + "]\n" for i in range(8))
    (root / "user.yaml").write_text("bombs:\n" + bomb + USER_RULE.replace("WHEN", "murder").replace("THEN", "{}"),
                                    encoding="utf-8")
    with pytest.raises(RulesetError, match="aliases expanded") as info:
        load_rulebook(root)
    assert info.value.file == "user.yaml"
