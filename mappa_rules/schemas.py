"""The exported JSON Schemas of the two contracts: the case (input) and the decision (output), each with its own
version, a stable ``$id`` and the JSON Schema dialect (``$schema``, draft 2020-12).

The command line's ``schema`` command and the HTTP service's ``/v1/schemas/...`` routes print what
:func:`exported_schema` returns, so the two always agree. The versioning policy (what changes a version, what an
``$id`` names) is ``docs/versioning.md``.
"""

from __future__ import annotations

from typing import Any

from .decision import SCHEMA_VERSION
from .facts import Case
from .questions import decision_json_schema

__all__ = [
    "CASE_SCHEMA_VERSION",
    "DECISION_SCHEMA_VERSION",
    "JSON_SCHEMA_DIALECT",
    "SCHEMA_ID_PREFIX",
    "SCHEMA_KINDS",
    "exported_schema",
    "schema_id",
    "schema_version",
]

CASE_SCHEMA_VERSION = "1.0"
"""The version of the case (input) contract, ``MAJOR.MINOR``: the major grows when a case that was valid may be
rejected or read differently, the minor when a field or an allowed value is added."""

DECISION_SCHEMA_VERSION = SCHEMA_VERSION
"""The version of the decision (output) contract; every decision carries it as ``schema_version``."""

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The dialect the exported schemas are written in (pydantic writes JSON Schema draft 2020-12)."""

SCHEMA_ID_PREFIX = "urn:mappa-rules:schema:"
"""Every ``$id`` is ``urn:mappa-rules:schema:<kind>:<version>``: a name, not an address to fetch."""

SCHEMA_KINDS = ("case", "decision")
"""The contracts that have a schema."""


def schema_version(kind: str) -> str:
    """The current version of a contract (``ValueError`` for a kind that has no schema)."""
    versions = {"case": CASE_SCHEMA_VERSION, "decision": DECISION_SCHEMA_VERSION}
    if kind not in versions:
        raise ValueError(f"no schema {kind!r}: the schemas are {', '.join(SCHEMA_KINDS)}")
    return versions[kind]


def schema_id(kind: str) -> str:
    """The ``$id`` of a contract's schema at its current version, e.g. ``urn:mappa-rules:schema:case:1.0``."""
    return f"{SCHEMA_ID_PREFIX}{kind}:{schema_version(kind)}"


def exported_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``case`` (as validated: what a caller may send) or ``decision`` (as serialised: what a
    caller receives, one variant per question), opening with ``$schema`` and ``$id``. ``ValueError`` names the
    kinds for any other."""
    header = {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id(kind)}
    body = Case.model_json_schema(mode="validation") if kind == "case" else decision_json_schema()
    lead: dict[str, Any] = {key: body[key] for key in ("title", "description") if key in body}
    return {**header, **lead, **body}
