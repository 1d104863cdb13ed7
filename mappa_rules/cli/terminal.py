"""What the command line says on standard error, and how it behaves at a terminal or at the end of a pipe.

* An error is one line per problem, ``mappa-rules: bad input: FIELD: REASON``, or with ``--format json`` one JSON
  object ``{"error": {"kind": "bad_input", "problems": [{"field": ..., "reason": ...}]}}`` (``kind`` ``internal``
  with ``type`` and ``where`` for an internal error); the exit codes are the same either way.
* Reading a case from standard input that is a terminal prints a hint first, rather than waiting in silence.
* Progress of a long batch goes to standard error only when standard error is a terminal.
* When the reader of standard output goes away (``mappa-rules batch ... | head -1``) the command stops quietly
  with exit 141 (128 + SIGPIPE, what a shell reports for a command ended by a closed pipe); Ctrl-C stops it with
  exit 130 (128 + SIGINT), without a traceback either way.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Sequence
from time import monotonic
from typing import Any, TextIO

from ..input import BadInput, CaseValidationError

__all__ = ["EXIT_CLOSED_PIPE", "EXIT_INTERRUPTED", "Progress", "error_lines", "problems", "quiet_stdout",
           "stdin_hint", "wants_json"]

EXIT_INTERRUPTED = 130
"""Ctrl-C: 128 + SIGINT."""

EXIT_CLOSED_PIPE = 141
"""Standard output closed by its reader: 128 + SIGPIPE."""


def wants_json(argv: Sequence[str]) -> bool:
    """Whether errors are to be JSON: ``--format json`` among the arguments (read before they are parsed, so that
    an argument error is JSON too)."""
    args = list(argv)
    return "--format=json" in args or any(a == "--format" and b == "json" for a, b in itertools.pairwise(args))


def problems(exc: BadInput) -> list[dict[str, str | None]]:
    """The problems of a bad input as (field, reason) pairs: the case model's own, or the message split at its
    first ``: `` (the file, line or argument it names, then the reason)."""
    if isinstance(exc, CaseValidationError):
        return [{"field": p.field, "reason": p.reason} for p in exc.problems]
    text = str(exc)
    if hasattr(exc, "argument"):  # the parser's: the argument it names, if any
        named = exc.argument
        if named is not None:
            text = text.removeprefix(f"argument {named}: ")
    elif ": " in text:
        named, text = text.split(": ", 1)
    else:
        named = None
    return [{"field": named, "reason": text}]


def error_lines(kind: str, exc: BaseException, as_json: bool, internal: dict[str, Any] | None = None) -> str:
    """What is written to standard error for a bad input (``kind`` ``bad_input``) or an internal error."""
    if kind == "internal":
        assert internal is not None
        if as_json:
            return json.dumps({"error": internal}) + "\n"
        return f"mappa-rules: internal error ({internal['type']}) at {internal['where'] or 'unknown'}\n"
    assert isinstance(exc, BadInput)
    if as_json:
        return json.dumps({"error": {"kind": "bad_input", "problems": problems(exc)}}) + "\n"
    return f"mappa-rules: bad input: {exc}\n"


def stdin_hint(stdin: TextIO, err: TextIO, what: str) -> None:
    """Say so when ``what`` is to be read from a terminal, which would otherwise wait in silence."""
    isatty = getattr(stdin, "isatty", None)
    if isatty is not None and isatty():
        err.write(f"mappa-rules: reading {what} from standard input; end it with Ctrl-D "
                  "(or give a file; --help for more)\n")
        err.flush()


def quiet_stdout(out: TextIO) -> None:
    """After the reader of standard output has gone: point it at the null device, so that the interpreter's last
    flush on exit does not fail again and print a warning."""
    try:
        fileno = out.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's StringIO)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


class Progress:
    """Lines answered so far, on one line of standard error redrawn every ``every`` seconds, from ``every``
    seconds after the start (a short run shows nothing), and only when standard error is a terminal (a log file or
    a pipe gets nothing)."""

    def __init__(self, err: TextIO, every: float = 0.5) -> None:
        isatty = getattr(err, "isatty", None)
        self.err = err if isatty is not None and isatty() else None
        self.every = every
        self.shown = monotonic()
        self.drawn = False
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.err is not None and (now := monotonic()) - self.shown >= self.every:
            self.shown, self.drawn = now, True
            self.err.write(f"\rmappa-rules: {self.count} lines answered")
            self.err.flush()

    def done(self) -> None:
        if self.err is not None and self.drawn:
            self.err.write(f"\rmappa-rules: {self.count} lines answered\n")
            self.err.flush()
