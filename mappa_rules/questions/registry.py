"""The questions the library answers: one row each, the single list the package, ``assess``, the command line, the
text renderer and the documentation read.

A question's id is its path: ``notification.period`` is answered by :mod:`mappa_rules.questions.notification.period`,
which defines the function named in the row, the model of its value named after the id
(``NotificationPeriodValue``), and ``headline(decision)``, the sentence the text renderer opens with (it may define
``detail_lines(decision)`` too, lines shown after the key dates). Modules are imported only when their
question is first asked, so a command-line query pays for no other question's code. Adding a question is one row
here (and, for type checkers, one import line below).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the functions, as type checkers see them; tests/conventions/test_registry.py keeps this in step
    from ..decision import Decision, TypedValue
    from ..engine import RuleBook
    from ..facts import Case
    from .mappa.category import MappaCategoryValue as MappaCategoryValue
    from .mappa.category import mappa_category as mappa_category
    from .mappa.level import MappaLevelValue as MappaLevelValue
    from .mappa.level import mappa_level as mappa_level
    from .notification.change import NotificationChangeValue as NotificationChangeValue
    from .notification.change import change_deadline as change_deadline
    from .notification.initial import NotificationInitialValue as NotificationInitialValue
    from .notification.initial import initial_deadline as initial_deadline
    from .notification.period import NotificationPeriodValue as NotificationPeriodValue
    from .notification.period import notification_period as notification_period
    from .notification.periodic import NotificationPeriodicValue as NotificationPeriodicValue
    from .notification.periodic import periodic as periodic
    from .notification.review import NotificationReviewValue as NotificationReviewValue
    from .notification.review import review as review
    from .notification.timeline import NotificationTimelineValue as NotificationTimelineValue
    from .notification.timeline import timeline as timeline
    from .notification.travel import NotificationTravelValue as NotificationTravelValue
    from .notification.travel import travel_notice as travel_notice
    from .orders.check import OrdersCheckValue as OrdersCheckValue
    from .orders.check import civil_orders as civil_orders


QuestionFunction = Callable[["Case", date, "RuleBook | None"], "Decision"]
"""A question: ``(case, as_of, book=None) -> Decision``, pure; the as-at date is always given."""


@dataclass(frozen=True)
class Question:
    """One question: its id (the path of its module and of its topic), its command-line name, the function that
    answers it and what it asks, in one line."""

    id: str
    cli: str
    function: str
    summary: str

    @property
    def module(self) -> str:
        """The dotted name of the module that answers it."""
        return f"{__package__}.{self.id}"

    @property
    def value(self) -> str:
        """The name of its value model, in its module: the id in CamelCase, then ``Value``."""
        return "".join(part.title() for part in self.id.replace("_", ".").split(".")) + "Value"

    def load(self) -> ModuleType:
        """The question's module (imported on first use)."""
        return import_module(self.module)

    def answer(self) -> QuestionFunction:
        """The function that answers it, behind the door every question shares (:mod:`.guard`: arguments checked,
        a law not in force or a date beyond the calendar answered as undetermined, never raised)."""
        found = _ANSWERS.get(self.id)
        if found is None:
            from .guard import guarded

            answer = guarded(self.id, self.value_model(), getattr(self.load(), self.function))
            found = _ANSWERS.setdefault(self.id, answer)
        return found

    def value_model(self) -> type[TypedValue]:
        """The model of its value."""
        model: type[TypedValue] = getattr(self.load(), self.value)
        return model


_ANSWERS: dict[str, QuestionFunction] = {}
"""Each question's guarded function, made once (so that the package, ``QUESTIONS`` and ``assess`` share it)."""

REGISTRY: tuple[Question, ...] = (
    Question("notification.period", "notification-period", "notification_period",
             "Is the person subject to notification, for what period, until when? (SOA 2003 ss.80-82)"),
    Question("mappa.category", "category", "mappa_category",
             "Which MAPPA category, if any, applies as at a date? (CJA 2003 ss.325-327)"),
    Question("orders.check", "order", "civil_orders",
             "Is each civil order within the statutory limits, and when does it end? (SHPO, SRO, predecessors)"),
    Question("mappa.level", "level", "mappa_level",
             "Which level of management does the MAPPA Guidance point to? Guidance only."),
    Question("notification.initial", "initial-deadline", "initial_deadline",
             "By when must the person make the initial notification? (SOA 2003 s.83)"),
    Question("notification.change", "change-deadline", "change_deadline",
             "By when must each change be notified? (SOA 2003 s.84)"),
    Question("notification.periodic", "periodic", "periodic",
             "By when must the person next re-notify? (SOA 2003 s.85)"),
    Question("notification.travel", "travel-notice", "travel_notice",
             "Must each trip abroad be notified, and by when? (SOA 2003 s.86)"),
    Question("notification.review", "review", "review",
             "May the person apply for review of indefinite requirements, and when? (SOA 2003 ss.91A-91F)"),
    Question("notification.timeline", "timeline", "timeline",
             "Every date the notification duties give for one case, in date order (SOA 2003 ss.82-86, 91A-91F)"),
)
"""Every question, in the order the command line and the documentation list them."""

BY_CLI = {question.cli: question for question in REGISTRY}
BY_ID = {question.id: question for question in REGISTRY}
