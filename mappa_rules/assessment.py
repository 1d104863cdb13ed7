"""A full assessment of one case: several questions answered together, sharing the work they have in common."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .decision import Decision
from .engine import RuleBook
from .facts import Case
from .questions import QUESTIONS
from .questions.guard import answer_safely, check_arguments
from .questions.mappa.category import QUESTION as CATEGORY
from .questions.mappa.category import MappaCategoryValue, mappa_category
from .questions.notification.period import QUESTION as PERIOD
from .questions.notification.period import NotificationPeriodValue, notification_period
from .rulebook import default_rulebook

DEFAULT_QUESTIONS = ("notification-period", "category")


def assess(
    case: Case, as_of: date, questions: Iterable[str] = DEFAULT_QUESTIONS, book: RuleBook | None = None
) -> dict[str, Decision]:
    """Answer each named question for ``case`` as at ``as_of``; the notification period is worked out once."""
    check_arguments(case, as_of, book)
    book = book or default_rulebook()
    wanted = list(questions)
    unknown = [q for q in wanted if q not in QUESTIONS]
    if unknown:
        raise ValueError(f"unknown question(s): {', '.join(unknown)}; known: {', '.join(sorted(QUESTIONS))}")
    answers: dict[str, Decision] = {}
    shared: dict[str, Decision] = {}
    if {"notification-period", "category"} & set(wanted):
        period = shared["notification-period"] = answer_safely(
            PERIOD, NotificationPeriodValue, as_of, book, lambda: notification_period(case, as_of, book))
        if "category" in wanted and not period.undecidable:
            shared["category"] = answer_safely(CATEGORY, MappaCategoryValue, as_of, book,
                                               lambda: mappa_category(case, as_of, book, period))
    for question in wanted:
        answers[question] = shared.get(question) or QUESTIONS[question](case, as_of, book)
    return answers
