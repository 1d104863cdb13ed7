"""Command line: ``mappa-rules explain <question|all> [CASE] [--as-of DATE] [--format text|json | --brief]``, and
``batch``, ``check``, ``schema``, ``offences``, ``completion``, ``monitor``, ``serve``, ``report``.

Exit codes: 0 decided (yes or no), 3 undetermined, 2 bad input (the message names the field and the rule broken,
never a value given), 1 internal error (its kind and where, never the case); 130 on Ctrl-C, 141 when the reader
of standard output goes away (``... | head -1``), both without a traceback. With ``--format json`` an error is a
JSON object on standard error, ``{"error": {"kind": "bad_input", "problems": [{"field": ..., "reason": ...}]}}``,
with the same exit codes. The CLI is the only place that reads the clock: ``--as-of`` defaults to today, and when
given is a date written YYYY-MM-DD. Run bare it prints its usage (exit 2); a mistyped command, question or option
gets the nearest known name suggested.

A case file and standard input are read alike (:mod:`mappa_rules.input`): UTF-8 with an optional byte-order mark,
YAML or JSON, duplicate keys refused, within the limits of :mod:`mappa_rules.limits` (1 MiB, 250 list items, ...).
Reading from standard input that is a terminal prints a hint on standard error first.
``batch`` (:mod:`mappa_rules.batch`) reads JSON Lines split on ``\\n`` only, numbered as in the file; each line
gives ``{"line": N, "decision": {...}}`` or ``{"line": N, "error": {"kind": "bad_input", "message": ...}}`` or,
for an internal error, ``{"line": N, "error": {"kind": "internal", "type": ..., "where": ...}}``, in input order
whatever ``--jobs`` (worker processes; default all cores), and the next line is answered; the exit status is 1 if
any line met an internal error, else 2 if any was bad input, else 0. Progress goes to standard error only when it
is a terminal. ``check`` runs files of cases with their expected answers (``docs/check.md``): exit 0 all pass, 1
any fails, 2 a bad file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from ..input import BadInput
from .arguments import build_parser
from .commands import EXIT_BAD_INPUT, EXIT_DECIDED, EXIT_INTERNAL, EXIT_UNDETERMINED, parse_date
from .terminal import EXIT_CLOSED_PIPE, EXIT_INTERRUPTED, error_lines, quiet_stdout, wants_json

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLOSED_PIPE", "EXIT_DECIDED", "EXIT_INTERNAL", "EXIT_INTERRUPTED",
           "EXIT_UNDETERMINED", "build_parser", "main", "parse_date"]


def _run(argv: Sequence[str], out: TextIO, stdin: TextIO, err: TextIO) -> int:
    parser = build_parser()
    if not argv:
        parser.print_usage(err)
        raise BadInput("a command is required (mappa-rules --help lists them)")
    args = parser.parse_args(argv)
    from . import commands

    if args.command == "explain":
        return commands.explain(args, out, stdin, err)
    if args.command == "batch":
        return commands.batch(args, out, stdin, err)
    if args.command == "check":
        from .check import run_checks

        return run_checks(args.files, out)
    if args.command == "schema":
        return commands.schema(args, out)
    if args.command == "offences":
        return commands.offences(args, out)
    if args.command == "completion":
        from .completion import completion_script

        out.write(completion_script(parser, args.shell))
        return EXIT_DECIDED
    if args.command == "monitor":
        from ..monitor.command import run as run_monitor

        return run_monitor(args, out, stdin)
    if args.command == "serve":
        from ..server import serve

        return serve(args.host, args.port)
    from ..report.command import run_report

    return run_report(args, out)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    """Run the command line; the exit code is returned (the console script exits with it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out, stdin, err = out or sys.stdout, stdin or sys.stdin, sys.stderr
    as_json = wants_json(argv)
    try:
        code = _run(argv, out, stdin, err)
        out.flush()
        return code
    except SystemExit as exc:  # --help and --version print and exit 0
        return exc.code if isinstance(exc.code, int) else EXIT_DECIDED
    except BadInput as exc:
        err.write(error_lines("bad_input", exc, as_json))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        quiet_stdout(out)
        return EXIT_CLOSED_PIPE
    except KeyboardInterrupt:
        err.write("\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        from ..batch import internal_error

        err.write(error_lines("internal", exc, as_json, internal_error(exc)))
        return EXIT_INTERNAL
