"""The CSV route: one row per person with the simple snapshot fields a case-management export gives, turned into
the same records as the JSON Lines caseload (one disposal, one custody spell, one hospital spell, one level
episode). A blank cell is unknown, never "no". Errors name the row's line and the column.

Columns (a header row is required; any order; unknown columns are refused): ``case_id``, ``date_of_birth``,
``trigger`` (conviction, caution, insanity_finding, disability_finding), ``conviction_date`` (the date of the
conviction, caution or finding), ``court``, ``offence_id``, ``schedule3``, ``schedule3_sentencing_condition`` (yes
if Schedule 3 lists the offence only because of the sentence, no if it lists it whatever the sentence: SOA 2003
s.132), ``schedule15``, ``murder``, ``sentence`` (imprisonment, detention_and_training_order, life, ipp,
hospital_order, guardianship_order, community_order, fine, conditional_discharge, absolute_discharge, caution),
``term_years``, ``term_months``, ``suspended``, ``restriction_order``, ``sentence_date``, ``release_date``,
``licence_end``, ``custody_from``, ``custody_to``, ``hospital_from``, ``hospital_to``, ``level``, ``level_from``,
``level_to``, ``may_cause_serious_harm``, ``needs_multi_agency_management``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .caseload import InputError

COLUMNS = {
    "case_id": "case.case_id", "date_of_birth": "case.person.date_of_birth",
    "trigger": "case.disposals[0].trigger", "conviction_date": "case.disposals[0].relevant_date",
    "court": "case.disposals[0].court", "offence_id": "case.disposals[0].offence.offence_id",
    "schedule3": "case.disposals[0].offence.schedule3",
    "schedule3_sentencing_condition": "case.disposals[0].offence.schedule3_sentencing_condition",
    "schedule15": "case.disposals[0].offence.schedule15",
    "murder": "case.disposals[0].offence.murder", "sentence": "case.disposals[0].sentence",
    "term_years": "case.disposals[0].sentence.term.years", "term_months": "case.disposals[0].sentence.term.months",
    "suspended": "case.disposals[0].sentence.suspended",
    "restriction_order": "case.disposals[0].sentence.restriction_order",
    "sentence_date": "case.disposals[0].sentence_date", "release_date": "case.disposals[0].release_date",
    "licence_end": "case.disposals[0].supervision_end",
    "custody_from": "case.intervals[0].start", "custody_to": "case.intervals[0].end",
    "hospital_from": "case.intervals[1].start", "hospital_to": "case.intervals[1].end",
    "level": "history.levels[0].level", "level_from": "history.levels[0].start", "level_to": "history.levels[0].end",
    "may_cause_serious_harm": "case.risk.may_cause_serious_harm",
    "needs_multi_agency_management": "case.risk.needs_multi_agency_management",
}
"""Each column and the field of the record it fills."""
BOOLEAN = {"true": True, "yes": True, "y": True, "1": True, "false": False, "no": False, "n": False, "0": False}
TERMED = frozenset({"imprisonment", "detention_and_training_order"})
DISPOSAL_COLUMNS = ("trigger", "conviction_date", "court", "offence_id", "schedule3", "schedule3_sentencing_condition",
                    "schedule15", "murder", "sentence", "sentence_date", "release_date", "licence_end")


class CsvRecord(dict[str, Any]):
    """A record built from a CSV row; errors about its fields are reported by column."""

    def rename(self, path: str) -> str:
        """The column that filled a field path (the path itself if no column did)."""
        best = max((p for p in COLUMNS.values() if path == p or path.startswith(p + ".")), key=len, default=None)
        if best is None:
            return path
        column = next(c for c, p in COLUMNS.items() if p == best)
        return f"column {column}"


def _bool(text: str, column: str) -> bool:
    try:
        return BOOLEAN[text.lower()]
    except KeyError:
        raise ValueError(f"column {column}: is not yes/no (or true/false)") from None


def _int(text: str, column: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"column {column}: is not a whole number") from None


def _sentence(row: dict[str, str]) -> dict[str, Any] | None:
    kind = row.get("sentence", "")
    if not kind:
        return None
    sentence: dict[str, Any] = {"kind": kind}
    years, months = row.get("term_years", ""), row.get("term_months", "")
    term = {k: _int(v, c) for k, v, c in (("years", years, "term_years"), ("months", months, "term_months")) if v}
    if kind in TERMED or kind == "conditional_discharge":
        sentence["period" if kind == "conditional_discharge" else "term"] = term
    elif term:
        raise ValueError(f"column term_years/term_months: a {kind} has no term")
    if kind == "imprisonment" and row.get("suspended"):
        sentence["suspended"] = _bool(row["suspended"], "suspended")
    if kind == "hospital_order":
        restriction = row.get("restriction_order", "")
        sentence["restriction_order"] = _bool(restriction, "restriction_order") if restriction else None
    return sentence


def record_from_row(row: dict[str, str]) -> CsvRecord:
    """The caseload record of one CSV row (blank cells left out: unknown)."""
    cell = {k: (v or "").strip() for k, v in row.items()}
    case: dict[str, Any] = {"case_id": cell.get("case_id") or None}
    if cell.get("date_of_birth"):
        case["person"] = {"date_of_birth": cell["date_of_birth"]}
    if any(cell.get(c) for c in DISPOSAL_COLUMNS):
        offence: dict[str, Any] = {}
        for column in ("offence_id", "schedule15"):
            if cell.get(column):
                offence[column] = cell[column]
        for column in ("schedule3", "schedule3_sentencing_condition", "murder"):
            if cell.get(column):
                offence[column] = _bool(cell[column], column)
        disposal: dict[str, Any] = {"id": "d1", "offence": offence}
        for column, field in (("trigger", "trigger"), ("conviction_date", "relevant_date"), ("court", "court"),
                              ("sentence_date", "sentence_date"), ("release_date", "release_date"),
                              ("licence_end", "supervision_end")):
            if cell.get(column):
                disposal[field] = cell[column]
        disposal["sentence"] = _sentence(cell)
        case["disposals"] = [disposal]
    intervals = []
    for kind, start, end in (("serving_sentence", "custody_from", "custody_to"),
                             ("hospital", "hospital_from", "hospital_to")):
        if cell.get(start):
            intervals.append({"kind": kind, "start": cell[start], "end": cell.get(end) or None})
        elif cell.get(end):
            raise ValueError(f"column {end}: given without {start}")
    if intervals:
        case["intervals"] = intervals
    risk = {c: _bool(cell[c], c) for c in ("may_cause_serious_harm", "needs_multi_agency_management") if cell.get(c)}
    if risk:
        case["risk"] = risk
    record = CsvRecord(case=case)
    if cell.get("level"):
        if not cell.get("level_from"):
            raise ValueError("column level_from: the level needs the day it started")
        record["history"] = {"levels": [{"level": _int(cell["level"], "level"), "start": cell["level_from"],
                                         "end": cell.get("level_to") or None}]}
    return record


def read_csv(path: Path) -> Iterator[tuple[int, CsvRecord | ValueError]]:
    """The records of a CSV caseload with the line number of each row; a bad row is an error, not a stop."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        unknown = [c for c in reader.fieldnames or [] if c not in COLUMNS]
        if not reader.fieldnames or "case_id" not in reader.fieldnames or unknown:
            detail = f"unknown column(s) {', '.join(unknown)}" if unknown else "no case_id column"
            raise InputError(f"{path}: header: {detail} (columns: {', '.join(COLUMNS)})")
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                yield line, ValueError(f"not a CSV row ({exc})")
                return
            if None in row:
                yield line, ValueError("more cells than columns")
                continue
            try:
                yield line, record_from_row(row)
            except ValueError as exc:
                yield line, exc


__all__ = ["COLUMNS", "CsvRecord", "read_csv", "record_from_row"]
