"""The FastAPI application: the API under ``/v1``, the staff page at ``/``, the OpenAPI document and its page.

FastAPI's own Swagger UI and ReDoc pages load their scripts from a CDN, so they are turned off; ``/docs`` is a
self-contained page that reads ``/openapi.json``. Every response carries a content security policy that allows
nothing but this server, so the page works offline and sends nothing elsewhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.requests import Request

import mappa_rules
from mappa_rules import Case, default_rulebook

from .adapter import offence_catalogue
from .errors import ApiError, ErrorBody, FieldProblem, api_error_handler, error_response, redact
from .guard import Guard
from .routes import question_router, router

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """Reasoned decisions on MAPPA, sex offender notification (Sexual Offences Act 2003 Part 2) and civil
orders. POST a case (JSON, or YAML with `Content-Type: application/yaml`) to `/v1/questions/{question}?as_of=DATE`.

Limits: bodies up to 1 MB and cases of up to 20,000 values (413 beyond). Errors are JSON:
`{"error": kind, "message": ..., "fields": [{"field": path, "reason": ...}]}`, never repeating a submitted value.
"""


@asynccontextmanager
async def _warm(app: FastAPI) -> AsyncIterator[None]:
    """Load the rule book and the offence catalogue before the first request (both are immutable and shared)."""
    default_rulebook()
    offence_catalogue()
    yield


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    kinds = {404: "not_found", 405: "method_not_allowed"}
    return error_response(ApiError(exc.status_code, kinds.get(exc.status_code, "http_error"),
                                   "No such page or method." if exc.status_code in kinds else "Request refused."))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "header", "body")]
        shown = {str(err["input"])} if isinstance(err.get("input"), str | int) else set()
        problems.append(FieldProblem(field=".".join(loc) or "request", reason=redact(str(err["msg"]), shown)))
    return error_response(ApiError(422, "invalid_parameter", "A parameter is not valid.", problems))


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the case schema (the request body, read by hand) among the components."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        case = Case.model_json_schema(mode="validation", ref_template="#/components/schemas/{model}")
        for name, definition in {**case.pop("$defs", {}), "Case": case}.items():
            if components.setdefault(name, definition) != definition:
                raise RuntimeError(f"schema name {name} is used twice")  # pragma: no cover - a build-time check
        app.openapi_schema = schema
    return app.openapi_schema


def create_app() -> FastAPI:
    """A new application; the rule book it answers from is the shared, immutable default."""
    app = FastAPI(title="mappa-rules", version=mappa_rules.__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=_warm)
    app.include_router(question_router())
    app.include_router(router)
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    return app


__all__ = ["ErrorBody", "create_app"]
