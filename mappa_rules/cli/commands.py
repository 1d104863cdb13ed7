"""The commands that answer: ``explain`` (one question or all of them, for one case), ``batch`` (one question for
every line of a file), ``schema`` and ``offences``."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from datetime import date
from typing import IO, Any, TextIO

from ..decision import Decision, Outcome
from ..input import BadInput, batch_lines, binary, read_case
from ..limits import MAX_DAY, MIN_DAY
from ..questions.registry import BY_CLI
from .arguments import ALL, question_names
from .terminal import Progress, stdin_hint

EXIT_DECIDED, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_UNDETERMINED = 0, 1, 2, 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def as_of(text: str | None) -> date:
    """``--as-of``, or today when it is not given (the only place the library reads the clock)."""
    return date.today() if text is None else parse_date(text, "--as-of")


def _exit_code(decisions: list[Decision]) -> int:
    return EXIT_UNDETERMINED if any(d.outcome is Outcome.UNDETERMINED for d in decisions) else EXIT_DECIDED


def explain(args: argparse.Namespace, out: TextIO, stdin: TextIO, err: TextIO) -> int:
    """One question, or every question (``all``), for one case. Exit 3 if any answer is undetermined."""
    from ..assessment import assess
    from ..render import render_brief, render_text

    day = as_of(args.as_of)
    if args.case in (None, "-"):
        stdin_hint(stdin, err, "the case (YAML or JSON)")
    case = read_case(args.case, stdin)
    if args.question == ALL:
        names = question_names()
        decisions = assess(case, day, names)
    else:
        names = [args.question]
        decisions = {args.question: BY_CLI[args.question].answer()(case, day, None)}
    if args.format == "json":
        if args.question == ALL:
            out.write("{\n" + ",\n".join(f"{json.dumps(name)}: {decisions[name].model_dump_json()}"
                                         for name in names) + "\n}\n")
        else:
            out.write(decisions[args.question].model_dump_json(indent=2) + "\n")
    elif args.brief:
        width = shutil.get_terminal_size().columns
        out.write("".join(render_brief(decisions[name], width) for name in names))
    else:
        out.write("\n".join(render_text(decisions[name]) for name in names))
    return _exit_code(list(decisions.values()))


def schema(args: argparse.Namespace, out: TextIO) -> int:
    """The exported JSON Schema of a case or a decision, with its ``$id`` and ``$schema``."""
    from ..schemas import exported_schema

    out.write(json.dumps(exported_schema(args.which), indent=2) + "\n")
    return EXIT_DECIDED


def batch(args: argparse.Namespace, out: TextIO, stdin: TextIO, err: TextIO) -> int:
    """Answer one question for every line of a JSON Lines file (:mod:`mappa_rules.batch`). Exit 0 if every line
    was answered, 2 if some line was bad input, 1 if some line met an internal error."""
    from ..batch import answer_lines, default_jobs

    day = as_of(args.as_of)
    if args.cases in (None, "-"):
        stdin_hint(stdin, err, "cases (one JSON object a line)")
    stream = binary(stdin) if args.cases in (None, "-") else _open(args.cases)
    kinds: set[str] = set()
    progress = Progress(err)
    with stream:
        lines = enumerate(batch_lines(stream), start=1)
        for kind, text in answer_lines(args.question, day, lines, args.jobs or default_jobs()):
            if kind is not None:
                kinds.add(kind)
            out.write(text + "\n")
            progress.step()
    progress.done()
    return EXIT_INTERNAL if "internal" in kinds else (EXIT_BAD_INPUT if kinds else EXIT_DECIDED)


def _open(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError:
        raise BadInput(f"{path}: no such file") from None


def offences(args: argparse.Namespace, out: TextIO) -> int:
    """``offences search TEXT`` and ``offences show ID``: the Schedule 3 and Schedule 15 catalogue, as text or
    JSON (the shapes of the HTTP service's ``/v1/offences`` routes)."""
    from ..offences import offence_catalogue
    from ..rulebook import default_rulebook

    catalogue = offence_catalogue(default_rulebook())
    text = " ".join(args.text)
    found = catalogue.search(text) if args.action == "search" else catalogue.find(text)
    if args.action == "show" and not found:
        raise BadInput("offence id: not in the catalogue (try: mappa-rules offences search WORDS)")
    if args.format == "json":
        shown = [_summary(listing) if args.action == "search" else _detail(listing) for listing in found]
        out.write(json.dumps(shown, indent=2) + "\n")
    elif args.action == "search":
        for listing in found:
            e = listing.entry
            out.write(f"{e.offence:32} {listing.citation.provision:24} [{e.status.value}] {e.title}\n")
        out.write(f"{len(found)} found\n")
    else:
        out.write("".join(_shown(listing) for listing in found))
    return EXIT_DECIDED


def _summary(listing: Any) -> dict[str, Any]:
    e = listing.entry
    return {"offence": e.offence, "title": e.title, "schedule": listing.schedule, "part": listing.part,
            "citation": listing.citation.model_dump(mode="json"), "status": e.status.value}


def _detail(listing: Any) -> dict[str, Any]:
    e = listing.entry
    return {**_summary(listing), "enactment": e.enactment, "section": e.section, "paragraph": e.paragraph,
            "url": e.url, "in_force": {"start": e.in_force.start.isoformat(),
                                       "end": e.in_force.end.isoformat() if e.in_force.end else None},
            "dates_status": e.dates_status.value, "condition_text": e.condition_text, "condition": e.condition,
            "notes": e.notes}


def _shown(listing: Any) -> str:
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
    return "\n".join(lines) + "\n"
