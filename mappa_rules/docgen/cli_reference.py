"""The command-line reference, ``docs/cli.md``, read from the argument parser and the registry of questions."""

from __future__ import annotations

import argparse

from . import markdown as md

__all__ = ["cli_reference"]


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(prog=parser.prog, width=100)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def cli_reference() -> str:
    from .. import cli
    from ..questions.registry import REGISTRY

    parser = cli.build_parser()
    body = [
        "# Command-line reference",
        "",
        "Generated from the argument parser, `mappa_rules.cli.build_parser()`, so it lists exactly what the",
        "installed command accepts.",
        "",
        md.prose(cli.__doc__ or ""),
        "",
        "```text",
        _usage(parser),
        "```",
    ]
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {a.dest: a.help or "" for a in action._choices_actions}
        for name, sub in action.choices.items():
            body += [
                "",
                f"## `mappa-rules {name}` {{#{name}}}",
                "",
                _sentence(helps.get(name, "")),
                "",
                "```text",
                _usage(sub),
                "```",
            ]
            rows = []
            for argument in sub._actions:
                if isinstance(argument, argparse._HelpAction):
                    continue
                flag = ", ".join(argument.option_strings) or str(argument.dest)
                required = not argument.option_strings and argument.nargs not in ("?", "*")
                default = argument.default
                rows.append(
                    [
                        md.code(flag),
                        "required" if required or argument.required else "optional",
                        md.text(argument.help or ""),
                        ", ".join(md.code(c) for c in argument.choices or ()),
                        "" if default in (None, argparse.SUPPRESS) else md.code(default),
                    ]
                )
            body += md.table(["Argument", "Needed", "Meaning", "Choices", "Default"], rows)
    body += ["", "## Questions", ""]
    body += md.table(
        ["Question", "Id (module)", "What it asks"],
        [[md.code(q.cli), md.code(q.id), md.text(q.summary)] for q in REGISTRY],
    )
    return md.page("Command-line reference", "mappa_rules/cli.py", body)


def _sentence(text: str) -> str:
    """A help string as a sentence: capital first letter, full stop."""
    text = md.text(text.strip())
    return f"{text[:1].upper()}{text[1:]}." if text else ""
