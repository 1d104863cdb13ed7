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
