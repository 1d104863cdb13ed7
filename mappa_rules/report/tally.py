"""The reduction of a caseload to counts: one counter per (year, measure, key), missing facts per undetermined
line, and - only when the cases behind the counts are wanted (``--explain``, JSON) - every entry's case id and
reason, kept on disk in a temporary SQLite file so that memory stays flat however large the caseload.

Results are added in input order, so the output does not depend on how many workers produced them.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .hits import Hit, Key

MAX_ERRORS_KEPT = 1000
"""Error records kept for the report itself; every error record is also passed to ``on_error`` as it comes."""
_INDEX = re.compile(r"\[\d+\]")

CountKey = tuple[int, str, Key]
"""(year index, measure, entry key)."""


@dataclass(frozen=True)
class CaseResult:
    """What the counting rules said about one line: an error, or the case id and its entries by year index."""

    line: int
    case_id: str | None
    error: str | None = None
    internal: bool = False
    hits: tuple[tuple[int, Hit], ...] = ()


class EntryStore:
    """Every counted or listed entry (year, measure, key, case id, reason), in input order, in a temporary file."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="mappa-report-")
        self._db = sqlite3.connect(Path(self._dir.name) / "entries.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY, year INTEGER, measure TEXT, key TEXT, "
                         "case_id TEXT, reason TEXT)")
        self._pending: list[tuple[int, str, str, str, str]] = []
        self._indexed = False

    def add(self, year: int, hit: Hit, case_id: str) -> None:
        self._pending.append((year, hit.measure, json.dumps(hit.key), case_id, hit.reason))
        if len(self._pending) >= 5000:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._db.executemany("INSERT INTO entries (year, measure, key, case_id, reason) VALUES (?, ?, ?, ?, ?)",
                                 self._pending)
            self._pending.clear()

    def entries(self, year: int, measure: str, keys: Iterable[Key]) -> Iterator[tuple[str, str]]:
        """The (case id, reason) of every entry with one of ``keys``, in input order."""
        self.flush()
        if not self._indexed:
            self._db.execute("CREATE INDEX by_key ON entries (year, measure, key)")
            self._indexed = True
        texts = sorted({json.dumps(k) for k in keys})
        if not texts:
            return iter(())
        marks = ",".join("?" * len(texts))
        cursor = self._db.execute(
            f"SELECT case_id, reason FROM entries WHERE year = ? AND measure = ? AND key IN ({marks}) ORDER BY seq",
            (year, measure, *texts))
        return iter(cursor)

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


def general_fact(path: str) -> str:
    """A missing fact's path without list positions, for counting: ``disposals[2].release_date`` ->
    ``disposals[].release_date``."""
    return _INDEX.sub("[]", path)


@dataclass
class Tally:
    """Counts and (optionally) entries for every year, measure and key."""

    store: EntryStore | None = None
    on_error: Callable[[int, str], None] | None = None
    counts: Counter[CountKey] = field(default_factory=Counter)
    missing: dict[CountKey, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)
    error_count: int = 0
    internal_count: int = 0
    cases: int = 0
    _ids: set[str] = field(default_factory=set)

    def add(self, result: CaseResult) -> None:
        error = result.error
        if error is None and result.case_id in self._ids:
            error = f"case.case_id: {result.case_id!r} is used by an earlier line (each person once)"
        if error is not None:
            self._error(result.line, error, result.internal)
            return
        assert result.case_id is not None
        self._ids.add(result.case_id)
        self.cases += 1
        for year, hit in result.hits:
            count_key = (year, hit.measure, hit.key)
            self.counts[count_key] += 1
            if hit.missing:
                facts = self.missing.setdefault(count_key, Counter())
                facts.update({general_fact(f) for f in hit.missing})
            if self.store is not None:
                self.store.add(year, hit, result.case_id)

    def _error(self, line: int, message: str, internal: bool) -> None:
        self.error_count += 1
        self.internal_count += internal
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append((line, message))
        if self.on_error is not None:
            self.on_error(line, message)


__all__ = ["MAX_ERRORS_KEPT", "CaseResult", "CountKey", "EntryStore", "Tally", "general_fact"]
