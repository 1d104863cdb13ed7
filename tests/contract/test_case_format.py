"""The case-format reference (``docs/reference/case-format.md``, generated) documents every field of the case
schema: its path, type and allowed values, a meaning and an example. It is kept fresh by
``tests/test_docs_fresh.py`` like every generated page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mappa_rules import docgen
from mappa_rules.docgen.case_format import CASE_FORMAT_PAGE, field_rows
from mappa_rules.schemas import exported_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rows() -> list[tuple[Any, ...]]:
    return field_rows(docgen.read_sources(ROOT))


def _fields(schema: dict[str, Any]) -> set[tuple[str, str]]:
    """(model, field) for every field of the case and of every model it uses."""
    models = {"Case": schema, **schema["$defs"]}
    return {(name, field) for name, model in models.items() for field in model.get("properties", {})}


def test_every_field_of_the_schema_is_on_the_page_once(rows: list[tuple[Any, ...]]) -> None:
    """Each model is documented where it is used, or once in a section of its own if used in several places, so
    the page has one row per field of each model of the schema."""
    fields = _fields(exported_schema("case"))
    assert len(rows) == len(fields)
    assert {row.key.rsplit(".", 1)[-1] for _, row, *_ in rows} == {field for _, field in fields}
    assert len({row.key for _, row, *_ in rows}) == len(rows)


def test_every_field_has_a_type_a_meaning_and_an_example(rows: list[tuple[Any, ...]]) -> None:
    lacking = [row.path for _, row, kind, meaning, example in rows if not (kind and meaning and example)]
    assert not lacking, f"describe these fields in mappa_rules/facts/ (Field(description=...)): {lacking}"


def test_the_page_is_generated_and_in_the_site() -> None:
    assert CASE_FORMAT_PAGE in docgen.GENERATED_FILES
    text = (ROOT / CASE_FORMAT_PAGE).read_text(encoding="utf-8")
    assert exported_schema("case")["$id"] in text
    assert "reference/case-format.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
