"""The fuzz suite, small profile (the long one: ``python -m tests.fuzz.long``): generated valid cases across the
whole case model through every question, ``assess`` and the command line, and hostile variants of them through the
reader.

Properties checked (issues 11 and 16): no valid case makes a question raise; an undetermined decision names a fact
or says why none would decide it; supplying a missing fact never loses an answer unless the decision says why;
the same input gives byte-identical JSON, in one thread or eight; the command line never shows a traceback; and no
error message repeats a value from the case.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa_rules import QUESTIONS, Case, parse_case
from mappa_rules.input import CaseInputError
from tests.cli_runner import run_cli
from tests.fuzz.checks import answer_all, check_deterministic, check_monotone, optional_facts
from tests.fuzz.mutations import mutated, values_in
from tests.fuzz.strategies import case_data, cases

QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
"""Generated cases are large by design (every field of the model); time is the benchmarks' business."""
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=QUIET)


def _report(findings: list[Any]) -> str:
    return "\n".join(f"{f.kind} in {f.question}: {f.detail}\n  as_of {f.as_of}: {json.dumps(f.data)}"
                     for f in findings)


@FUZZ
@given(cases())
def test_every_question_answers_every_valid_case_and_says_why_when_undetermined(
    generated: tuple[Case, dict[str, Any], date],
) -> None:
    """Every question and ``assess`` answer a valid case without raising; an undetermined answer names a missing
    fact or says in ``undecidable`` why no fact would decide it; the same case gives the same JSON again.

    Citation: principle 3 (never guess: undetermined with the facts that would decide it). Status: derived.
    """
    case, data, as_of = generated
    result = answer_all(case, data, as_of)
    findings = result.findings + check_deterministic(case, data, as_of, result)
    assert not findings, _report(findings)


@FUZZ
@given(cases(), st.data())
def test_supplying_a_missing_fact_never_loses_an_answer_without_saying_why(
    generated: tuple[Case, dict[str, Any], date], data: st.DataObject,
) -> None:
    """Leaving one optional fact out of a case never decides a question the full case leaves undetermined,
    unless the full case's decision says why (a conflict between facts, an open question, ...).

    Citation: principle 3 (more facts never lose an answer). Status: derived.
    """
    case, facts, as_of = generated
    paths = list(optional_facts(Case, facts))
    if not paths:
        return
    path = data.draw(st.sampled_from(paths))
    findings = check_monotone(facts, as_of, answer_all(case, facts, as_of), path)
    assert not findings, _report(findings)


@settings(max_examples=5, deadline=None, suppress_health_check=QUIET)
@given(st.lists(cases(), min_size=8, max_size=8))
def test_eight_threads_give_the_answers_of_one(batch: list[tuple[Case, dict[str, Any], date]]) -> None:
    """The library is pure and its one shared object, the rule book, immutable: answering cases on 8 threads at
    once gives byte-identical decisions to answering them one by one."""
    jobs = [(name, case, as_of) for case, _, as_of in batch for name in QUESTIONS]

    def run(job: tuple[str, Case, date]) -> str:
        name, case, as_of = job
        return QUESTIONS[name](case, as_of, None).model_dump_json()

    alone = [run(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(run, jobs))
    assert together == alone


def _cli(args: list[str], raw: bytes) -> tuple[int, str, str]:
    return run_cli(args, raw)


@settings(max_examples=40, deadline=None, suppress_health_check=QUIET)
@given(case_data(), st.sampled_from(sorted(QUESTIONS)))
def test_the_command_line_answers_a_valid_case_with_exit_0_or_3(pair: tuple[dict[str, Any], date],
                                                                 question: str) -> None:
    """A valid case on standard input gives a decision (exit 0 or 3), never an internal error."""
    data, as_of = pair
    code, out, err = _cli(["explain", question, "-", "--as-of", as_of.isoformat(), "--format", "json"],
                          json.dumps(data).encode())
    assert code in (0, 3), err
    assert json.loads(out)["as_of"] == as_of.isoformat()


@settings(max_examples=120, deadline=None, suppress_health_check=QUIET)
@given(case_data(), st.data())
def test_bad_input_is_refused_with_exit_2_and_no_value_from_the_case(pair: tuple[dict[str, Any], date],
                                                                     data: st.DataObject) -> None:
    """A hostile or careless variant of a valid case (a bad date, an unknown field, a wrong type, a duplicate key,
    bytes that are not UTF-8, ...) is refused: exit 2 from the command line, :class:`CaseInputError` from the API,
    and no message repeats a date, free text or other value of the case. No traceback ever reaches the user."""
    raw, sensitive = mutated(pair[0], data.draw)
    code, out, err = _cli(["explain", "notification-period", "-", "--as-of", "2026-11-21"], raw)
    if code in (0, 3):  # the variant happens to be valid: nothing to check but the answer
        return
    assert code == 2, err
    assert "Traceback" not in err and out == ""
    leaked = [v for v in sensitive if v in err]
    assert not leaked, f"{leaked} in {err!r}"
    try:
        parse_case(raw)
    except CaseInputError as exc:
        assert not [v for v in values_in(pair[0]) | sensitive if v in str(exc)], str(exc)
