"""The rule catalogue: ``docs/rules/index.md`` (the rulesets, the verification statuses and every name a condition
may read) and one page per ruleset, ``docs/rules/<area>/<topic>.md``: each rule with its plain-English statement,
condition, citation, in-force dates, status and what exercises it, and each parameter with its dated values."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from ..engine.schema import GroupSpec, ParameterSpec, RuleSpec
from ..facts import Case, Disposal, Offence, Person, RiskFacts
from ..vocabulary import VOCABULARIES
from . import markdown as md
from .sources import Example, LawModule, LawTest, Ruleset, Sources

__all__ = ["rules_index", "ruleset_page"]


def rules_index(sources: Sources) -> str:
    body = [
        "# Rule catalogue",
        "",
        "The law as the library encodes it, generated from `rulesets/`: one page per ruleset file, at the",
        "file's path. Within a group, rules are tried in order of precedence and the first whose condition",
        "holds decides (see [Concepts](../concepts.md)). Every rule lists the worked examples in which it",
        "fires and the legal-property tests that name it.",
    ]
    areas: dict[str, list[Ruleset]] = {}
    for ruleset in sources.rulesets:
        areas.setdefault(ruleset.area, []).append(ruleset)
    for area, rulesets in sorted(areas.items()):
        body += ["", f"## {md.text(area)}"]
        rows = []
        for ruleset in rulesets:
            rules = [r for g in ruleset.spec.groups for r in g.rules]
            rows.append(
                [
                    f"[{md.code(ruleset.spec.ruleset)}]({ruleset.topic}.md)",
                    md.text(ruleset.spec.title),
                    str(len(rules)),
                    str(len(ruleset.spec.parameters)),
                    md.count(r.status.value for r in rules),
                ]
            )
        body += md.table(["Ruleset", "Title", "Rules", "Parameters", "Rule status"], rows)
    body += [
        "## Verification status",
        "",
        "* **verified** - read in the primary text (the legislation, or the official guidance for",
        "  guidance rules);",
        "* **secondary** - taken from a secondary source (explanatory notes, guidance, practitioner texts);",
        "* **derived** - follows from verified text by reading or arithmetic;",
        "* **unverified** - not confirmed: every decision that relies on it carries a warning (see",
        "  [Open questions](../open-questions.md)).",
        "",
        "## Names conditions read",
        "",
        "A rule's condition reads facts of the case and values derived from them, by the scope of its group",
        "(`mappa_rules/vocabulary/`), dated parameters (`param.<id>`) and the conclusions of earlier groups",
        "(`<group id>.<key>`).",
    ]
    for scope, values in sorted(VOCABULARIES.items()):
        body += ["", f"### Scope `{scope}`"]
        rows = [
            [f'<a id="vocabulary-{scope}-{name}"></a>{md.code(name)}', md.prose(_meaning(name, doc))]
            for name, doc in sorted((n, v.doc) for n, v in values.items())
        ]
        body += md.table(["Name", "Meaning"], rows)
    return md.page("Rule catalogue", "rulesets/ and mappa_rules/vocabulary/", body)


_FACT_MODELS: tuple[tuple[type[BaseModel], str], ...] = (
    (Disposal, "disposal."),
    (Offence, "disposal.offence."),
    (Person, "person."),
    (RiskFacts, "risk."),
    (Case, ""),
)


def _meaning(name: str, doc: str) -> str:
    """The vocabulary docstring, or, for a plain fact, the description of the case field it reads."""
    doc = " ".join(doc.split())
    if doc != name:
        return doc
    for model, prefix in _FACT_MODELS:
        field = model.model_fields.get(name)
        if field is not None:
            described = f": {field.description}" if field.description else "."
            return f"The fact ``{prefix}{name}``{described}"
    return "(Not described in the vocabulary.)"


def ruleset_page(sources: Sources, ruleset: Ruleset) -> str:
    """The page of one ruleset file: its parameters, then each group with its rules in order of precedence."""
    link = sources.linker(ruleset.page)
    fired, mentioned = sources.fired_in, sources.named_in
    reads = {rule.id: rule.when.names for rule in sources.book.rules()}
    spec = ruleset.spec
    body = [f"# {md.text(spec.title)}", "", f"Ruleset {md.code(spec.ruleset)}, file `{ruleset.path}`."]
    if spec.parameters:
        body += ["", "## Parameters"]
        for parameter in spec.parameters:
            body += _parameter(parameter)
    for group in spec.groups:
        body += [
            "",
            f"## {md.text(group.title)} {{#{group.id}}}",
            "",
            f"Group {md.code(group.id)} - scope {md.code(group.scope)}; the first rule (by precedence) whose",
            "condition holds decides; its conclusions can be read by later groups as "
            + ", ".join(md.code(f"{group.id}.{key}") for key in sorted({k for r in group.rules for k in r.then}))
            + ".",
        ]
        for rule in sorted(group.rules, key=lambda r: r.precedence):
            body += _rule(
                rule, group, sorted(reads.get(rule.id, ())), link, fired.get(rule.id, []), mentioned.get(rule.id, [])
            )
    return md.page(spec.title, ruleset.path, body)


def _parameter(parameter: ParameterSpec) -> list[str]:
    kind = f"{parameter.status.value}" + (", declared convention" if parameter.convention else "")
    lines = [
        "",
        f"### {md.text(parameter.title)} {{#{parameter.id}}}",
        "",
        f"Parameter {md.code(parameter.id)} - status **{kind}** - "
        f"{md.cite_all(parameter.citation, parameter.citations)}",
    ]
    lines += md.table(
        ["From", "Value"],
        [
            [v.start.isoformat(), "(no value: ends)" if v.value is None else md.literal(v.value)]
            for v in parameter.values
        ],
    )
    if parameter.alternatives:
        lines += ["Also computed as: " + ", ".join(md.literal(a) for a in parameter.alternatives)
                  + " (warned only where that changes the result)", ""]
    if parameter.notes:
        lines += [f"Notes: {md.text(parameter.notes)}"]
    return lines


def _rule(
    rule: RuleSpec,
    group: GroupSpec,
    reads: Sequence[str],
    link: md.Linker,
    examples: list[Example],
    tests: list[tuple[LawModule, LawTest | None]],
) -> list[str]:
    lines = [
        "",
        f"### {md.text(rule.title)} {{#{rule.id}}}",
        "",
        f"Rule {md.code(rule.id)} - precedence {rule.precedence} - status **{rule.status.value}** - in force "
        f"{md.in_force(rule.in_force.start, rule.in_force.end)}",
        "",
        f"> {md.because(rule.because)}",
        "",
        f"* **When:** {md.code(rule.when)}",
        f"* **Then:** {md.then(rule.then)}",
    ]
    if reads:
        lines.append("* **Reads:** " + ", ".join(link.name(name, group.scope) for name in reads))
    lines.append(f"* **Citation:** {md.cite_all(rule.citation, rule.citations)}")
    if rule.notes:
        lines.append(f"* **Notes:** {md.text(rule.notes)}")
    lines.append("* **Exercised by:** " + (_exercise(examples, tests, link) or "nothing yet"))
    return lines


def _exercise(examples: list[Example], tests: list[tuple[LawModule, LawTest | None]], link: md.Linker) -> str:
    parts: list[str] = []
    by_file: dict[str, list[Example]] = {}
    for example in examples:
        by_file.setdefault(example.file, []).append(example)
    for file, chosen in by_file.items():
        numbers = ", ".join(f"[{e.number}]({link.to(e.page, e.anchor)})" for e in chosen)
        parts.append(f"casebook {md.code(file.removesuffix('.yaml'))} {numbers}")
    for module, test in tests:
        target = link.to(module.page, test.anchor if test else None)
        parts.append(md.link(md.code(test.node_id if test else module.path), target))
    return "; ".join(parts)
