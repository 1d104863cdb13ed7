"""The loader on toy rulesets with no law in them: the good ones load; each bad one fails at load with the file,
the item and the reason its first lines state (``# error:`` and ``# item:``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from mappa_rules.engine import RulesetError
from tests.engine.toy import BAD, GOOD, load

BAD_FILES = sorted(p.relative_to(BAD).as_posix() for p in BAD.rglob("*.yaml"))


def _expected(path: Path) -> tuple[str, str | None]:
    head = dict(line[2:].split(": ", 1) for line in path.read_text(encoding="utf-8").splitlines()[:2])
    return head["error"], None if head["item"] == "-" else head["item"]


def test_the_good_rulesets_load() -> None:
    book = load()
    assert set(book.groups) == {"postage.band", "postage.price"}
    assert set(book.parameters) == {"postage.heavy_kg", "postage.fragile_surcharge", "postage.days_to_deliver",
                                    "postage.weighing"}
    assert book.parameter("postage.weighing").alternatives == ("down",)
    further = book.parameter("postage.days_to_deliver").citations
    assert [(c.instrument, c.applies) for c in further] == [("Toy Postal Act 2000", "parcels sent abroad")]
    assert book.rule_files["postage.price.fragile"] == "postage.yaml"
    assert [r.id for r in book.group("postage.price").rules] == [
        "postage.price.abroad_heavy", "postage.price.fragile", "postage.price.standard"]


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_ruleset_fails_naming_file_item_and_reason(tmp_path: Path, name: str) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(GOOD, root)
    (root / name).write_bytes((BAD / name).read_bytes())
    reason, item = _expected(BAD / name)
    with pytest.raises(RulesetError) as info:
        load(root)
    assert info.value.file == name
    assert info.value.item == item
    assert reason in info.value.reason


def test_parameters_are_read_as_at_a_date() -> None:
    heavy = load().parameter("postage.heavy_kg")
    assert heavy.value_at(date(2009, 12, 31)) == 20
    assert heavy.value_at(date(2010, 1, 1)) == 25
    ended = load().parameter("postage.fragile_surcharge")
    with pytest.raises(LookupError, match="no value in force on 2020-01-01"):
        ended.value_at(date(2020, 1, 1))
    with pytest.raises(KeyError, match=r"no parameter 'postage\.nothing'"):
        load().parameter("postage.nothing")


def test_a_catalogue_is_compiled_on_first_use_when_lazy(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(GOOD, root)
    (root / "labels" / "unknown_name.yaml").write_bytes((BAD / "labels" / "unknown_name.yaml").read_bytes())
    book = load(root, lazy=True)
    with pytest.raises(RulesetError, match="length_cm"):
        book.catalogue("labels")
    labels = load().catalogue("labels")
    assert isinstance(labels, dict) and set(labels) == {"heavy", "customs"}
    with pytest.raises(KeyError, match="no catalogue 'stamps'"):
        load().catalogue("stamps")


def test_the_version_is_a_hash_of_the_files(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(GOOD, root)
    assert load(root).version == load().version
    (root / "postage.yaml").write_text((GOOD / "postage.yaml").read_text(encoding="utf-8") + "\n", "utf-8")
    assert load(root).version != load().version
