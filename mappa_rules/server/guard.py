"""ASGI middleware around the whole application: the body size limit, the access log and the last-resort 500.

The access log records the method, the route's template (``/v1/questions/{question}``, never the query string
or a submitted path segment), the status and the time taken: nothing personal. An unexpected exception is
answered with a JSON 500 naming its kind only, and logged with its kind and stack of code locations, without
its message (which could quote case data).
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .casebody import MAX_BODY_BYTES
from .errors import ApiError, ErrorBody

access_log = logging.getLogger("mappa_rules.server.access")
error_log = logging.getLogger("mappa_rules.server.error")


SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
"""Sent with every response: nothing but this server may be loaded, and no answer is cached."""


class BodyTooLarge(Exception):
    """Raised while reading a body that goes past the limit."""


def _json(status: int, body: ErrorBody) -> tuple[Message, Message]:
    content = body.model_dump_json(exclude_none=True).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
    start: Message = {"type": "http.response.start", "status": status, "headers": headers}
    return start, {"type": "http.response.body", "body": content}


def too_large() -> ApiError:
    return ApiError(413, "payload_too_large", f"The body is larger than {MAX_BODY_BYTES} bytes.")


class Guard:
    """Refuses oversized bodies with 413, logs each request without personal data, turns crashes into 500s."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = {"status": 0, "sent": False}

        async def send_tracking(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"], state["sent"] = message["status"], True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        try:
            declared = dict(scope.get("headers", [])).get(b"content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
                raise BodyTooLarge
            await self.app(scope, self._limited(receive), send_tracking)
        except BodyTooLarge:
            await self._refuse(send_tracking, state, 413, too_large().body)
        except Exception as exc:  # the last resort: no traceback or case data leaves the server
            frames = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}"
                               for f in traceback.extract_tb(exc.__traceback__))
            error_log.error("internal error %s in %s %s at %s", exc.__class__.__name__, scope["method"],
                            _route(scope), frames)
            await self._refuse(send_tracking, state, 500, ErrorBody(
                error="internal_error", message=f"Internal error ({exc.__class__.__name__}); nothing was decided."))
        finally:
            access_log.info('%s %s %s %.1fms', scope["method"], _route(scope), state["status"] or "-",
                            (time.perf_counter() - started) * 1000)

    def _limited(self, receive: Receive) -> Receive:
        seen = 0

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        return receive_limited

    @staticmethod
    async def _refuse(send: Send, state: dict[str, Any], status: int, body: ErrorBody) -> None:
        if state["sent"]:
            return
        start, content = _json(status, body)
        await send(start)
        await send(content)


def _route(scope: Scope) -> str:
    """The matched route's template, or a fixed name: never a submitted path segment or the query."""
    path = getattr(scope.get("route"), "path", None)
    if isinstance(path, str):
        return path
    raw = str(scope.get("path", ""))
    if raw == "/openapi.json":
        return raw
    return "/static/{file}" if raw.startswith("/static/") else "(no route)"
