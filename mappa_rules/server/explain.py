"""What the staff page shows around a decision: the headline, inputs for the missing facts, and the picture.

The picture is data, drawn by the page: the notification periods as bars (the possible ones too, when the age
is unknown), and as marks, for the notification and MAPPA questions, the dated duties of the ``timeline``
question and the decision's other key dates, each past, today or upcoming relative to the as-of date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from mappa_rules import Case, Decision, assess

from .adapter import headline
from .models import Event, Explanation, MissingInput, Period, Picture

_TOKEN = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")
_WITH_DUTIES = ("notification-period", "category", "initial-deadline", "change-deadline", "periodic",
                "travel-notice", "review", "timeline")


def explain(question: str, case: Case, as_of: date) -> Explanation:
    """Answer ``question`` and gather what the page shows with it (the notification work is shared)."""
    wanted = [question]
    if question in _WITH_DUTIES:
        wanted += [q for q in ("notification-period", "timeline") if q != question]
    answers = assess(case, as_of, wanted)
    decision = answers[question]
    return Explanation(
        headline=headline(decision),
        decision=decision,
        case=case.model_dump(mode="json", exclude_defaults=True),
        missing=[missing_input(m.fact, m.needed_for) for m in decision.missing],
        picture=picture(decision, answers.get("notification-period"), answers.get("timeline")),
    )


def picture(decision: Decision, period: Decision | None, timeline: Decision | None) -> Picture:
    """The bars and marks for ``decision``, from its dates and the notification period and timeline decisions."""
    as_of = decision.as_of
    periods: list[Period] = []
    for entry in (period.value.get("disposals", []) if period else []):
        if not entry.get("subject"):
            continue
        # The period runs from period_from (the order's day for a conditional discharge), else the s.82(6) date.
        start = _day(entry.get("period_from")) or _day(entry.get("relevant_date"))
        name = entry.get("disposal", "")
        if start is not None and entry.get("indefinite"):
            periods.append(Period(label=f"Notification period: indefinite ({name})", start=start, end=None))
        elif start is not None and (last := _day(entry.get("period_last_day"))) is not None:
            periods.append(Period(label=f"Notification period: {entry.get('length')} ({name})", start=start, end=last))
        for candidate in entry.get("candidates") or []:
            begins = _day(candidate.get("relevant_date")) or start  # s.132: each reading has its own date
            if begins is not None and (end := _day(candidate.get("period_last_day"))) is not None:
                label = f"If {candidate.get('if')}: {candidate.get('length')} ({name})"
                periods.append(Period(label=label, start=begins, end=end))
    marks: dict[tuple[date, str], Event] = {}
    for item in (timeline.value.get("items", []) if timeline else []):
        if (when := _day(item.get("date"))) is not None:
            what = str(item.get("what"))
            marks[(when, what)] = Event(date=when, label=what, status=_status(when, as_of))
    duty_days = {day for day, _ in marks}
    for key, day in decision.dates.items():  # a key date the timeline already marks is not marked twice
        if day not in duty_days:
            marks[(day, key)] = Event(date=day, label=_words(key), status=_status(day, as_of))
    return Picture(as_of=as_of, periods=periods, events=sorted(marks.values(), key=lambda e: (e.date, e.label)))


def missing_input(fact: str, needed_for: str) -> MissingInput:
    """The missing fact with the kind of input that fills it and its description, read from the case's JSON
    Schema (so a fact the case model gains is asked for without a change here)."""
    node, description = _at(fact)
    kind, choices = _kind(node) if node is not None else ("structure", [])
    return MissingInput(fact=fact, needed_for=needed_for, input=kind, choices=choices, description=description)


@cache
def _case_schema() -> dict[str, Any]:
    return Case.model_json_schema()


def _resolve(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a schema node stands for, with references followed and null left out."""
    defs = _case_schema().get("$defs", {})
    if "$ref" in node:
        return _resolve(defs[node["$ref"].rsplit("/", 1)[-1]])
    for key in ("anyOf", "oneOf"):
        if key in node:
            return [alt for branch in node[key] if branch.get("type") != "null" for alt in _resolve(branch)]
    return [node]


def _at(path: str) -> tuple[dict[str, Any] | None, str]:
    """The schema node of the field at ``path`` (None if it is not one field) and the field's description."""
    nodes = _resolve(_case_schema())
    description = ""
    for name, index in _TOKEN.findall(path):
        if index:
            nodes = [alt for n in nodes if "items" in n for alt in _resolve(n["items"])]
        else:
            fields = [n["properties"][name] for n in nodes if name in n.get("properties", {})][:1]
            description = str(fields[0].get("description", "")) if fields else ""
            nodes = [alt for field in fields for alt in _resolve(field)]
        if not nodes:
            return None, ""
    return (nodes[0], description) if len(nodes) == 1 else (None, description)


def _kind(node: dict[str, Any]) -> tuple[Any, list[str]]:
    if node.get("format") == "date":
        return "date", []
    if "enum" in node:
        return "choice", [str(v) for v in node["enum"]]
    kinds = {"integer": "integer", "boolean": "boolean", "string": "text"}
    return kinds.get(str(node.get("type")), "structure"), []


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _status(day: date, as_of: date) -> Any:
    return "past" if day < as_of else "today" if day == as_of else "upcoming"


def _words(key: str) -> str:
    """``period_last_day`` -> ``Period last day``; ``sro-2018.last_day`` -> ``sro-2018: last day``."""
    head, _, tail = key.rpartition(".")
    text = tail.replace("_", " ")
    return f"{head}: {text}" if head else text[:1].upper() + text[1:]
