"""Error bodies: a JSON object naming the kind of error, and for bad input each field with the reason.

No error body ever echoes a submitted value: a case is read and checked by the library's reader, whose messages
name fields and rules only; messages about the request's own parameters that quote a value have it replaced by
``…`` before they leave the server; and nothing of the case is logged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import JSONResponse

REDACTED = "…"
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_LEADING_PATH = re.compile(r"^([A-Za-z_]\w*(?:\[\d+\])?(?:\.[A-Za-z_]\w*(?:\[\d+\])?)*)(?=: | \(| is | needs )")


class FieldProblem(BaseModel):
    """One problem with the request: where it is and why it is refused."""

    field: str = Field(description="Path of the field, e.g. 'person.date_of_birth' or 'disposals[0].sentence.term'.")
    reason: str = Field(description="Why the value is refused; the submitted value itself is never repeated.")


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: str = Field(description="The kind of error, e.g. 'invalid_case', 'unknown_question', 'payload_too_large'.")
    message: str = Field(description="One sentence for a person.")
    fields: list[FieldProblem] = Field(default_factory=list, description="For bad input: each field and the reason.")
    known: list[str] | None = Field(default=None, description="For an unknown question: the questions there are.")


class ApiError(Exception):
    """An error the API answers with a JSON :class:`ErrorBody` and the given HTTP status."""

    def __init__(
        self, status: int, error: str, message: str,
        fields: Sequence[FieldProblem] = (), known: Sequence[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = ErrorBody(error=error, message=message, fields=list(fields),
                              known=None if known is None else list(known))


def error_response(exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body.model_dump(exclude_none=True), status_code=exc.status)


async def api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Starlette exception handler for :class:`ApiError`."""
    assert isinstance(exc, ApiError)
    return error_response(exc)


def invalid_parameter(name: str, reason: str) -> ApiError:
    return ApiError(422, "invalid_parameter", f"The parameter '{name}' is not valid.",
                    [FieldProblem(field=name, reason=reason)])


def redact(message: str, submitted: Iterable[str]) -> str:
    """``message`` with every submitted string of two characters or more, and anything date-like, replaced."""
    for value in sorted({s for s in submitted if len(s) >= 2}, key=len, reverse=True):
        message = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", REDACTED, message)
    return _DATE_LIKE.sub(REDACTED, message)


def path_of(loc: Sequence[str | int], tags: frozenset[str] = frozenset()) -> str:
    """``('disposals', 0, 'sentence', 'imprisonment', 'term')`` -> ``disposals[0].sentence.term``.

    A union's tag that pydantic puts in the location (listed in ``tags``) is left out of the path.
    """
    path = ""
    previous: str | int | None = None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not (part in tags and isinstance(previous, str)):
            path += f".{part}" if path else part
        previous = part
    return path


def leading_field(reason: str) -> str | None:
    """The field a model-level check's reason begins with (``end is before start``: ``end``), if it does."""
    lead = _LEADING_PATH.match(reason)
    return lead.group(1) if lead else None
