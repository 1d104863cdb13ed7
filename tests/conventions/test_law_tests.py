"""The property tests read as documentation: each module names its provision, each test states a proposition and
its citation."""

from __future__ import annotations

import ast

from tests.conventions.sources import ROOT


def test_every_law_test_states_its_proposition_and_citation() -> None:
    modules = sorted((ROOT / "tests" / "law").rglob("test_*.py"))
    assert modules
    for path in modules:
        shown = path.relative_to(ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{shown}: module docstring (the provision) missing"
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                doc = ast.get_docstring(node) or ""
                assert doc.strip(), f"{shown}::{node.name}: no docstring stating the legal proposition"
                assert "Citation:" in doc, f"{shown}::{node.name}: docstring has no 'Citation:' line"
