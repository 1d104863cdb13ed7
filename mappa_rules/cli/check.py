"""``mappa-rules check FILE...``: a user's own cases with the answers expected of them, run and compared.

A check file is YAML (the format is ``docs/check.md``; an example is ``examples/checks/notification.yaml``)::

    as_of: 2026-11-21              # optional: the date for every case that gives none
    cases:
      - name: adult, 12 months     # what the case shows, printed with PASS or FAIL
        as_of: 2026-11-21          # the date to answer for (here or at the top)
        case_file: ../adult-12-months.yaml   # the case, from a file (relative to this one) or inline as `case:`
        expect:
          notification-period:     # a question's command-line name
            outcome: yes           # yes, no or undetermined
            dates: {period_last_day: 2025-04-19}   # key dates (null: the date must not be given)
            value: {length: 10 years}              # fields of the value; only those written are compared
            missing: [person.date_of_birth]        # the facts named as missing, in any order

Exit 0 when every expectation holds, 1 when any does not (each difference is shown as expected against actual),
2 for a file that cannot be read or breaks the format (the message names the field and the reason).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ..batch import internal_error
from ..decision import Decision
from ..engine.yaml_reader import YamlLimits, YamlProblem, load_yaml
from ..facts import Case
from ..input import BadInput, CaseInputError, CaseValidationError, parse_case, read_case
from ..limits import MAX_NESTING, MAX_RULESET_BYTES, MAX_RULESET_NODES
from ..questions.registry import BY_CLI
from .commands import parse_date

__all__ = ["CheckCase", "Expectation", "differences", "load_check_file", "run_checks"]

EXIT_PASSED, EXIT_FAILED, EXIT_BAD_FILE = 0, 1, 2
OUTCOMES = ("yes", "no", "undetermined")
_LIMITS = YamlLimits(max_nodes=MAX_RULESET_NODES, max_depth=MAX_NESTING + 4)
_CASE_KEYS = {"name", "as_of", "case", "case_file", "expect"}
_EXPECT_KEYS = {"outcome", "value", "dates", "missing"}


@dataclass(frozen=True)
class Expectation:
    """What one question is expected to answer: any of outcome, value fields, key dates, missing facts."""

    question: str
    outcome: str | None = None
    value: dict[str, Any] | None = None
    dates: dict[str, str | None] | None = None
    missing: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CheckCase:
    """One case of a check file: its name, the date to answer for, the case, and what each question should say."""

    name: str
    as_of: date
    case: Case
    expect: tuple[Expectation, ...]


def _bad(where: str, reason: str) -> BadInput:
    return BadInput(f"{where}: {reason}")


def _mapping(data: Any, where: str, allowed: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad(where, "must be a mapping")
    if allowed is not None and (extra := sorted(str(k) for k in data if k not in allowed)):
        raise _bad(f"{where}.{extra[0]}", f"is not a field of a check (the fields are {', '.join(sorted(allowed))})")
    return data


def _outcome(data: Any, where: str) -> str:
    text = {True: "yes", False: "no"}.get(data, data) if isinstance(data, bool) else data
    if text not in OUTCOMES:
        raise _bad(where, f"must be one of {', '.join(OUTCOMES)}")
    return str(text)


def _expectation(question: Any, data: Any, where: str) -> Expectation:
    if question not in BY_CLI:
        raise _bad(where, f"is not a question (the questions are {', '.join(BY_CLI)})")
    body = _mapping(data, f"{where}", _EXPECT_KEYS)
    dates = body.get("dates")
    if dates is not None:
        for name, day in _mapping(dates, f"{where}.dates").items():
            if day is not None and not isinstance(day, str):
                raise _bad(f"{where}.dates.{name}", "must be a date written YYYY-MM-DD, or null")
            if day is not None:
                parse_date(day, f"{where}.dates.{name}")
    missing = body.get("missing")
    if missing is not None and not (isinstance(missing, list) and all(isinstance(m, str) for m in missing)):
        raise _bad(f"{where}.missing", "must be a list of fact names (person.date_of_birth, ...)")
    return Expectation(
        question=question,
        outcome=None if body.get("outcome") is None else _outcome(body["outcome"], f"{where}.outcome"),
        value=None if body.get("value") is None else _mapping(body["value"], f"{where}.value"),
        dates=dates, missing=None if missing is None else tuple(missing),
    )


def _case(entry: dict[str, Any], base: Path, where: str) -> Case:
    if ("case" in entry) == ("case_file" in entry):
        raise _bad(where, "give the case inline (case:) or from a file (case_file:), one of the two")
    try:
        if "case_file" in entry:
            if not isinstance(entry["case_file"], str):
                raise _bad(f"{where}.case_file", "must be a path, relative to the check file")
            return read_case(str(base / entry["case_file"]), io.StringIO())
        return parse_case(_mapping(entry["case"], f"{where}.case"), f"{where}.case")
    except CaseValidationError as exc:
        raise BadInput("\n".join(f"{where}.case.{p.field}: {p.reason}" for p in exc.problems)) from None


def load_check_file(path: Path) -> list[CheckCase]:
    """The cases of a check file, each validated; :class:`BadInput` names the file, the field and the reason."""
    try:
        raw = path.read_bytes()
    except OSError:
        raise _bad(str(path), "no such file, or it cannot be read") from None
    if len(raw) > MAX_RULESET_BYTES:
        raise _bad(str(path), f"larger than {MAX_RULESET_BYTES} bytes")
    try:
        data = load_yaml(raw, _LIMITS, dates_as_text=True)
    except YamlProblem as exc:
        raise _bad(str(path), str(exc)) from None
    try:
        top = _mapping(data, "the file", {"as_of", "cases"})
        default = None if top.get("as_of") is None else parse_date(str(top["as_of"]), "as_of")
        cases = top.get("cases")
        if not isinstance(cases, list) or not cases:
            raise _bad("cases", "must be a list of one or more cases")
        found = []
        for index, entry in enumerate(cases):
            where = f"cases[{index}]"
            entry = _mapping(entry, where, _CASE_KEYS)
            if not isinstance(entry.get("name"), str) or not entry["name"].strip():
                raise _bad(f"{where}.name", "must be given, as text saying what the case shows")
            if entry.get("as_of") is None and default is None:
                raise _bad(f"{where}.as_of", "must be given (here, or once at the top of the file)")
            day = default if entry.get("as_of") is None else parse_date(str(entry["as_of"]), f"{where}.as_of")
            expect = _mapping(entry.get("expect"), f"{where}.expect")
            if not expect:
                raise _bad(f"{where}.expect", "must name at least one question")
            assert day is not None
            found.append(CheckCase(entry["name"], day, _case(entry, path.parent, where), tuple(
                _expectation(q, body, f"{where}.expect.{q}") for q, body in expect.items())))
        return found
    except CaseInputError as exc:
        raise BadInput("\n".join(f"{path}: {line}" for line in str(exc).splitlines())) from None


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _compare(expected: Any, actual: Any, where: str) -> list[str]:
    """Where ``actual`` differs from ``expected``: a mapping compares only the keys it gives, a list item by item,
    anything else exactly."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected {_shown(expected)}, got {_shown(actual)}"]
        out = []
        for key, wanted in expected.items():
            if key not in actual:
                out.append(f"{where}.{key}: expected {_shown(wanted)}, but the value has no such field")
            else:
                out += _compare(wanted, actual[key], f"{where}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [line for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for line in _compare(e, a, f"{where}[{i}]")]
    same = expected == actual and isinstance(expected, bool) == isinstance(actual, bool)
    return [] if same else [f"{where}: expected {_shown(expected)}, got {_shown(actual)}"]


def differences(expectation: Expectation, decision: Decision) -> list[str]:
    """Each way ``decision`` differs from ``expectation``, as ``QUESTION FIELD: expected X, got Y``."""
    q, out = expectation.question, []
    if expectation.outcome is not None and expectation.outcome != decision.outcome.value:
        out.append(f"{q} outcome: expected {expectation.outcome}, got {decision.outcome.value}")
    answered = decision.model_dump(mode="json")
    if expectation.value is not None:
        out += [f"{q} {line}" for line in _compare(expectation.value, answered["value"], "value")]
    for name, day in (expectation.dates or {}).items():
        got = answered["dates"].get(name)
        if got != day:
            out.append(f"{q} dates.{name}: expected {day or 'no such date'}, got {got or 'no such date'}")
    if expectation.missing is not None:
        named = sorted(m.fact for m in decision.missing)
        if sorted(expectation.missing) != named:
            out.append(f"{q} missing: expected {_shown(sorted(expectation.missing))}, got {_shown(named)}")
    return out


def run_checks(paths: list[str], out: TextIO) -> int:
    """Run every file's cases and report PASS or FAIL for each, with the differences of a failure."""
    files = [(path, load_check_file(Path(path))) for path in paths]  # every file read before any is run
    passed = failed = 0
    for path, cases in files:
        out.write(f"{path}\n")
        for check in cases:
            lines = []
            for expectation in check.expect:
                try:
                    decision = BY_CLI[expectation.question].answer()(check.case, check.as_of, None)
                    lines += differences(expectation, decision)
                except Exception as exc:  # one case's internal error fails that case alone
                    failure = internal_error(exc)
                    lines.append(f"{expectation.question}: internal error ({failure['type']}) at {failure['where']}")
            passed, failed = (passed + 1, failed) if not lines else (passed, failed + 1)
            out.write(f"  {'FAIL' if lines else 'PASS'}  {check.name}\n" + "".join(f"        {x}\n" for x in lines))
    out.write(f"{passed} passed, {failed} failed\n")
    return EXIT_FAILED if failed else EXIT_PASSED
