"""The questions the library answers, by name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..decision import Decision
from ..engine.loader import RuleBook
from ..facts import Case
from .mappa_category import mappa_category
from .notification_period import notification_period

Question = Callable[[Case, date, RuleBook | None], Decision]

QUESTIONS: dict[str, Question] = {
    "notification-period": notification_period,
    "category": mappa_category,
}

__all__ = ["QUESTIONS", "Question", "mappa_category", "notification_period"]
