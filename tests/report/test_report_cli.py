"""``mappa-rules report``: the four formats, --explain, the table formats of earlier years, the CSV route, and
bad input of every kind (exit 2 naming the argument, or the line and field; nothing dropped silently)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from mappa_rules.cli import main
from mappa_rules.report import registry
from tests.report.worked_caseload import EXAMPLE

CSV_EXAMPLE = EXAMPLE.parent / "snapshot.csv"
YEAR = ["--year", "2020/21", "--population", "8000", "--jobs", "1"]


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(["report", *args], out=out)
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def test_markdown_has_every_table_with_totals_and_the_lines_not_counted() -> None:
    code, out, err = run([str(EXAMPLE), *YEAR])
    assert code == 0 and not err
    assert "| Level 1 | 9 | 1 | \N{EN DASH} | 10 |" in out
    assert "| **Total** | **11** | **3** | **1** | **15** |" in out
    assert "| Per 100,000 population (aged 10 and over) | 138 |" in out
    assert "In custody on 31 March (not counted): 4" in out
    assert "30 cases counted; 0 lines with errors" in out


def test_csv_has_one_row_per_cell(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    code, out, _ = run([str(EXAMPLE), *YEAR, "--format", "csv", "--out", str(target)])
    assert code == 0 and out == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    cell = {(r["table"], r["row"], r["column"]): r["value"] for r in rows}
    assert cell[("snapshot", "level2", "category1")] == "2"
    assert cell[("snapshot", "level1", "category3")] == ""  # blank: Category 3 is not managed at Level 1
    assert cell[("yearly", "total", "total")] == "9"
    assert cell[("rso", "per_100000", "count")] == "138"
    assert cell[("snapshot", "undetermined", "count")] == "3"


def test_json_and_html_are_written(tmp_path: Path) -> None:
    code, out, _ = run([str(EXAMPLE), *YEAR, "--format", "json"])
    assert code == 0
    document = json.loads(out)
    assert [t["id"] for t in document["years"][0]["tables"]][:2] == ["snapshot", "yearly"]
    code, out, _ = run([str(EXAMPLE), *YEAR, "--format", "html"])
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.count("<svg") == 2
    assert "<script" not in out and "http://" not in out.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_explain_lists_exactly_the_cases_of_a_cell_with_their_reasons() -> None:
    code, out, _ = run([str(EXAMPLE), *YEAR, "--explain", "snapshot/level2/total", "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["case_id"] for r in rows] == ["W03", "W04", "W06", "W08", "W25"]
    assert all(r["reason"] for r in rows)
    code, out, _ = run([str(EXAMPLE), *YEAR, "--explain", "revoked/revoked", "--format", "json"])
    document = json.loads(out)
    assert document["count"] == 1 and [c["id"] for c in document["cases"]] == ["W18"]
    assert "s.91C" in document["cases"][0]["reason"]
    code, out, _ = run([str(EXAMPLE), *YEAR, "--explain", "snapshot/undetermined"])
    assert code == 0 and "| W12 |" in out and "missing disposals[0].release_date, disposals[0].sentence_date" in out


def test_every_cell_explains_to_its_count() -> None:
    code, out, _ = run([str(EXAMPLE), *YEAR, "--format", "csv"])
    for row in csv.DictReader(io.StringIO(out)):
        if not row["value"] or row["row"] == "per_100000":
            continue
        code, listed, _ = run([str(EXAMPLE), *YEAR, "--format", "csv", "--explain",
                               f"{row['table']}/{row['row']}/{row['column']}"])
        assert code == 0
        assert len(list(csv.DictReader(io.StringIO(listed)))) == int(row["value"]), row


def test_the_older_formats_and_a_trend_across_years() -> None:
    code, out, _ = run([str(EXAMPLE), "--year", "2006/07", "--year", "2014/15", "--year", "2020/21", "--jobs", "1"])
    assert code == 0
    assert "1(iii). Sexual offences prevention orders" in out
    assert "4. Restrictive orders for Category 1 offenders imposed by the courts" in out
    assert "## Trend across years" in out
    code, out, _ = run([str(EXAMPLE), "--year", "2019/20", "--year", "2020/21", "--jobs", "1", "--format", "html"])
    assert code == 0 and 'id="trend"' in out and out.count("<svg") == 5


def test_the_csv_route_reads_the_simple_snapshot_fields() -> None:
    code, out, err = run([str(CSV_EXAMPLE), "--year", "2020/21", "--jobs", "1", "--format", "csv"])
    assert code == 0 and not err
    cell = {(r["table"], r["row"], r["column"]): r["value"] for r in csv.DictReader(io.StringIO(out))}
    assert cell[("snapshot", "level1", "category1")] == "2"
    assert cell[("snapshot", "level2", "category3")] == "1"
    assert cell[("snapshot", "undetermined", "count")] == "2"


def test_bad_csv_rows_name_the_column(tmp_path: Path) -> None:
    text = CSV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([text[0], text[1], text[2].replace("2020-06-15", "2020-06-31"),
                              text[3].replace(",4,", ",four,")]) + "\n", encoding="utf-8")
    code, out, err = run([str(bad), "--year", "2020/21", "--jobs", "1"])
    assert code == 2
    assert "line 3: column conviction_date: is not a real calendar date" in err
    assert "line 4: column term_years: is not a whole number" in err
    assert "2020-06-31" not in err and "four" not in err
    assert "1 cases counted; 2 lines with errors" in out
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("case_id,colour\nX,red\n", encoding="utf-8")
    code, _, err = run([str(unknown), "--year", "2020/21"])
    assert code == 2 and "unknown column(s) colour" in err


def test_bad_lines_are_reported_by_line_and_field_and_the_rest_is_counted(tmp_path: Path) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    caseload = tmp_path / "caseload.jsonl"
    caseload.write_text("\n".join([
        lines[0], "not json", lines[1].replace('"2020-06-15"', '"2020-02-30"', 1), lines[0],
        '{"case": {"person": {}}}', '{"case": {"case_id": "X1"}, "history": {"levels": [{"level": 4, '
        '"start": "2020-01-01"}]}}', "", *lines[2:]]) + "\n", encoding="utf-8")
    code, out, err = run([str(caseload), *YEAR])
    assert code == 2
    assert "line 2: not a JSON object" in err
    assert "line 3: case.disposals[0].relevant_date: is not a real calendar date" in err
    assert "2020-02-30" not in err
    assert "line 4: case.case_id: 'W01' is used by an earlier line" in err
    assert "line 5: case.case_id: every case in a caseload needs a case id" in err
    assert "line 6: history.levels[0].level: Input should be 1, 2 or 3" in err
    assert "## Input errors" in out and "- line 6:" in out
    assert "29 cases counted; 5 lines with errors" in out


def test_a_line_that_gives_a_key_twice_is_refused_not_read_as_the_last(tmp_path: Path) -> None:
    """A JSON parser keeps the last of two keys: the report refuses the line instead (as every reader of a case
    does), naming the key, and counts the others."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    twice = lines[1].replace('"case_id":', '"case_id":"again","case_id":', 1)
    assert twice != lines[1]
    caseload = tmp_path / "caseload.jsonl"
    caseload.write_text("\n".join([lines[0], twice, *lines[2:]]) + "\n", encoding="utf-8")
    code, out, err = run([str(caseload), *YEAR])
    assert code == 2
    assert "line 2: the key 'case_id' is given twice" in err
    assert "again" not in err
    assert f"{len(lines) - 1} cases counted; 1 lines with errors" in out


def test_an_internal_error_on_one_case_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real = registry.MEASURES["snapshot"]

    def broken(view, year):  # type: ignore[no-untyped-def]
        if view.case_id == "W05":
            raise RuntimeError("boom")
        return real(view, year)

    monkeypatch.setitem(registry.MEASURES, "snapshot", broken)
    code, out, err = run([str(EXAMPLE), *YEAR])
    assert code == 1
    assert "line 5: internal error (RuntimeError): boom" in err
    assert "29 cases counted; 1 lines with errors" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2020"], "--year: '2020' is not a reporting year written like 2020/21"),
        (["--year", "2020/22"], "--year: '2020/22': a reporting year runs from 1 April to 31 March"),
        (["--year", "2003/04"], "--year: no table format is known for 2003/04"),
        (["--year", "2020/21", "--population", "-5"], "--population: '-5' must be a positive whole number"),
        (["--year", "2020/21", "--population", "2020/21=lots"], "--population: '2020/21=lots' is not N or YEAR=N"),
        (["--year", "2020/21", "--explain", "snapshot"], "--explain: 'snapshot': write TABLE/ROW/COLUMN"),
        (["--year", "2020/21", "--explain", "sopo/applied/count"], "--explain: 2020/21 has no table 'sopo'"),
        (["--year", "2020/21", "--explain", "snapshot/level4/category1"], "--explain: snapshot has no cell"),
        (["--year", "2020/21", "--jobs", "0"], "--jobs: at least 1"),
        (["--year", "2020/21", "--explain", "rso/rsos", "--format", "html"], "--explain: lists cases as markdown"),
        (["--year", "2020/21", "--format", "pdf"], "invalid choice: 'pdf'"),
    ],
)
def test_bad_arguments_exit_2_naming_the_argument(args: list[str], message: str) -> None:
    code, out, err = run([str(EXAMPLE), *args])
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_a_missing_caseload_is_bad_input(tmp_path: Path) -> None:
    code, _, err = run([str(tmp_path / "none.jsonl"), "--year", "2020/21"])
    assert code == 2 and "none.jsonl: no such file" in err
