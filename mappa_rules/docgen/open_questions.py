"""The open questions, ``docs/open-questions.md``: every declared convention, unverified parameter and unverified
rule, with the value used meanwhile, and the offence catalogue entries not yet verified."""

from __future__ import annotations

from . import markdown as md
from .offences import not_verified
from .sources import Sources

__all__ = ["open_questions"]


def open_questions(sources: Sources) -> str:
    link = sources.linker("open-questions.md")
    body = [
        "# Open questions",
        "",
        "Where the library could not confirm the law from primary text, or the law is silent and a",
        "convention had to be chosen, it holds the point as a dated, named parameter or rule with status",
        "`unverified`, or as a declared convention (`convention: true`). It never fills a gap silently:",
        "every decision that relies on one of these carries a warning where it could change the answer,",
        "and otherwise lists it under `relied_on` (\"Also relies on\" in the text output). A convention with",
        "declared alternatives is computed both ways and warned only where the other reading gives another",
        "result, which the warning states. This page lists them all, with the value used meanwhile.",
    ]
    parameters = [(rs, p) for rs in sources.rulesets for p in rs.spec.parameters]
    sections = [
        ("Declared conventions", [(rs, p) for rs, p in parameters if p.convention]),
        (
            "Unverified parameters",
            [(rs, p) for rs, p in parameters if not p.convention and p.status.value == "unverified"],
        ),
    ]
    for heading, chosen in sections:
        body += ["", f"## {heading}"]
        if not chosen:
            body += ["", "None."]
        for ruleset, parameter in sorted(chosen, key=lambda item: item[1].id):
            values = "; ".join(
                f"from {v.start.isoformat()}: " + ("(no value)" if v.value is None else md.literal(v.value))
                for v in parameter.values
            )
            body += [
                "",
                f"### {md.text(parameter.title)}",
                "",
                f"* **Parameter:** {link.rule(parameter.id)} (`{ruleset.path}`), "
                f"status **{parameter.status.value}**"
                + (", declared convention" if parameter.convention else ""),
                f"* **Citation:** {md.cite_all(parameter.citation, parameter.citations)}",
                f"* **Value used meanwhile:** {values}",
            ]
            if parameter.alternatives:
                body.append("* **Also computed as:** " + ", ".join(md.literal(a) for a in parameter.alternatives)
                            + " (warned only where that changes the result)")
            if parameter.notes:
                body.append(f"* **Notes:** {md.text(parameter.notes)}")
    body += ["", "## Unverified rules"]
    rules = [(rs, g, r) for rs, g, r in sources.rules() if r.status.value == "unverified"]
    if not rules:
        body += ["", "None."]
    for ruleset, _group, rule in sorted(rules, key=lambda item: item[2].id):
        body += [
            "",
            f"### {md.text(rule.title)}",
            "",
            f"* **Rule:** {link.rule(rule.id)} (`{ruleset.path}`), in force "
            f"{md.in_force(rule.in_force.start, rule.in_force.end)}",
            f"* **Citation:** {md.cite_all(rule.citation, rule.citations)}",
            f"* **Meanwhile:** the rule is applied as written, with a warning - when {md.code(rule.when)}, "
            f"then {md.then(rule.then)}.",
            f"* **Because:** {md.because(rule.because)}",
        ]
        if rule.notes:
            body.append(f"* **Notes:** {md.text(rule.notes)}")
    if sources.catalogues:
        body += ["", "## Offence catalogue entries", ""]
        for catalogue in sources.catalogues:
            entries = [
                *(catalogue.data.get("entries") or []),
                *(catalogue.data.get("general_paragraphs") or []),
            ]
            doubtful = sum(1 for e in entries if not_verified(e))
            body.append(
                f"* {md.text(str(catalogue.data.get('title', catalogue.name)))}: {doubtful} of {len(entries)} "
                f"entries not verified (text or dates) - "
                f"[list](offences/{catalogue.name}.md#not-yet-verified)."
            )
    return md.page("Open questions", "rulesets/", body)
