"""Reading a case from a request body: JSON (the default) or YAML text, within the documented limits.

Limits: the body is at most :data:`MAX_BODY_BYTES` (refused with 413 before it is read in full), and the parsed
case holds at most :data:`MAX_VALUES` values (YAML aliases count each time they are used, so an alias bomb is
refused with 413 too). Malformed JSON or YAML is refused with 400; a case that does not fit the model with 422,
naming each field and the reason without repeating the submitted value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request

from mappa_rules import Case
from mappa_rules.input import BadInput, load_case_data

from .errors import ApiError, FieldProblem, field_problems

MAX_BODY_BYTES = 1_000_000
"""The largest request body accepted (1 MB)."""
MAX_VALUES = 20_000
"""The most values (mappings, lists and scalars) a case may hold once parsed."""

JSON_TYPES = frozenset({"application/json"})
YAML_TYPES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
TEXT_TYPES = frozenset({"text/plain", "application/x-www-form-urlencoded"})
"""Read as YAML text (which includes JSON), so that ``curl --data-binary @case.yaml`` works without a header."""


@dataclass(frozen=True, slots=True)
class CaseText:
    """A request body as received: its bytes and whether it is YAML (otherwise JSON)."""

    body: bytes
    yaml: bool


async def case_text(request: Request) -> CaseText:
    """FastAPI dependency: the raw case from the body (the size limit is enforced by the guard middleware)."""
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if media not in JSON_TYPES | YAML_TYPES | TEXT_TYPES and not media.endswith("+json"):
        raise ApiError(415, "unsupported_media_type", "Send the case as application/json or application/yaml.")
    return CaseText(await request.body(), media in YAML_TYPES | TEXT_TYPES)


def parse_case(raw: CaseText) -> Case:
    """The validated case of ``raw``; raises :class:`ApiError` (400, 413 or 422) naming what is wrong."""
    data = parse_data(raw)
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems = field_problems(exc, data, *_schema_words())
        raise ApiError(422, "invalid_case", f"The case is not valid ({len(problems)} problem(s)).", problems) from None


def parse_data(raw: CaseText) -> dict[str, Any]:
    """The body parsed as a mapping, not yet validated."""
    if not raw.body.strip():
        raise ApiError(400, "malformed_body", "The body is empty: send the case as JSON or YAML.")
    try:
        text = raw.body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_body", "The body is not UTF-8 text.") from None
    try:
        data = _load(text, raw.yaml)
    except RecursionError:
        raise ApiError(400, "malformed_body", "The body is nested too deeply.") from None
    if not isinstance(data, dict):
        reason = "a case must be a mapping of fields (person, disposals, ...)"
        raise ApiError(422, "invalid_case", "The case must be a mapping of fields.",
                       [FieldProblem(field="case", reason=reason)])
    if _too_many_values(data):
        raise ApiError(413, "payload_too_large", f"The case holds more than {MAX_VALUES} values.")
    return data


def _load(text: str, yaml: bool) -> Any:
    if yaml:
        try:
            return load_case_data(text, "body")
        except BadInput as exc:
            raise ApiError(400, "malformed_body", f"The case is {str(exc).removeprefix('body: ')}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "malformed_body",
                       f"The body is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None


def _too_many_values(data: Any) -> bool:
    """Whether ``data`` holds more than MAX_VALUES values; stops counting as soon as it does."""
    count, stack = 0, [data]
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


@cache
def _schema_words() -> tuple[frozenset[str], frozenset[str]]:
    """The case schema's union tags (left out of error paths) and its enumerated values (not personal data)."""
    tags: set[str] = set()
    words: set[str] = set()
    stack: list[Any] = [Case.model_json_schema()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            tags.update(node.get("discriminator", {}).get("mapping", {}))
            words.update(v for v in node.get("enum", []) if isinstance(v, str))
            if isinstance(node.get("const"), str):
                words.add(node["const"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(tags), frozenset(words | tags)
