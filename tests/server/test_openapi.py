"""The OpenAPI document lists every question, its body and its answer; the pages load nothing from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from mappa_rules import QUESTIONS, Case
from mappa_rules.questions.registry import BY_CLI

STATIC = Path(__file__).resolve().parents[2] / "mappa_rules" / "server" / "static"


def refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(refs(v) for v in node))
    return set()


def test_every_question_has_its_own_documented_path(client: TestClient) -> None:
    api = client.get("/openapi.json").json()
    for name in QUESTIONS:
        post = api["paths"][f"/v1/questions/{name}"]["post"]
        assert post["summary"]
        body = post["requestBody"]["content"]
        assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/Case"}
        assert "application/yaml" in body
        ok = post["responses"]["200"]["content"]["application/json"]["schema"]
        value_model = BY_CLI[name].value
        assert ok == {"$ref": f"#/components/schemas/Decision_{value_model}"}
        decision = api["components"]["schemas"][f"Decision_{value_model}"]
        assert decision["properties"]["value"] == {"$ref": f"#/components/schemas/{value_model}"}
        assert {"400", "413", "422", "500"} <= set(post["responses"])
        assert [p["name"] for p in post["parameters"]] == ["as_of"]


def test_every_reference_resolves_and_the_case_schema_is_the_library_one(client: TestClient) -> None:
    api = client.get("/openapi.json").json()
    schemas = api["components"]["schemas"]
    for ref in refs(api):
        assert ref.removeprefix("#/components/schemas/") in schemas, ref
    expected = Case.model_json_schema(mode="validation", ref_template="#/components/schemas/{model}")
    expected.pop("$defs")
    assert schemas["Case"] == expected
    assert "explanation" in schemas["Reason"]["properties"]  # the decision as serialised


def test_docs_pages_are_served_locally(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    assert client.get("/redoc").status_code == 404  # FastAPI's CDN-backed pages are off
    page = client.get("/")
    assert page.status_code == 200 and "/static/page.js" in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp


def test_static_files_load_nothing_from_elsewhere(client: TestClient) -> None:
    files = sorted(STATIC.iterdir())
    expected = {"index.html", "page.js", "answer.js", "picture.js", "page.css", "docs.html", "docs.js"}
    assert {f.name for f in files} >= expected
    outside = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//"""
                         r"""|url\(\s*["']?(https?:)?//|@import|fetch\(\s*["'`]https?:""")
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not outside.search(text), file.name
        assert client.get(f"/static/{file.name}").status_code == 200


