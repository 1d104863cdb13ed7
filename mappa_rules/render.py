"""Readable text for a decision: a tree of outcome, key dates, reasons with citations, missing facts, warnings, and
one line naming what else the answer relied on without a warning.

The sentence that answers the question, and any lines of its own after the key dates, come from the question's
module (``headline`` and ``detail_lines``), found through the registry.
"""

from __future__ import annotations

from .decision import Citation, Decision, show_value
from .questions.registry import BY_ID


def headline(decision: Decision) -> str:
    """One sentence answering the question (the outcome alone for a question the registry does not know)."""
    question = BY_ID.get(decision.question)
    if question is None:
        return decision.outcome.value
    sentence: str = question.load().headline(decision)
    return sentence


def _details(decision: Decision) -> list[str]:
    question = BY_ID.get(decision.question)
    details = getattr(question.load(), "detail_lines", None) if question is not None else None
    return [] if details is None else list(details(decision))


def render_text(decision: Decision) -> str:
    lines = [
        f"{decision.question} - as of {decision.as_of}",
        f"Outcome: {decision.outcome.value.upper()}",
        f"  {headline(decision)}",
    ]
    if decision.dates:
        lines.append("Key dates")
        width = max(len(k) for k in decision.dates)
        lines += [f"  {k.ljust(width)}  {v.isoformat()}" for k, v in decision.dates.items()]
    lines += _details(decision)
    if decision.reasons:
        lines.append("Reasons")
        for i, reason in enumerate(decision.reasons, 1):
            about = f"[{reason.subject}] " if reason.subject else ""
            tail = " (as stated)" if reason.stated else ""
            lines.append(f"  {i}. {about}{reason.explanation}{tail}")
            lines.append(f"     {reason.rule_id} ({reason.status.value}) - {_cite(reason.citation)}")
            lines += [f"       also {_cite(c)}" for c in reason.citations]
            used = {k: v for k, v in reason.facts.items() if "." not in k}
            if used:
                lines.append("     facts: " + ", ".join(f"{k}={show_value(v)}" for k, v in used.items()))
    if decision.missing:
        lines.append("Missing facts (any of these would help decide it)")
        lines += [f"  - {m.fact}  (for {m.needed_for})" for m in decision.missing]
    if decision.warnings:
        lines.append("Warnings")
        for w in decision.warnings:
            status = f" [{w.status.value}]" if w.status else ""
            lines.append(f"  ! {w.code}{status}: {w.message}")
    if decision.relied_on:
        lines.append("Also relies on (not warned): " + "; ".join(
            f"{r.id} = {show_value(r.value)} ({'declared convention, ' if r.convention else ''}{r.status.value}; "
            f"{r.citation})" for r in decision.relied_on))
    lines.append(f"Rulesets {decision.ruleset_version}")
    return "\n".join(lines) + "\n"


def _cite(citation: Citation) -> str:
    applies = f" [{citation.applies}]" if citation.applies else ""
    return f"{citation}{applies}" + (f" <{citation.url}>" if citation.url else "")
