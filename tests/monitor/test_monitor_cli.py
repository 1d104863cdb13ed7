"""``mappa-rules monitor``: the bundled example stream through the CLI, --summary, --follow, and the command
without durable-rules installed."""

from __future__ import annotations

import io
import json
import os
import selectors
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mappa_rules.monitor as monitor_package
from mappa_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "events" / "three-people.jsonl"

# The alerts the example gives, as "date person alert details". Dates are worked out from the law (3 days
# beginning with: the day itself and the next two; time in custody is disregarded (s.83(6)) but the day of
# release is day 1, as s.84(1)(d) "3 days beginning with ... his release" reads - the core's convention
# time.conventions.partial_day_disregard; "a year after" a notification ends on its anniversary) and the "due
# soon" window of 7 days.
EXPECTED = """
2005-03-01 C category_changed none->1          36 months for rape: indefinite notification (s.82(1))
2006-08-30 C due_soon initial/c-2005 2006-09-01  released 30 Aug: s.83(1) 3 days from 30 Aug (s.83(6))
2006-08-30 C due_soon release/release#1 2006-09-01   the release itself, s.84(1)(d), likewise
2007-08-24 C due_soon periodic/2006-08-31 2007-08-31  a year after the initial notification (s.85(1))
2008-08-18 C due_soon periodic/2007-08-25 2008-08-25  each year C notifies on 25 August, in time
2009-08-18 C due_soon periodic/2008-08-25 2009-08-25
2010-08-18 C due_soon periodic/2009-08-25 2010-08-25
2011-08-18 C due_soon periodic/2010-08-25 2011-08-25
2012-08-18 C due_soon periodic/2011-08-25 2012-08-25
2013-08-18 C due_soon periodic/2012-08-25 2013-08-25
2014-03-03 A category_changed none->1          12 months for sexual assault: 10 years' notification
2014-08-18 C due_soon periodic/2013-08-25 2014-08-25
2014-09-01 A due_soon initial/a-2014 2014-09-03  released 1 Sep: 3 days from 1 Sep
2014-09-01 A due_soon release/release#1 2014-09-03
2014-09-04 A overdue initial/a-2014 2014-09-03
2014-09-04 A overdue release/release#1 2014-09-03
2014-09-08 A met_late initial/a-2014 2014-09-03 2014-09-08 5  A notifies 5 days late (s.91(3))
2014-09-08 A met_late release/release#1 2014-09-03 2014-09-08 5
2015-05-11 B category_changed none->1          community order and a SHPO for sexual assault: 5 years
2015-05-11 B due_soon initial/b-2015 2015-05-13  not detained: 3 days from the conviction; met on 12 May
2015-08-18 C due_soon periodic/2014-08-25 2015-08-25
2015-09-01 A due_soon periodic/2014-09-08 2015-09-08  met the same day
2016-02-10 A due_soon change/home_address#2 2016-02-12  a move on 10 Feb, notified on 12 Feb (s.84(1)(b))
2016-05-05 B due_soon periodic/2015-05-12 2016-05-12
2016-06-17 A due_soon travel/malaga-2016 2016-06-24  7 days before departure on 1 July (SI 2004/1220 reg 5)
2016-08-18 C due_soon periodic/2015-08-25 2016-08-25
2017-02-05 A due_soon periodic/2016-02-12 2017-02-12  a year after the change notification
2017-02-13 A overdue periodic/2016-02-12 2017-02-12
2017-02-20 A met_late periodic/2016-02-12 2017-02-12 2017-02-20 8
2017-05-03 B due_soon periodic/2016-05-10 2017-05-10
2017-08-18 C due_soon periodic/2016-08-25 2017-08-25
2018-02-13 A due_soon periodic/2017-02-20 2018-02-20
2018-02-21 A overdue periodic/2017-02-20 2018-02-20  A gives no further notification
2018-05-03 B due_soon periodic/2017-05-10 2018-05-10
2018-05-11 B overdue periodic/2017-05-10 2018-05-10
2018-05-25 B met_late periodic/2017-05-10 2018-05-10 2018-05-25 15
2018-08-18 C due_soon periodic/2017-08-25 2018-08-25
2019-05-18 B due_soon periodic/2018-05-25 2019-05-25  the next, due 20 May 2020, falls after the period
2019-08-18 C due_soon periodic/2018-08-25 2019-08-25
2020-05-11 B category_changed 1->undetermined  period and SHPO end 10 May 2020; only Category 3 is left
2020-05-11 B order_ended shpo-2015 2020-05-10  5 years beginning with 11 May 2015
2020-08-18 C due_soon periodic/2019-08-25 2020-08-25
2021-08-18 C due_soon periodic/2020-08-25 2021-08-25
2021-08-31 C review_possible qualifying_date 2021-08-31  15 years from the first notification (s.91B(2))
"""


def compact(record: dict[str, Any]) -> str:
    """One alert in the form used in EXPECTED (without the comment)."""
    head = f"{record['date']} {record['person']} {record['alert']}"
    if record["alert"].endswith("_changed"):
        return f"{head} {record['from']}->{record['to']}"
    if record["alert"] == "met_late":
        return f"{head} {record['duty']} {record['due']} {record['met_on']} {record['days_late']}"
    if record["alert"] == "review_possible":
        return f"{head} {record['review']} {record['from']}"
    if record["alert"] == "order_ended":
        return f"{head} {record['order']} {record['last_day']}"
    return f"{head} {record['duty']} {record['due']}"


def expected() -> list[str]:
    rows = []
    for row in EXPECTED.strip().splitlines():
        words = row.split()
        size = {"category_changed": 4, "met_late": 7, "review_possible": 5, "order_ended": 5}.get(words[2], 5)
        rows.append(" ".join(words[:size]))
    return rows


def cli(*args: str, stdin: str = "") -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    code = main(list(args), out=out, stdin=io.StringIO(stdin))
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


needs_durable = pytest.mark.skipif(monitor_package.unavailable() is not None, reason="durable-rules not installed")


@needs_durable
def test_the_example_stream_gives_the_expected_alerts() -> None:
    code, records = cli("monitor", str(EXAMPLE))
    assert code == 0
    assert [compact(r) for r in records] == expected()


@needs_durable
def test_the_summary_says_where_each_person_stands() -> None:
    code, records = cli("monitor", str(EXAMPLE), "--until", "2022-03-01", "--summary")
    summaries = {r["person"]: r for r in records if r["record"] == "summary"}
    assert code == 0 and list(summaries) == ["A", "B", "C"]
    assert summaries["A"]["duties"] == {"due": 0, "not_met": 1, "met": 4, "met_late": 3, "unknown": 0}
    assert summaries["A"]["not_met"] == [{"duty": "periodic/2017-02-20", "due": "2018-02-20"}]
    assert (summaries["B"]["category"], summaries["C"]["category"]) == ("undetermined", "1")
    assert summaries["C"]["duties"]["due"] == 1 and summaries["C"]["as_of"] == "2022-03-01"


@needs_durable
def test_bad_lines_give_error_records_and_exit_2() -> None:
    stream = EXAMPLE.read_text(encoding="utf-8").splitlines()
    lines = [stream[0], "{not json", json.dumps({"person": "C", "date": "2005-03-01", "kind": "moved"}), *stream[1:]]
    code, records = cli("monitor", "-", stdin="\n".join(lines) + "\n")
    errors = [r for r in records if r["record"] == "error"]
    assert code == 2
    assert [(e["line"], e["error"], e["fields"]) for e in errors] == [(2, "bad_json", []),
                                                                      (3, "bad_event", ["kind"])]
    assert [compact(r) for r in records if r["record"] == "alert"] == expected()


@needs_durable
def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["monitor", str(EXAMPLE), "--until", "2022-02-30"]) == 2
    assert main(["monitor", str(EXAMPLE), "--follow"]) == 2
    assert main(["monitor", "no-such-file.jsonl"]) == 2
    assert "Traceback" not in capsys.readouterr().err


@needs_durable
def test_follow_writes_each_day_as_soon_as_a_later_date_closes_it() -> None:
    """--follow reads standard input as lines arrive: the alerts of a day come out when a later line (here a
    tick) arrives, before standard input is closed."""
    process = subprocess.Popen([sys.executable, "-m", "mappa_rules.cli", "monitor", "--follow"], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert process.stdin is not None and process.stdout is not None
    first = EXAMPLE.read_text(encoding="utf-8").splitlines()[:3]
    for row in [*first, json.dumps({"date": "2005-03-02", "kind": "tick"})]:
        process.stdin.write(row + "\n")
    process.stdin.flush()
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    ready = selector.select(timeout=60)
    line = process.stdout.readline() if ready else ""
    process.stdin.close()
    rest = process.stdout.read()
    assert process.wait(timeout=60) == 0
    assert json.loads(line)["alert"] == "category_changed"
    assert rest == ""


def test_without_durable_rules_the_command_says_how_to_install_it() -> None:
    code = ("import sys; sys.modules['durable'] = None; from mappa_rules.cli import main; "
            f"raise SystemExit(main(['monitor', {str(EXAMPLE)!r}]))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 2
    assert 'pip install "mappa-rules[monitor]"' in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_a_durable_rules_that_cannot_be_imported_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str) -> Any:
        raise ImportError("undefined symbol: PyEval_CallObject")

    monkeypatch.setattr(monitor_package, "import_module", broken)
    reason = monitor_package.unavailable()
    assert reason is not None and "3.11 and 3.12" in reason and 'pip install "mappa-rules[monitor]"' in reason


@needs_durable
def test_two_processes_with_different_hash_seeds_write_the_same_bytes() -> None:
    """No output depends on the order of a set or dict of strings (which changes with the hash seed)."""
    outputs = [subprocess.run([sys.executable, "-m", "mappa_rules.cli", "monitor", str(EXAMPLE), "--summary"],
                              capture_output=True, cwd=ROOT, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outputs[0] == outputs[1] and outputs[0].count(b'"record": "alert"') == 44
