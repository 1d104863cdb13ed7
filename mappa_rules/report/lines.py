"""Reading a caseload file line by line: JSON Lines, or a CSV of the simple snapshot fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mappa_rules.input import CaseInputError, batch_lines, decode_case_bytes
from mappa_rules.limits import MAX_LINE_BYTES

from .caseload import InputError
from .csv_input import read_csv

Raw = str | dict[str, Any]
"""A line as read: JSON text, or a dict built from a CSV row; or an error message for a line already rejected."""


def read_lines(path: str | Path) -> Iterator[tuple[int, Raw | ValueError]]:
    """The caseload's lines with their numbers, blank lines skipped; CSV files (``.csv``) row by row."""
    source = Path(path)
    if not source.is_file():
        raise InputError(f"{source}: no such file")
    if source.suffix.lower() == ".csv":
        yield from read_csv(source)
        return
    with source.open("rb") as stream:
        for number, data in enumerate(batch_lines(stream), start=1):
            if data is None:
                yield number, ValueError(f"the line is longer than {MAX_LINE_BYTES} bytes")
                continue
            try:
                line = decode_case_bytes(data, "the line", MAX_LINE_BYTES)
            except CaseInputError as exc:
                yield number, ValueError(str(exc).removeprefix("the line: "))
                continue
            if line.strip():
                yield number, line
