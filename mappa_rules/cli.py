"""Command line: ``mappa-rules explain <question> [CASE] [--as-of DATE] [--format text|json]``.

Exit codes: 0 decided (yes or no), 3 undetermined, 2 bad input (the message names the field and the rule broken,
never a value given), 1 internal error (its kind and where, never the case). The CLI is the only place that reads
the clock: ``--as-of`` defaults to today, and when given is a date written YYYY-MM-DD.

A case file and standard input are read alike (:mod:`mappa_rules.input`): UTF-8 with an optional byte-order mark,
YAML or JSON, duplicate keys refused, within the limits of :mod:`mappa_rules.limits` (1 MiB, 250 list items, ...).
``batch`` reads JSON Lines split on ``\n`` only, numbered as in the file; each line gives
``{"line": N, "decision": {...}}`` or ``{"line": N, "error": {"kind": "bad_input", "message": ...}}`` or, for an
internal error, ``{"line": N, "error": {"kind": "internal", "type": ..., "where": ...}}``, and the next line is
answered; the exit status is 1 if any line met an internal error, else 2 if any was bad input, else 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, NoReturn, TextIO

from .decision import Decision, Outcome
from .facts import Case
from .input import (
    BadInput,
    CaseInputError,
    batch_lines,
    binary,
    decode_case_bytes,
    parse_case,
    read_case,
    read_case_json,
)
from .limits import MAX_DAY, MAX_LINE_BYTES, MIN_DAY
from .monitor import command as monitor_command
from .questions.registry import REGISTRY
from .render import render_text

EXIT_DECIDED, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_UNDETERMINED = 0, 1, 2, 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PACKAGE = Path(__file__).resolve().parent


def _questions() -> Mapping[str, Any]:
    from .questions import QUESTIONS

    return QUESTIONS


def parse_date(text: str | None, what: str) -> date:
    """A date given on the command line: YYYY-MM-DD exactly, within the dates the library computes with."""
    if text is None or not _ISO_DAY.fullmatch(text):
        raise BadInput(f"{what}: give a date written YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{what}: not a real calendar date (YYYY-MM-DD)") from None
    if not MIN_DAY <= day <= MAX_DAY:
        raise BadInput(f"{what}: outside the dates the library computes with ({MIN_DAY} to {MAX_DAY})")
    return day


def _as_of(text: str | None) -> date:
    """``--as-of``, or today when it is not given (the only place the library reads the clock)."""
    return date.today() if text is None else parse_date(text, "--as-of")


def internal_error(exc: BaseException) -> dict[str, Any]:
    """An internal error as a record without case data: its kind, and where in the package it was raised."""
    where = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        file = Path(frame.f_code.co_filename)
        if file.is_relative_to(_PACKAGE):
            where = f"{file.relative_to(_PACKAGE.parent).as_posix()}:{line}"
    return {"kind": "internal", "type": exc.__class__.__name__, "where": where}


def _exit_code(decision: Decision) -> int:
    return EXIT_UNDETERMINED if decision.outcome is Outcome.UNDETERMINED else EXIT_DECIDED


def _explain(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    questions = _questions()
    as_of = _as_of(args.as_of)
    case = read_case(args.case, stdin)
    decision = questions[args.question](case, as_of, None)
    if args.format == "json":
        out.write(decision.model_dump_json(indent=2) + "\n")
    else:
        out.write(render_text(decision))
    return _exit_code(decision)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    if args.which == "case":
        schema = Case.model_json_schema(mode="validation")
    else:
        from .questions import decision_json_schema

        schema = decision_json_schema()
    out.write(json.dumps(schema, indent=2) + "\n")
    return EXIT_DECIDED


def _batch(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Answer one question for every line of a JSON Lines file. Every line yields a decision or an error record,
    numbered as in the file; an internal error on one line is recorded and the next line is answered. Exit 0 if
    every line was answered, 2 if some line was bad input, 1 if some line met an internal error."""
    questions = _questions()
    as_of = _as_of(args.as_of)
    question = questions[args.question]
    stream = binary(stdin) if args.cases in (None, "-") else _open(args.cases)
    kinds: set[str] = set()
    with stream:
        for number, raw in enumerate(batch_lines(stream), start=1):
            if raw is not None and not raw.strip():
                continue
            record = batch_record(number, raw, lambda case: question(case, as_of, None))
            if "error" in record:
                kinds.add(record["error"]["kind"])
                out.write(json.dumps(record) + "\n")
            else:
                out.write(f'{{"line": {number}, "decision": {record["decision"]}}}\n')
    return EXIT_INTERNAL if "internal" in kinds else (EXIT_BAD_INPUT if kinds else EXIT_DECIDED)


def batch_record(number: int, raw: bytes | None, answer: Callable[[Case], Decision]) -> dict[str, Any]:
    """The record for one batch line: ``decision`` (its JSON text), or ``error`` with the kind (``bad_input`` with
    a message naming fields, or ``internal`` with the error's type and place), never a value from the case."""
    if raw is None:
        return {"line": number, "error": {"kind": "bad_input",
                                          "message": f"the line is longer than {MAX_LINE_BYTES} bytes"}}
    try:
        case = parse_case(read_case_json(decode_case_bytes(raw, "the line", MAX_LINE_BYTES), "the line"))
    except CaseInputError as exc:
        return {"line": number, "error": {"kind": "bad_input", "message": str(exc)}}
    try:
        return {"line": number, "decision": answer(case).model_dump_json()}
    except Exception as exc:
        return {"line": number, "error": internal_error(exc)}


def _offences(args: argparse.Namespace, out: TextIO) -> int:
    """``offences search TEXT`` and ``offences show ID``: the Schedule 3 and Schedule 15 catalogue."""
    from .offences import offence_catalogue
    from .rulebook import default_rulebook

    catalogue = offence_catalogue(default_rulebook())
    if args.action == "search":
        found = catalogue.search(" ".join(args.text))
        for listing in found:
            e = listing.entry
            out.write(f"{e.offence:32} {listing.citation.provision:24} [{e.status.value}] {e.title}\n")
        out.write(f"{len(found)} found\n")
        return EXIT_DECIDED
    ident = " ".join(args.text)
    listings = catalogue.find(ident)
    if not listings:
        raise BadInput(f"offence id {ident!r} is not in the catalogue (try: mappa-rules offences search WORDS)")
    for listing in listings:
        e = listing.entry
        lines = [
            f"{e.offence}: {e.title}",
            f"  {e.enactment}" + (f" s.{e.section}" if e.section else ""),
            f"  listed in: {listing.citation} <{e.url}>",
            f"  in force: {e.in_force.start}" + (f" to {e.in_force.end}" if e.in_force.end else " (still in force)")
            + f" [dates {e.dates_status.value}]",
            f"  status: {e.status.value}",
            f"  condition: {e.condition_text or 'none'}",
        ]
        if e.applies_to_sentenced is not None:
            lines.append(f"  reaches: {e.applies_to_sentenced.words()}")
        if e.condition:
            lines.append(f"  as encoded: {e.condition}")
        if e.notes:
            lines.append(f"  notes: {e.notes}")
        out.write("\n".join(lines) + "\n")
    return EXIT_DECIDED


def _open(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError:
        raise BadInput(f"{path}: no such file") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise BadInput(message)


def _question_list() -> str:
    """The questions, one per line: the name to give, then what it asks (from the registry)."""
    width = max(len(q.cli) for q in REGISTRY)
    return "questions:\n" + "\n".join(f"  {q.cli.ljust(width)}  {q.summary}" for q in REGISTRY)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mappa-rules", description="Reasoned decisions on MAPPA and sex offender notification law.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    questions = sorted(q.cli for q in REGISTRY)
    listed, raw = _question_list(), argparse.RawDescriptionHelpFormatter
    explain = commands.add_parser("explain", help="answer one question about one case, with reasons", epilog=listed,
                                  formatter_class=raw)
    explain.add_argument("question", choices=questions, help="the question to answer (listed below)")
    explain.add_argument("case", nargs="?", help="case file (YAML or JSON); '-' or nothing reads standard input")
    explain.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    explain.add_argument("--format", choices=["text", "json"], default="text")
    schema = commands.add_parser("schema", help="print the JSON Schema of a case or a decision")
    schema.add_argument("which", choices=["case", "decision"])
    batch = commands.add_parser("batch", help="answer a question for each case of a JSON Lines file", epilog=listed,
                                formatter_class=raw)
    batch.add_argument("question", choices=questions, help="the question to answer (listed below)")
    batch.add_argument("cases", nargs="?", help="JSON Lines file; '-' or nothing reads standard input")
    batch.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    offences = commands.add_parser("offences", help="search or show the Schedule 3 / Schedule 15 offence catalogue")
    offences.add_argument("action", choices=["search", "show"])
    offences.add_argument("text", nargs="+", help="words to search for, or an offence id such as soa2003.s3")
    monitor_command.add_parser(commands)
    serve = commands.add_parser("serve", help="run the HTTP API and the page for staff (needs the 'server' extra)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    from .report.command import add_parser as add_report

    add_report(commands)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    out = out or sys.stdout
    stdin = stdin or sys.stdin
    try:
        args = build_parser().parse_args(argv)
        if args.command == "explain":
            return _explain(args, out, stdin)
        if args.command == "schema":
            return _schema(args, out)
        if args.command == "offences":
            return _offences(args, out)
        if args.command == "monitor":
            return monitor_command.run(args, out, stdin)
        if args.command == "serve":
            from .server import serve

            return serve(args.host, args.port)
        if args.command == "report":
            from .report.command import run_report

            return run_report(args, out)
        return _batch(args, out, stdin)
    except BadInput as exc:
        sys.stderr.write(f"mappa-rules: bad input: {exc}\n")
        return EXIT_BAD_INPUT
    except Exception as exc:
        failure = internal_error(exc)
        sys.stderr.write(f"mappa-rules: internal error ({failure['type']}) at {failure['where'] or 'unknown'}\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
