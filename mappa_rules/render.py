"""Readable text for a decision: a tree of outcome, key dates, reasons with citations, missing facts, warnings."""

from __future__ import annotations

from .decision import Decision, Outcome, show_value
from .render_duties import DUTY_HEADLINES, timeline_lines


def headline(decision: Decision) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.question == "notification.period":
        if decision.outcome is Outcome.NO and v.get("subject_on_as_of"):
            return (f"No disposal makes the person a relevant offender, but a civil order makes them subject on "
                    f"{decision.as_of}.")
        if decision.outcome is Outcome.NO:
            return "Not subject to the notification requirements (no disposal makes the person a relevant offender)."
        on = {True: "subject", False: "not subject", None: "status unknown"}[v.get("subject_on_as_of")]
        if decision.outcome is Outcome.UNDETERMINED:
            status = {True: "subject to notification", False: "not subject to notification"}.get(
                bool(v["subject_on_as_of"])) if v.get("subject_on_as_of") is not None else None
            tail = f" On {decision.as_of} the person is {status} whichever applies." if status else ""
            return f"The notification period cannot be decided on these facts.{tail}"
        if v.get("indefinite"):
            return f"Subject to notification indefinitely ({on} on {decision.as_of})."
        last = decision.dates.get("period_last_day")
        return f"Notification period {v.get('length')}, last day {show_value(last)} ({on} on {decision.as_of})."
    if decision.question == "mappa.category":
        if decision.outcome is Outcome.YES:
            return f"MAPPA Category {v['category']} on {decision.as_of}."
        if decision.outcome is Outcome.NO:
            return f"Not MAPPA-eligible on {decision.as_of} (none of Categories 1-3 applies)."
        candidates = ", ".join(str(c) for c in v.get("candidates", []))
        return f"The MAPPA category cannot be decided on these facts (possible: {candidates or 'none'})."
    if decision.question == "orders.check":
        count = len(v.get("orders", []))
        if decision.outcome is Outcome.YES:
            return f"All {count} civil order(s) are within the statutory limits."
        if decision.outcome is Outcome.NO:
            return f"{len(v.get('findings', []))} finding(s): an order or term outside the statutory limits."
        return "The civil orders cannot be fully checked on these facts."
    if decision.question == "mappa.level":
        if decision.outcome is Outcome.YES:
            return f"Guidance (not a decision): MAPPA Level {v['level']} on {decision.as_of}."
        if decision.outcome is Outcome.NO:
            return f"Guidance (not a decision): not managed under MAPPA on {decision.as_of}."
        return "The MAPPA level guidance cannot be given on these facts."
    if decision.question in DUTY_HEADLINES:  # initial, change, periodic, travel, review, timeline
        return DUTY_HEADLINES[decision.question](decision)
    return f"{decision.outcome.value}"


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
    candidates = [c for d in decision.value.get("disposals", []) for c in (d.get("candidates") or [])]
    if candidates:
        lines.append("Possible answers")
        lines += [
            f"  if {c['if']}: {c['length']}, last day {show_value(c['period_last_day'])}"
            f" (subject on {decision.as_of}: {show_value(c['subject_on_as_of'])})"
            for c in candidates
        ]
    lines += timeline_lines(decision)
    if decision.reasons:
        lines.append("Reasons")
        for i, reason in enumerate(decision.reasons, 1):
            about = f"[{reason.subject}] " if reason.subject else ""
            lines.append(f"  {i}. {about}{reason.explanation}")
            cite = f"{reason.citation}" + (f" <{reason.citation.url}>" if reason.citation.url else "")
            lines.append(f"     {reason.rule_id} ({reason.status.value}) - {cite}")
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
    lines.append(f"Rulesets {decision.ruleset_version}")
    return "\n".join(lines) + "\n"
