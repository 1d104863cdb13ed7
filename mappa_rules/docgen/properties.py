"""The legal properties: ``docs/properties/index.md`` and one page per ``tests/law/<area>/test_<topic>.py`` module,
``docs/properties/<area>/<topic>.md``, read with :mod:`ast` (the tests are never run here)."""

from __future__ import annotations

from pathlib import Path

from . import markdown as md
from .sources import LawModule, LawTest, Sources, summary

__all__ = ["properties_index", "properties_page"]


def properties_index(sources: Sources) -> str:
    body = [
        "# Legal properties",
        "",
        "The property suite as documentation: one page per module of `tests/law/`, at the path of the",
        "topic it tests (`tests/law/<area>/test_<topic>.py`). Each test states a legal proposition in its",
        "first line, then its citation and status; the test checks it, often over many generated cases",
        "(Hypothesis). The pages are read from the source with `ast`; nothing is run here.",
    ]
    if not sources.law:
        body += ["", "There are no modules in `tests/law/` yet."]
        return md.page("Legal properties", "tests/law/", body)
    body += md.table(
        ["Module", "Provision", "Tests"],
        [[f"[{md.code(m.path)}]({m.slug}.md)", md.prose(m.title), str(len(m.tests))] for m in sources.law],
    )
    by_citation: dict[str, list[tuple[LawModule, LawTest]]] = {}
    for module in sources.law:
        for test in module.tests:
            citation = test.parts()[1] or "(no citation)"
            by_citation.setdefault(citation, []).append((module, test))
    body += ["## By provision cited", ""]
    for citation, tests in sorted(by_citation.items(), key=lambda item: item[0].lower()):
        body.append(f"* {md.text(citation)}")
        for module, test in tests:
            proposition = test.parts()[0] or test.name
            body.append(f"    * [{md.prose(proposition)}]({module.slug}.md#{test.anchor})")
    return md.page("Legal properties", "tests/law/", body)


def properties_page(sources: Sources, module: LawModule) -> str:
    link = sources.linker(module.page)
    body = [f"# {md.prose(module.title)}", "", f"Module `{module.path}`."]
    details = summary(module.docstring)[1]
    if details:
        body += ["", md.prose(details)]
    if module.error:
        body += ["", '!!! failure "This module could not be parsed"', "", f"    {md.text(module.error)}"]
    for test in module.tests:
        proposition, citation, status, rest = test.parts()
        body += [
            "",
            f"## {md.prose(proposition or test.name)} {{#{test.anchor}}}",
            "",
            f"Test {md.code(test.node_id)}" + (f" - {', '.join(test.kinds)}" if test.kinds else ""),
        ]
        if not test.docstring:
            body += ["", "This test has no docstring: its legal proposition is not stated."]
        facts = []
        if citation:
            facts.append(f"* **Citation:** {md.text(citation)}")
        if status:
            facts.append(f"* **Status:** {md.text(status)}")
        named = sources.rules_named(test.source)
        if named:
            facts.append("* **Rules named:** " + ", ".join(link.rule(i) for i in named))
        body += ["", *facts] if facts else []
        if rest:
            body += ["", md.prose(rest)]
    return md.page(Path(module.title.split(":")[0]).name, module.path, body)
