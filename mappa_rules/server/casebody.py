"""Reading a case from a request body: JSON (the default) or YAML text, within the documented limits, through the
library's one reader (:mod:`mappa_rules.input`).

Limits: the body is at most :data:`MAX_BODY_BYTES` (refused with 413 before it is read in full); YAML is read with
the reader's limits (values after its aliases are expanded, nesting: an alias bomb is refused with 413), and the
parsed case holds at most :data:`MAX_VALUES` values (413 too). A key given twice, malformed JSON or YAML, text that
is not UTF-8 or nesting deeper than the reader allows is refused with 400; a case that does not fit the model with
422, naming each field and the rule it breaks, never the submitted value.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from starlette.requests import Request

from mappa_rules import Case
from mappa_rules import input as reader
from mappa_rules.input import CaseInputError, CaseValidationError, decode_case_bytes, load_case_data, read_case_json

from .errors import ApiError, FieldProblem, leading_field, path_of

MAX_BODY_BYTES = 1_000_000
"""The largest request body accepted (1 MB)."""
MAX_VALUES = 20_000
"""The most values (mappings, lists and scalars) a case may hold once parsed."""
SOURCE = "body"
"""How the reader names the request body in its messages (the prefix is taken off)."""

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
        return reader.parse_case(data, SOURCE)
    except CaseValidationError as exc:
        problems = field_problems(exc)
        raise ApiError(422, "invalid_case", f"The case is not valid ({len(problems)} problem(s)).", problems) from None


def field_problems(exc: CaseValidationError) -> list[FieldProblem]:
    """Each problem the reader found, at its path in the case as sent (a union's tag left out), the reason as the
    reader words it (a rule, never a value); a model-level check whose reason begins with a field is reported
    against that field."""
    tags = _schema_tags()
    errors = exc.validation_error.errors(include_input=False, include_url=False)
    found = []
    for err, problem in zip(errors, exc.problems, strict=True):
        where = path_of(err["loc"], tags)
        lead = leading_field(problem.reason) if err["type"] == "value_error" else None
        if lead:
            where = f"{where}.{lead}" if where else lead
        found.append(FieldProblem(field=where or "case", reason=problem.reason))
    return found


def parse_data(raw: CaseText) -> dict[str, Any]:
    """The body read as a mapping (by the library's reader), not yet validated."""
    if not raw.body.strip():
        raise ApiError(400, "malformed_body", "The body is empty: send the case as JSON or YAML.")
    try:
        text = decode_case_bytes(raw.body, SOURCE, MAX_BODY_BYTES)
        data = load_case_data(text, SOURCE) if raw.yaml else read_case_json(text, SOURCE)
    except CaseInputError as exc:
        raise _refusal(str(exc).removeprefix(f"{SOURCE}: ")) from None
    if _too_many_values(data):
        raise ApiError(413, "payload_too_large", f"The case holds more than {MAX_VALUES} values.")
    return data


def _refusal(reason: str) -> ApiError:
    """The reader's refusal as an HTTP error: a size limit 413, a body that is not a mapping 422, the rest 400."""
    if reason.startswith(("larger than", "more than")):
        return ApiError(413, "payload_too_large", f"The case is {reason}.")
    if reason.startswith("a case must be a mapping"):
        return ApiError(422, "invalid_case", "The case must be a mapping of fields.",
                        [FieldProblem(field="case", reason=reason)])
    return ApiError(400, "malformed_body", f"The body is {reason}." if reason.startswith("not ") else
                    f"The body cannot be read: {reason}.")


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
def _schema_tags() -> frozenset[str]:
    """The case schema's union tags (pydantic puts them in error locations; they are left out of the paths)."""
    tags: set[str] = set()
    stack: list[Any] = [Case.model_json_schema()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            tags.update(node.get("discriminator", {}).get("mapping", {}))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(tags)
