"""A full assessment of one case: several questions answered together, sharing the work they have in common."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .decision import Decision
from .engine import RuleBook
from .facts import Case
from .questions import QUESTIONS
from .questions.guard import check_arguments
from .questions.shared import sharing
from .rulebook import default_rulebook

DEFAULT_QUESTIONS = ("notification-period", "category")


def assess(
    case: Case, as_of: date, questions: Iterable[str] = DEFAULT_QUESTIONS, book: RuleBook | None = None
) -> dict[str, Decision]:
    """Answer each named question for ``case`` as at ``as_of``; the work they share is done once (each disposal's
    notification period, the notification status, the category the level reads)."""
    check_arguments(case, as_of, book)
    book = book or default_rulebook()
    wanted = list(questions)
    unknown = [q for q in wanted if q not in QUESTIONS]
    if unknown:
        raise ValueError(f"unknown question(s): {', '.join(unknown)}; known: {', '.join(sorted(QUESTIONS))}")
    with sharing():  # each disposal's notification period, the status and the category, worked out once
        return {question: QUESTIONS[question](case, as_of, book) for question in wanted}
