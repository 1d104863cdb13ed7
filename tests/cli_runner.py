"""The command line run in-process for tests: standard input given as text, or as the bytes a real process gets;
standard output and error captured."""

from __future__ import annotations

import io
import sys

from mappa_rules.cli import main


def run_cli(args: list[str], stdin: str | bytes = "", err: io.StringIO | None = None) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of ``mappa-rules ARGS``."""
    out, err = io.StringIO(), err or io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8") if isinstance(stdin, bytes) else io.StringIO(stdin)
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main(args, out=out, stdin=source)
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()
