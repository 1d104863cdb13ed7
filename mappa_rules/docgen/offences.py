"""The offence catalogues: ``docs/offences/index.md`` and one page per schedule, ``docs/offences/<schedule>.md``,
generated from the catalogue files in ``rulesets/offences/``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from . import markdown as md
from .sources import Catalogue, Sources

__all__ = ["not_verified", "offence_page", "offences_index"]


def offences_index(sources: Sources) -> str:
    body = [
        "# Offence catalogues",
        "",
        "The schedules that decide whether an offence counts, generated from the catalogue files in",
        "`rulesets/offences/` (their research notes are in `rulesets/offences/RESEARCH_NOTES.md`). A case",
        "states the outcome for its offence (`offence.schedule3`, `offence.schedule15`); these catalogues",
        "are the reference for it.",
    ]
    rows = [
        [
            f"[{md.text(c.name)}]({c.name}.md)",
            md.text(str(c.data.get("title", c.name))),
            str(len(c.data.get("entries") or [])),
            md.count(str(e.get("status", "unknown")) for e in c.data.get("entries") or []),
        ]
        for c in sources.catalogues
    ]
    body += md.table(["Catalogue", "Schedule", "Entries", "Status"], rows)
    return md.page("Offence catalogues", "rulesets/offences/", body)


def _short_title(title: str) -> str:
    return title.split(" (")[0].strip() or title


def _enactment(entry: Mapping[str, Any]) -> str:
    section = entry.get("section")
    enactment = str(entry.get("enactment") or "")
    if not section:
        return md.text(enactment)
    section = str(section)
    return md.text(f"{enactment} s.{section}" if section[:1].isdigit() else f"{enactment} {section}")


def _dates(entry: Mapping[str, Any]) -> str:
    window = entry.get("in_force") or {}
    start, end = window.get("from"), window.get("to")
    text = md.in_force(start, end) if isinstance(start, date) else "unknown"
    status = entry.get("dates_status")
    text = text if status in (None, "verified") else f"{text} (dates {status})"
    reach = entry.get("applies_to_sentenced") or {}
    bounds = [f"from {reach['from']}" if reach.get("from") else "", f"before {reach['before']}" if reach.get("before")
              else ""]
    sentenced = " and ".join(b for b in bounds if b)
    return f"{text}; persons sentenced {md.text(sentenced)}" if sentenced else text


def not_verified(entry: Mapping[str, Any]) -> bool:
    return entry.get("status") != "verified" or entry.get("dates_status") not in (None, "verified")


def offence_page(catalogue: Catalogue) -> str:
    data = catalogue.data
    title = str(data.get("title", catalogue.name))
    entries: list[Mapping[str, Any]] = list(data.get("entries") or [])
    body = [
        f"# {md.text(title)}",
        "",
        f"Catalogue {md.code(data.get('schedule'))}, file `{catalogue.path}` - "
        f"{md.link('text on legislation.gov.uk', data.get('url'))}.",
        "",
        f"{len(entries)} entries: {md.count(str(e.get('status')) for e in entries)}.",
    ]
    if data.get("source_note"):
        body += ["", f"Sources: {md.text(str(data['source_note']))}"]
    additions = data.get("vocabulary_additions") or []
    if additions:
        body += ["", "## Facts the conditions read", ""]
        body += md.table(
            ["Name", "Type", "Meaning"],
            [
                [md.code(a.get("name")), md.text(str(a.get("type", ""))), md.text(str(a.get("meaning", "")))]
                for a in additions
            ],
        )
    parts = sorted({str(e["part"]) for e in entries if e.get("part") is not None})
    sections = [(f"Part {part}", [e for e in entries if str(e.get("part")) == part]) for part in parts]
    rest = [e for e in entries if e.get("part") is None]
    if rest or not sections:
        sections.append(("Entries" if not sections else "Other entries", rest))
    for heading, chosen in sections:
        body += ["", f"## {heading}"]
        body += md.table(
            ["Para", "Offence", "Enactment", "In force", "Condition", "Status"],
            [
                [
                    md.link(md.text(str(e.get("paragraph", ""))), e.get("url")),
                    f"{md.text(str(e.get('title', '')))}<br>{md.code(e.get('offence'))}",
                    _enactment(e),
                    _dates(e),
                    (
                        f"{md.text(str(e.get('condition_text') or ''))}<br>{md.code(e['condition'])}"
                        if e.get("condition")
                        else "-"
                    ),
                    md.text(str(e.get("status", ""))),
                ]
                for e in chosen
            ],
        )
    general: list[Mapping[str, Any]] = list(data.get("general_paragraphs") or [])
    if general:
        body += ["", "## General paragraphs"]
        body += md.table(
            ["Para", "Title", "In force", "Status", "Summary"],
            [
                [
                    md.link(md.text(str(g.get("paragraph", ""))), g.get("url")),
                    md.text(str(g.get("title", ""))),
                    _dates(g),
                    md.text(str(g.get("status", ""))),
                    md.text(str(g.get("summary", ""))),
                ]
                for g in general
            ],
        )
    doubtful = [e for e in [*entries, *general] if not_verified(e)]
    body += ["", "## Not yet verified {#not-yet-verified}", ""]
    if not doubtful:
        body.append("Every entry and its dates were read in the primary text.")
    for e in doubtful:
        label = f"para {e.get('paragraph', '?')}: {e.get('title', '')}"
        body.append(
            f"* **{md.text(label)}** - status {md.text(str(e.get('status')))}, dates "
            f"{md.text(str(e.get('dates_status')))}. {md.text(str(e.get('notes') or ''))}"
        )
    return md.page(_short_title(title), catalogue.path, body)
