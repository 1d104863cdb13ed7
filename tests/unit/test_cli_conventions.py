"""The command line behaves as command-line users expect (issue 13 item 3): ``--version``, usage when run bare,
the questions in ``--help``, "did you mean", a hint when waiting on a terminal, quiet exits on a closed pipe and
on Ctrl-C, ``python -m mappa_rules``, ``explain all``, ``--brief``, JSON errors and offences, shell completion."""

from __future__ import annotations

import io
import itertools
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from mappa_rules import Case, Decision
from mappa_rules.cli import main
from mappa_rules.cli import terminal as terminal_module
from mappa_rules.questions import registry
from mappa_rules.questions.registry import REGISTRY
from tests.cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]
ADULT = str(ROOT / "examples" / "adult-12-months.yaml")
AS_OF = "2026-11-21"


def run(args: list[str], stdin: str = "", err: io.StringIO | None = None) -> tuple[int, str, str]:
    return run_cli(args, stdin, err)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mappa_rules", *args]


def test_version_is_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"mappa-rules {version('mappa-rules')}\n"


def test_run_bare_prints_the_usage_and_exits_2() -> None:
    code, out, err = run([])
    assert code == 2 and out == ""
    assert err.startswith("usage: mappa-rules") and "a command is required" in err


def test_help_lists_every_question_with_what_it_asks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    for question in REGISTRY:
        assert f"  {question.cli}" in shown and question.summary in shown, question.cli


@pytest.mark.parametrize(("args", "suggested"), [
    (["explain", "categroy", ADULT], "'category'"),
    (["expalin", "category", ADULT], "'explain'"),
    (["explain", "category", ADULT, "--as_of", AS_OF], "'--as-of'"),
    (["explain", "category", ADULT, "--formt=json"], "'--format'"),
    (["batch", "notification-periods", "-"], "'notification-period'"),
])
def test_a_mistyped_name_gets_the_nearest_suggested(args: list[str], suggested: str) -> None:
    code, out, err = run(args)
    assert code == 2 and out == ""
    assert f"did you mean {suggested}?" in err


def test_an_unrelated_name_gets_no_suggestion() -> None:
    code, _, err = run(["explain", "zzzzzz", ADULT])
    assert code == 2 and "did you mean" not in err


def test_extra_arguments_are_refused_without_repeating_them() -> None:
    code, _, err = run(["explain", "category", ADULT, "1977-07-07"])
    assert code == 2 and "1977-07-07" not in err and "more arguments" in err


def test_python_dash_m_mappa_rules_runs_the_command_line() -> None:
    proc = subprocess.run(command("explain", "notification-period", ADULT, "--as-of", AS_OF),
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "2025-04-19" in proc.stdout


def test_explain_all_answers_every_question() -> None:
    code, out, _ = run(["explain", "all", ADULT, "--as-of", AS_OF, "--format", "json"])
    answers = json.loads(out)
    assert list(answers) == [q.cli for q in REGISTRY]
    assert [a["question"] for a in answers.values()] == [q.id for q in REGISTRY]
    assert answers["notification-period"]["dates"]["period_last_day"] == "2025-04-19"
    assert code == 3  # the category needs the Responsible Authority's judgements, which the case does not give
    code, out, _ = run(["explain", "all", ADULT, "--as-of", AS_OF])
    assert code == 3 and all(f"{q.id} - as of {AS_OF}" in out for q in REGISTRY)


def test_brief_is_the_answer_and_dates_wrapped_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    code, out, _ = run(["explain", "notification-period", ADULT, "--as-of", AS_OF, "--brief"])
    assert code == 0
    assert " ".join(out.split()).startswith("notification.period as of 2026-11-21: YES. Notification period")
    assert "period_last_day: 2025-04-19" in out and "Reasons" not in out
    assert max(len(line) for line in out.splitlines()) <= 40
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = run(["explain", "notification-period", ADULT, "--as-of", AS_OF, "--brief"])
    assert len(wide.splitlines()) < len(out.splitlines())


def test_a_json_error_names_the_field_and_reason_on_stderr_with_the_same_exit_code() -> None:
    case = "person: {date_of_birth: 1977-07-07}\ndisposals: [{id: a, trigger: arrest}]\n"
    code, out, err = run(["explain", "category", "-", "--as-of", AS_OF, "--format", "json"], case)
    assert code == 2 and out == ""
    assert json.loads(err) == {"error": {"kind": "bad_input", "problems": [
        {"field": "disposals[0].trigger", "reason": json.loads(err)["error"]["problems"][0]["reason"]}]}}
    assert "1977-07-07" not in err
    code, _, err = run(["explain", "category", "-", "--as-of", "21/11/2026", "--format=json"], case)
    assert code == 2 and json.loads(err)["error"]["problems"] == [
        {"field": "--as-of", "reason": "give a date written YYYY-MM-DD"}]
    code, _, err = run(["explain", "category", "-", "--format", "json", "--as_of", AS_OF])
    assert code == 2 and json.loads(err)["error"]["problems"][0]["field"] == "--as_of"
    code, _, err = run(["explain", "--format", "json"])
    assert code == 2 and json.loads(err)["error"]["problems"] == [
        {"field": "question", "reason": "the following arguments are required: question"}]


def test_an_internal_error_as_json_names_its_kind_and_place_not_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(case: Case, as_of: date, book: Any = None) -> Decision:
        raise LookupError(f"born {case.person.date_of_birth}")

    monkeypatch.setitem(registry._ANSWERS, "mappa.category", broken)
    code, out, err = run(["explain", "category", ADULT, "--as-of", AS_OF, "--format", "json"])
    assert code == 1 and out == ""
    error = json.loads(err)["error"]
    assert error["kind"] == "internal" and error["type"] == "LookupError"
    assert error["where"].startswith("mappa_rules/cli/commands.py:") and "1990" not in err


def test_offences_search_and_show_as_json() -> None:
    code, out, _ = run(["offences", "search", "sexual", "assault", "--format", "json"])
    found = json.loads(out)
    assert code == 0 and "soa2003.s3" in {o["offence"] for o in found}
    code, out, _ = run(["offences", "show", "soa2003.s3", "--format", "json"])
    shown = json.loads(out)
    assert code == 0 and {s["schedule"] for s in shown} == {"soa2003.sch3", "cja2003.sch15"}
    assert all(s["offence"] == "soa2003.s3" and s["in_force"]["start"] for s in shown)
    code, out, err = run(["offences", "show", "no.such.offence", "--format", "json"])
    assert code == 2 and out == ""
    assert json.loads(err)["error"]["problems"][0]["field"] == "offence id"


def test_progress_goes_to_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(json.dumps({"case_id": f"c{i}"}) + "\n" for i in range(3))
    code, _, err = run(["batch", "category", "-", "--as-of", AS_OF, "--jobs", "1"], lines)
    assert code == 0 and err == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = itertools.count()  # a second passes between any two readings
    monkeypatch.setattr(terminal_module, "monotonic", lambda: float(next(clock)))
    code, _, err = run(["batch", "category", "-", "--as-of", AS_OF, "--jobs", "1"], lines, err=Terminal())
    assert code == 0 and err.endswith("\rmappa-rules: 3 lines answered\n")


def _slow_stdin_process(args: list[str], **kwargs: object) -> tuple[subprocess.Popen[bytes], int]:
    """The command with a terminal as its standard input, which never ends it (the terminal's other side)."""
    control, tty = pty.openpty()
    proc = subprocess.Popen(command(*args), stdin=tty, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, **kwargs)  # type: ignore[call-overload]
    os.close(tty)
    return proc, control


def _read_until(proc: subprocess.Popen[bytes], text: bytes, seconds: float = 60) -> bytes:
    assert proc.stderr is not None
    seen, end = b"", time.monotonic() + seconds
    while text not in seen and time.monotonic() < end:
        ready, _, _ = select.select([proc.stderr], [], [], 1)
        if ready:
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
    return seen


def test_waiting_on_a_terminal_says_so_and_ctrl_c_exits_130_without_a_traceback() -> None:
    proc, control = _slow_stdin_process(["explain", "category", "--as-of", AS_OF])
    try:
        hint = _read_until(proc, b"Ctrl-D")
        assert b"reading the case (YAML or JSON) from standard input" in hint
        os.killpg(proc.pid, signal.SIGINT)
        _, rest = proc.communicate(timeout=60)
    finally:
        os.close(control)
    assert proc.returncode == 130
    assert b"Traceback" not in hint + rest and b"KeyboardInterrupt" not in hint + rest


def test_no_hint_when_standard_input_is_not_a_terminal() -> None:
    code, _, err = run(["explain", "category", ADULT, "--as-of", AS_OF])
    assert "standard input" not in err
    code, _, err = run(["explain", "category", "-", "--as-of", AS_OF], Path(ADULT).read_text(encoding="utf-8"))
    assert code == 3 and err == ""


def _case_line(number: int) -> bytes:
    return (json.dumps({"case_id": f"c{number}", "person": {"date_of_birth": "1990-01-15"}}) + "\n").encode()


def test_ctrl_c_during_a_parallel_batch_exits_130_without_a_traceback() -> None:
    """Ctrl-C reaches the whole foreground process group, the workers too: none of them prints a traceback."""
    proc = subprocess.Popen(command("batch", "category", "-", "--as-of", AS_OF, "--jobs", "2"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"".join(_case_line(i) for i in range(500)))  # five chunks: the workers start
    proc.stdin.flush()
    assert proc.stdout.readline().startswith(b'{"line": 1, "decision"')  # answered, then waiting for more lines
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_ends_the_batch_quietly_with_141(tmp_path: Path, jobs: str) -> None:
    """``mappa-rules batch ... | head -1``: no traceback, no internal error, exit 128 + SIGPIPE."""
    cases = tmp_path / "cases.jsonl"
    cases.write_bytes(b"".join(_case_line(i) for i in range(400)))
    proc = subprocess.Popen(command("batch", "notification-period", str(cases), "--as-of", AS_OF, "--jobs", jobs),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b'{"line": 1, ')
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141, err
    assert err == b""


def test_the_bash_completion_script_is_valid_bash_and_offers_the_questions() -> None:
    code, script, _ = run(["completion", "bash"])
    assert code == 0
    assert subprocess.run(["bash", "-n"], input=script, text=True, check=False).returncode == 0

    def complete(*words: str) -> list[str]:
        probe = (f"{script}\nCOMP_WORDS=(mappa-rules {' '.join(words)} ''); COMP_CWORD={len(words) + 1}\n"
                 "_mappa_rules; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert set(complete("explain")) == {q.cli for q in REGISTRY} | {"all"}
    assert set(complete("batch")) == {q.cli for q in REGISTRY}
    assert set(complete()) >= {"explain", "batch", "check", "schema", "offences", "completion", "--version"}
    assert complete("explain", "category", "x", "--format") == ["text", "json"]
    assert set(complete("report", "x", "--format")) == {"markdown", "csv", "json", "html"}


def test_the_zsh_completion_script_loads_the_same_function() -> None:
    code, script, _ = run(["completion", "zsh"])
    assert code == 0 and script.startswith("#compdef mappa-rules\n") and "bashcompinit" in script
    assert "_mappa_rules()" in script and "category" in script
    if shutil.which("zsh"):
        assert subprocess.run(["zsh", "-n"], input=script, text=True, check=False).returncode == 0
