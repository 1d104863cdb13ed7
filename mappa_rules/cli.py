"""Command line: ``mappa-rules explain <question> [CASE] [--as-of DATE] [--format text|json]``.

Exit codes: 0 decided (yes or no), 3 undetermined, 2 bad input (the message names the field), 1 internal error.
The CLI is the only place that reads the clock: ``--as-of`` defaults to today.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from pydantic import ValidationError

from .decision import Decision, Outcome
from .facts import Case
from .monitor import command as monitor_command
from .render import render_text

EXIT_DECIDED, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_UNDETERMINED = 0, 1, 2, 3


class BadInput(Exception):
    """Input the CLI cannot use; the message names the field or argument and the reason."""


def _questions() -> Mapping[str, Any]:
    from .questions import QUESTIONS

    return QUESTIONS


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{what}: {text!r} is not a date written YYYY-MM-DD") from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line per problem: the field path, then the reason."""
    lines = []
    for err in exc.errors():
        path = ""
        for part in err["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        message = str(err["msg"]).removeprefix("Value error, ")
        lines.append(f"{path or 'case'}: {message}")
    return "\n".join(lines)


def _case_loader() -> Any:
    """A safe YAML loader that leaves dates as text, so that the case model names a bad date's field."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class CaseLoader(base):  # type: ignore[misc]
        pass

    CaseLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return CaseLoader


def load_case_data(text: str, source: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_case_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise BadInput(f"{source}: not valid YAML or JSON{where}") from None


def read_case(path: str | None, stdin: TextIO) -> Case:
    source = "standard input" if path in (None, "-") else str(path)
    if path in (None, "-"):
        text = stdin.read()
    else:
        file = Path(str(path))
        if not file.is_file():
            raise BadInput(f"{source}: no such file")
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{source}: cannot be read ({exc.__class__.__name__})") from None
    if not text.strip():
        raise BadInput(f"{source}: the case is empty")
    data = load_case_data(text, source)
    if not isinstance(data, dict):
        raise BadInput(f"{source}: a case must be a mapping of fields (person, disposals, ...)")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise BadInput(describe_validation_error(exc)) from None


def _exit_code(decision: Decision) -> int:
    return EXIT_UNDETERMINED if decision.outcome is Outcome.UNDETERMINED else EXIT_DECIDED


def _explain(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    questions = _questions()
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
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
        schema = Decision.model_json_schema(mode="serialization")
    out.write(json.dumps(schema, indent=2) + "\n")
    return EXIT_DECIDED


def _batch(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Answer one question for every line of a JSON Lines file; every line yields a decision or an error."""
    questions = _questions()
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
    question = questions[args.question]
    stream = stdin if args.cases in (None, "-") else _open(args.cases)
    errors = 0
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                case = Case.model_validate_json(line)
            except ValidationError as exc:
                errors += 1
                out.write(json.dumps({"line": number, "error": describe_validation_error(exc)}) + "\n")
                continue
            decision = question(case, as_of, None)
            out.write(f'{{"line": {number}, "decision": {decision.model_dump_json()}}}\n')
    return EXIT_BAD_INPUT if errors else EXIT_DECIDED


def _offences(args: argparse.Namespace, out: TextIO) -> int:
    """``offences search TEXT`` and ``offences show ID``: the Schedule 3 and Schedule 15 catalogue."""
    from .engine.loader import default_rulebook

    catalogue = default_rulebook().offences
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
        if e.condition:
            lines.append(f"  as encoded: {e.condition}")
        if e.notes:
            lines.append(f"  notes: {e.notes}")
        out.write("\n".join(lines) + "\n")
    return EXIT_DECIDED


def _open(path: str) -> TextIO:
    try:
        return open(path, encoding="utf-8")
    except OSError:
        raise BadInput(f"{path}: no such file") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise BadInput(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mappa-rules", description="Reasoned decisions on MAPPA and sex offender notification law.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    explain = commands.add_parser("explain", help="answer one question about one case, with reasons")
    explain.add_argument("question", choices=sorted(_questions()))
    explain.add_argument("case", nargs="?", help="case file (YAML or JSON); '-' or nothing reads standard input")
    explain.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    explain.add_argument("--format", choices=["text", "json"], default="text")
    schema = commands.add_parser("schema", help="print the JSON Schema of a case or a decision")
    schema.add_argument("which", choices=["case", "decision"])
    batch = commands.add_parser("batch", help="answer a question for each case of a JSON Lines file")
    batch.add_argument("question", choices=sorted(_questions()))
    batch.add_argument("cases", nargs="?", help="JSON Lines file; '-' or nothing reads standard input")
    batch.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    offences = commands.add_parser("offences", help="search or show the Schedule 3 / Schedule 15 offence catalogue")
    offences.add_argument("action", choices=["search", "show"])
    offences.add_argument("text", nargs="+", help="words to search for, or an offence id such as soa2003.s3")
    monitor_command.add_parser(commands)
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
        return _batch(args, out, stdin)
    except BadInput as exc:
        sys.stderr.write(f"mappa-rules: bad input: {exc}\n")
        return EXIT_BAD_INPUT
    except Exception as exc:
        sys.stderr.write(f"mappa-rules: internal error ({exc.__class__.__name__}): {exc}\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
