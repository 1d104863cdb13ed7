"""Reading a case: YAML or JSON text to a validated :class:`~mappa_rules.facts.Case`, with errors that name the
field and the reason (used by the command line, the server and the report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from .facts import Case


class BadInput(Exception):
    """Input the CLI cannot use; the message names the field or argument and the reason."""


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


