"""The command line's arguments: every command, its options, the questions listed with what each asks (from the
registry), and a "did you mean" for a mistyped question, command or option."""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Iterator
from typing import NoReturn

from ..input import BadInput
from ..questions.registry import REGISTRY

__all__ = ["ALL", "ArgumentError", "build_parser", "option_strings", "question_names", "version"]

ALL = "all"
"""``explain all``: every question for one case."""

_CHOICE = re.compile(r"invalid choice: '(?P<given>[^']*)'")
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): ")
_REQUIRED = re.compile(r"the following arguments are required: (?P<names>.+)")
_UNKNOWN = re.compile(r"unrecognized arguments: (?P<given>.*)")


class ArgumentError(BadInput):
    """An argument the parser refuses (exit 2); ``argument`` names it where the parser says which."""

    def __init__(self, message: str, argument: str | None = None) -> None:
        super().__init__(message)
        self.argument = argument


def version() -> str:
    """The installed version of the package (the source tree's, when it is run uninstalled)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("mappa-rules")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree that is not installed
        from .. import __version__

        return __version__


def question_names() -> list[str]:
    """The questions' command-line names, in the order of the registry."""
    return [q.cli for q in REGISTRY]


def _question_list() -> str:
    """The questions, one per line: the name to give, then what it asks (from the registry)."""
    width = max(len(q.cli) for q in REGISTRY)
    return "questions:\n" + "\n".join(f"  {q.cli.ljust(width)}  {q.summary}" for q in REGISTRY)


class _Parser(argparse.ArgumentParser):
    """Errors become :class:`ArgumentError` (exit 2, printed once by ``main``), with the nearest known name
    suggested for a mistyped choice or option."""

    def error(self, message: str) -> NoReturn:
        argument = None
        if (found := _ARGUMENT.match(message)) is not None:
            argument = found["name"]
        elif (found := _REQUIRED.match(message)) is not None:
            argument = found["names"].split(", ")[0]
        if (found := _CHOICE.search(message)) is not None:
            action = next((a for a in self._actions if a.choices and _shown(a) == argument), None)
            message += _suggest(found["given"], [str(c) for c in action.choices or ()] if action is not None else [])
        elif (found := _UNKNOWN.search(message)) is not None:
            first = found["given"].split()[0]
            if first.startswith("-"):
                argument = first.split("=", 1)[0]
                message = f"unrecognized option {argument}" + _suggest(argument, sorted(option_strings(self)))
            else:
                message = "more arguments than the command takes (see its --help)"
        raise ArgumentError(message, argument)


def _shown(action: argparse.Action) -> str:
    return "/".join(action.option_strings) or (action.metavar if isinstance(action.metavar, str) else action.dest)


def _suggest(given: str, known: list[str]) -> str:
    close = difflib.get_close_matches(given, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option any command accepts (``--as-of``, ``--format``, ...)."""
    return {o for p in _parsers(parser) for a in p._actions for o in a.option_strings}


def _add_explain(commands: argparse._SubParsersAction[_Parser], listed: str) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    explain = commands.add_parser("explain", help="answer one question about one case, with reasons", epilog=listed,
                                  formatter_class=raw)
    explain.add_argument("question", choices=[*question_names(), ALL], metavar="question",
                         help="the question to answer (listed below), or 'all' for every question")
    explain.add_argument("case", nargs="?", help="case file (YAML or JSON); '-' or nothing reads standard input")
    explain.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    view = explain.add_mutually_exclusive_group()
    view.add_argument("--format", choices=["text", "json"], default="text",
                      help="text to read, or the decision as JSON (errors too, on standard error)")
    view.add_argument("--brief", action="store_true",
                      help="the answer, key dates, missing facts and warnings only, wrapped to the terminal width")


def _add_batch(commands: argparse._SubParsersAction[_Parser], listed: str) -> None:
    batch = commands.add_parser("batch", help="answer a question for each case of a JSON Lines file", epilog=listed,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    batch.add_argument("question", choices=question_names(), metavar="question",
                       help="the question to answer (listed below)")
    batch.add_argument("cases", nargs="?", help="JSON Lines file; '-' or nothing reads standard input")
    batch.add_argument("--as-of", help="the date to answer for, YYYY-MM-DD (default: today)")
    batch.add_argument("--jobs", type=_jobs, help="worker processes (default: the cores available; 1 answers in "
                                                  "this process)")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("give a whole number of worker processes, 1 or more")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command (the documentation of ``docs/cli.md`` is generated from it)."""
    listed = _question_list()
    parser = _Parser(prog="mappa-rules", description="Reasoned decisions on MAPPA and sex offender notification law.",
                     epilog=listed, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="command")
    _add_explain(commands, listed)
    _add_batch(commands, listed)
    check = commands.add_parser("check", help="run files of cases with the answers expected of them (exit 1 if any "
                                              "differs); the format is in docs/check.md")
    check.add_argument("files", nargs="+", metavar="FILE", help="YAML file of cases and expected answers")
    schema = commands.add_parser("schema", help="print the JSON Schema of a case or a decision")
    schema.add_argument("which", choices=["case", "decision"])
    offences = commands.add_parser("offences", help="search or show the Schedule 3 / Schedule 15 offence catalogue")
    offences.add_argument("action", choices=["search", "show"])
    offences.add_argument("text", nargs="+", help="words to search for, or an offence id such as soa2003.s3")
    offences.add_argument("--format", choices=["text", "json"], default="text",
                          help="text to read, or JSON (errors too, on standard error)")
    completion = commands.add_parser("completion", help="print a shell completion script (bash or zsh)")
    completion.add_argument("shell", choices=["bash", "zsh"])
    from ..monitor.command import add_parser as add_monitor

    add_monitor(commands)
    serve = commands.add_parser("serve", help="run the HTTP API and the page for staff (needs the 'server' extra)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    from ..report.command import add_parser as add_report

    add_report(commands)
    return parser
