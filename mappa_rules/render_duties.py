"""Readable sentences for the notification-duty questions (SOA 2003 ss.83-86, 91A-91F) and the timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .decision import Decision, Outcome

__all__ = ["DUTY_HEADLINES", "timeline_lines"]


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else "unknown"


def _initial(decision: Decision) -> str:
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No initial notification is required (no relevant offender, or an earlier notification covers it)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The initial notification deadline cannot be decided on these facts."
    duty = next(d for d in v["duties"] if d["disposal"] == v["controlling_disposal"])
    if not v.get("running"):
        return (f"An initial notification is required for {duty['disposal']}; its {duty['days']} days start to run "
                "only when the person is released or returns to the UK.")
    return (f"Initial notification due by {_day(duty['deadline'])} for {duty['disposal']} "
            f"({duty['days']} days beginning with {_day(duty['begins'])}, time in custody, hospital or abroad "
            "disregarded).")


def _change(decision: Decision) -> str:
    if decision.outcome is Outcome.NO:
        return "Nothing is to be notified for the listed changes."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The change notification deadlines cannot all be decided on these facts."
    parts = []
    if "change_deadline" in decision.dates:
        parts.append(f"the change must be notified by {_day(decision.dates['change_deadline'])}")
    if "non_occurrence_deadline" in decision.dates:
        parts.append(f"its non-occurrence by {_day(decision.dates['non_occurrence_deadline'])}")
    return ("Notification due: " + " and ".join(parts) + ".") if parts else (
        "A change must be notified once it happens (its days have not started to run).")


def _periodic(decision: Decision) -> str:
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "No periodic notification is due: the notification requirements end before the next date."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The next periodic notification date cannot be decided on these facts."
    if not v.get("running"):
        return ("The next periodic notification runs on until the end of the extension after the person is released "
                "or returns to the UK.")
    late = " - overdue" if v.get("overdue") else ""
    return (f"Next periodic notification due by {_day(v.get('due_by'))} ({v.get('period')} after the notification "
            f"of {_day(v.get('last_notification'))}){late}.")


def _travel(decision: Decision) -> str:
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "None of the listed trips needs notice."
    if decision.outcome is Outcome.UNDETERMINED:
        return "The notice needed for the listed trips cannot all be decided on these facts."
    if "travel_notice_by" in decision.dates:
        return f"Notice of {v.get('next_trip')} is due by {_day(decision.dates['travel_notice_by'])}."
    return "Notice is required for a listed trip."


def _review(decision: Decision) -> str:
    v = decision.value
    if decision.outcome is Outcome.NO:
        return "Not a qualifying relevant offender on this date, so no review of indefinite requirements (s.91A)."
    if decision.outcome is Outcome.UNDETERMINED:
        return "Whether, or from when, the person may apply for review cannot be decided on these facts."
    following = v.get("further_qualifying_date") or v.get("earliest_application")
    provisional = " (provisional: s.91B(7) unverified)" if v.get("provisional") else ""
    return f"A qualifying relevant offender: may apply for review from {_day(following)}{provisional}."


def _timeline(decision: Decision) -> str:
    count = len(decision.value.get("items", []))
    following = decision.dates.get("next_date")
    tail = f" Next: {_day(following)}." if following else " Nothing is upcoming."
    if decision.outcome is Outcome.UNDETERMINED:
        return f"Incomplete timeline ({count} dated step(s); some parts cannot be decided).{tail}"
    return f"{count} dated step(s).{tail}"


DUTY_HEADLINES: dict[str, Callable[[Decision], str]] = {
    "notification.initial": _initial,
    "notification.change": _change,
    "notification.periodic": _periodic,
    "notification.travel": _travel,
    "notification.review": _review,
    "notification.timeline": _timeline,
}


def timeline_lines(decision: Decision) -> list[str]:
    """The timeline's items, one per line: date, status, what, and the rule that gives it."""
    if decision.question != "notification.timeline":
        return []
    lines = ["Timeline"]
    for item in decision.value.get("items", []):
        about = f" [{item['subject']}]" if item.get("subject") else ""
        lines.append(f"  {_day(item['date'])}  {item['status']:<8}  {item['what']}{about}  ({item['rule']})")
    for item in decision.value.get("pending", []):
        about = f" [{item['subject']}]" if item.get("subject") else ""
        lines.append(f"  {'pending':<10}  {'':<8}  {item['what']}{about}  ({item['rule']})")
    return lines
