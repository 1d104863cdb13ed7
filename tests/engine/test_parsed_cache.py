"""The cache of parsed rulesets (:mod:`mappa_rules.engine.parsed_cache`): a second load reads the parsed files back
instead of parsing the YAML, and gives the same rule book; a changed file is parsed afresh; an entry that cannot be
read, or a folder that cannot be written, is as if there were no cache."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from mappa_rules.engine import RuleBook, load_rulebook
from mappa_rules.engine import loader as loader_module
from mappa_rules.engine.parsed_cache import KEEP, read_entry, write_entry
from mappa_rules.rulebook import CACHE_VARIABLE, cache_dir
from tests.engine.toy import CATALOGUES, GOOD, VOCABULARIES


def _load(root: Path, cache: Path | None) -> RuleBook:
    return load_rulebook(root, VOCABULARIES, CATALOGUES, lazy_catalogues=True, cache_dir=cache)


def _shape(book: RuleBook) -> object:
    """What a book holds, comparably: its version, each rule's id, dates and outputs, each parameter's values."""
    rules = {g: [(r.id, r.title, r.start, r.end, dict(r.then), r.because) for r in book.group(g).rules]
             for g in book.groups}
    parameters = {p: (book.parameter(p).starts, book.parameter(p).values, book.parameter(p).title)
                  for p in book.parameters}
    return book.version, rules, parameters, sorted(book.catalogue("labels"))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(rel: str, raw: bytes) -> object:
        raise AssertionError(f"{rel} parsed again")

    monkeypatch.setattr(loader_module, "_parse", refuse)


def test_a_second_load_reads_the_parsed_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = _shape(_load(GOOD, cache))
    assert {p.name.split("-", 1)[0] for p in cache.glob("*.json")} == {"rulesets", "catalogue"}
    _no_parsing(monkeypatch)
    assert _shape(_load(GOOD, cache)) == first


def test_a_changed_ruleset_is_parsed_afresh(tmp_path: Path) -> None:
    root, cache = tmp_path / "rulesets", tmp_path / "cache"
    shutil.copytree(GOOD, root)
    before = _load(root, cache)
    text = (root / "postage.yaml").read_text(encoding="utf-8")
    (root / "postage.yaml").write_text(text.replace("title:", "title: Changed -", 1), encoding="utf-8")
    after = _load(root, cache)
    assert after.version != before.version
    assert _shape(after) == _shape(_load(root, None))
    assert len(list(cache.glob("rulesets-*.json"))) == 2


def test_an_unreadable_entry_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _shape(_load(GOOD, cache))
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert _shape(_load(GOOD, cache)) == expected
    for entry in cache.glob("*.json"):  # rewritten whole
        assert json.loads(entry.read_text(encoding="utf-8"))["files"]


def test_a_folder_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    assert _shape(_load(GOOD, blocked / "cache")) == _shape(_load(GOOD, None))
    assert blocked.read_text(encoding="utf-8") == ""


def test_only_plain_data_is_kept_and_dates_come_back_as_dates(tmp_path: Path) -> None:
    files = {"a.yaml": {"start": date(2004, 5, 1), "values": [1, 2.5, True, None, "x"]}}
    write_entry(tmp_path, "k", "rulesets", files)
    assert read_entry(tmp_path, "k", "rulesets") == files
    assert read_entry(tmp_path, "other", "rulesets") is None
    write_entry(tmp_path, "k2", "rulesets", {"a.yaml": {"$date": "2004-05-01"}})  # would read back as a date
    write_entry(tmp_path, "k3", "rulesets", {"a.yaml": {1: "a key that is not text"}})
    write_entry(tmp_path, "k4", "rulesets", {"a.yaml": {"x": float("nan")}})
    assert [read_entry(tmp_path, k, "rulesets") for k in ("k2", "k3", "k4")] == [None, None, None]


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    for i in range(KEEP + 3):
        write_entry(tmp_path, f"key{i}", "rulesets", {"a.yaml": {"i": i}})
    assert len(list(tmp_path.glob("rulesets-*.json"))) == KEEP


def test_the_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "")
    assert cache_dir() is None
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "mappa-rules"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert cache_dir() is None  # never a folder relative to wherever the process runs
