"""Reading a case: the one reader for files, standard input, batch lines and any other caller (the HTTP server).

Text is UTF-8, with an optional byte-order mark; a case is a YAML or JSON mapping. Duplicate keys are refused (the
later one would otherwise silently win), dates are left as text for the case model to check, and the limits of
:mod:`mappa_rules.limits` (bytes, nesting, values after YAML aliases are expanded, items per list) are checked
before any work is done. Every error names the field or the place, and the rule broken, never a value from the
case: error messages travel further than decisions do.

* :func:`read_case_text` - text -> the case's data (a mapping), or :class:`CaseInputError`;
* :func:`parse_case` - a mapping, text or bytes -> a validated :class:`~mappa_rules.facts.Case`, or
  :class:`CaseInputError` / :class:`CaseValidationError`;
* :func:`read_case` - a file or standard input (read alike, as bytes) -> a validated case.

:class:`BadInput` is :class:`CaseInputError` under the name the command line and the server use.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TextIO

from pydantic import ValidationError

from .engine.yaml_reader import YamlLimits, YamlProblem, key_name, load_yaml
from .facts import Case
from .facts.problems import Problem, field_path, problems_of
from .limits import MAX_CASE_BYTES, MAX_LINE_BYTES, MAX_NESTING, MAX_YAML_NODES

__all__ = [
    "BadInput",
    "CaseInputError",
    "CaseValidationError",
    "batch_lines",
    "binary",
    "decode_case_bytes",
    "describe_validation_error",
    "field_path",
    "load_case_data",
    "parse_case",
    "read_case",
    "read_case_json",
    "read_case_text",
]

BOM = "\ufeff"
_YAML_LIMITS = YamlLimits(max_nodes=MAX_YAML_NODES, max_depth=MAX_NESTING)


class CaseInputError(ValueError):
    """Input that is not a readable case. The message names the source and the rule broken, never the content."""


BadInput = CaseInputError
"""The name the command line and the HTTP server give to input they cannot use."""


class CaseValidationError(CaseInputError):
    """A case that breaks the case model: ``str()`` lists each field and the rule it breaks, one per line, and
    never a value given. ``problems`` holds them as (field, reason) pairs; ``validation_error`` is pydantic's own
    error, which does carry the values, for callers who want it."""

    def __init__(self, problems: list[Problem], validation_error: ValidationError) -> None:
        self.problems = problems
        self.validation_error = validation_error
        super().__init__("\n".join(f"{p.field}: {p.reason}" for p in problems))


def describe_validation_error(exc: ValidationError) -> str:
    """One line per problem: the field's path, then the rule broken (never the value given)."""
    return "\n".join(f"{p.field}: {p.reason}" for p in problems_of(exc))


def decode_case_bytes(raw: bytes, source: str, limit: int = MAX_CASE_BYTES) -> str:
    """``raw`` as text: UTF-8 with an optional byte-order mark, at most ``limit`` bytes."""
    if len(raw) > limit:
        raise CaseInputError(f"{source}: larger than {limit} bytes (the limit for one case)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseInputError(f"{source}: not UTF-8 text (byte {exc.start + 1} cannot be read)") from None
    return text.removeprefix(BOM)


def read_case_text(text: str, source: str) -> dict[str, Any]:
    """The data of one case written as YAML or JSON (a mapping), within the limits of :mod:`mappa_rules.limits`."""
    text = text.removeprefix(BOM)
    if len(text) > MAX_CASE_BYTES and len(text.encode("utf-8")) > MAX_CASE_BYTES:
        raise CaseInputError(f"{source}: larger than {MAX_CASE_BYTES} bytes (the limit for one case)")
    if not text.strip():
        raise CaseInputError(f"{source}: the case is empty")
    if text.lstrip().startswith("{"):
        try:
            return read_case_json(text, source)
        except _NotJson:
            pass  # a YAML flow mapping, perhaps
    try:
        data = load_yaml(text, _YAML_LIMITS, dates_as_text=True)
    except YamlProblem as exc:
        where = "" if exc.line is None else f" at line {exc.line}"
        raise CaseInputError(f"{source}: {exc.reason}{where}") from None
    return _mapping(data, source)


class _NotJson(CaseInputError):
    """Text that is not JSON at all (it may still be YAML)."""


def read_case_json(text: str, source: str) -> dict[str, Any]:
    """The data of one case written as JSON (a batch line): duplicate keys, NaN and deep nesting refused."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except _DuplicateKey as exc:
        raise CaseInputError(f"{source}: the key {key_name(exc.key)} is given twice") from None
    except json.JSONDecodeError as exc:
        raise _NotJson(f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise CaseInputError(f"{source}: nested more than {MAX_NESTING} levels deep") from None
    except ValueError:  # NaN or Infinity, or a number too long to convert
        raise CaseInputError(f"{source}: not valid JSON (a number that cannot be read)") from None
    _check_nesting(data, source)
    return _mapping(data, source)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _check_nesting(data: Any, source: str) -> None:
    todo: list[tuple[Any, int]] = [(data, 1)]
    while todo:
        node, depth = todo.pop()
        if depth > MAX_NESTING:
            raise CaseInputError(f"{source}: nested more than {MAX_NESTING} levels deep")
        if isinstance(node, dict):
            todo.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            todo.extend((v, depth + 1) for v in node if isinstance(v, dict | list))


def _mapping(data: Any, source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise CaseInputError(f"{source}: a case must be a mapping of fields (person, disposals, ...)")
    return data


def parse_case(data: Mapping[str, Any] | str | bytes, source: str = "case") -> Case:
    """A validated case from its data (a mapping) or its text (YAML or JSON, as str or UTF-8 bytes).

    Raises :class:`CaseInputError` for input that is not a readable case and :class:`CaseValidationError` for a
    case that breaks the model; neither message carries a value from the case.
    """
    if isinstance(data, bytes):
        data = decode_case_bytes(data, source)
    if isinstance(data, str):
        data = read_case_text(data, source)
    if not isinstance(data, Mapping):
        raise CaseInputError(f"{source}: a case must be a mapping of fields (person, disposals, ...)")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseValidationError(problems_of(exc), exc) from None


def load_case_data(text: str, source: str) -> dict[str, Any]:
    """The data of one case from its YAML or JSON text: :func:`read_case_text` (the name the server uses)."""
    return read_case_text(text, source)


def read_case(path: str | None, stdin: TextIO) -> Case:
    """The case in a file, or on standard input (``None`` or ``-``): both read as bytes, at most
    :data:`~mappa_rules.limits.MAX_CASE_BYTES`, UTF-8 with an optional byte-order mark."""
    source = "standard input" if path in (None, "-") else str(path)
    if path in (None, "-"):
        raw = _read_limited(binary(stdin), source)
    else:
        file = Path(str(path))
        if not file.is_file():
            raise CaseInputError(f"{source}: no such file")
        try:
            with file.open("rb") as handle:
                raw = _read_limited(handle, source)
        except OSError as exc:
            raise CaseInputError(f"{source}: cannot be read ({exc.__class__.__name__})") from None
    return parse_case(decode_case_bytes(raw, source), source)


def _read_limited(stream: IO[bytes], source: str) -> bytes:
    raw = stream.read(MAX_CASE_BYTES + 1)
    if len(raw) > MAX_CASE_BYTES:
        raise CaseInputError(f"{source}: larger than {MAX_CASE_BYTES} bytes (the limit for one case)")
    return raw


def binary(stream: IO[Any]) -> IO[bytes]:
    """The bytes of a stream: its buffer for a real file or standard input, else its text encoded (a test's
    ``StringIO``)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))


def batch_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The lines of a JSON Lines stream (a ``batch`` file, a caseload), split on ``\\n`` only (a carriage return
    inside a line is part of it), without a byte-order mark on the first; None for a line longer than ``limit``
    bytes, whose rest is skipped."""
    first = True
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if first:
            line, first = line.removeprefix(b"\xef\xbb\xbf"), False
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield None
            continue
        yield line.removesuffix(b"\n")
