"""The questions the library answers, by name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..decision import Decision
from ..engine.loader import RuleBook
from ..facts import Case
from .change_notification import change_deadline
from .initial_notification import initial_deadline
from .mappa_category import mappa_category
from .mappa_level import mappa_level
from .notification_period import notification_period
from .orders import civil_orders
from .periodic_notification import periodic
from .review import review
from .timeline import timeline
from .travel_notification import travel_notice

Question = Callable[[Case, date, RuleBook | None], Decision]

QUESTIONS: dict[str, Question] = {
    "notification-period": notification_period,
    "category": mappa_category,
    "order": civil_orders,
    "level": mappa_level,
    "initial-deadline": initial_deadline,
    "change-deadline": change_deadline,
    "periodic": periodic,
    "travel-notice": travel_notice,
    "review": review,
    "timeline": timeline,
}

__all__ = [
    "QUESTIONS",
    "Question",
    "change_deadline",
    "civil_orders",
    "initial_deadline",
    "mappa_category",
    "mappa_level",
    "notification_period",
    "periodic",
    "review",
    "timeline",
    "travel_notice",
]
