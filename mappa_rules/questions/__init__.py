"""The questions the library answers, by name.

Each question module is imported only when its question is first asked, so that a command-line query does not
pay for the modules of the other questions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..decision import Decision
from ..engine import RuleBook
from ..facts import Case

# These three modules share their function's name, so the functions are bound here, eagerly: a lazily
# imported submodule would otherwise shadow its function as an attribute of this package.
from .mappa_category import mappa_category
from .mappa_level import mappa_level
from .notification_period import notification_period

if TYPE_CHECKING:
    from .change_notification import change_deadline
    from .duty_timeline import timeline
    from .indefinite_review import review
    from .initial_notification import initial_deadline
    from .orders import civil_orders
    from .periodic_notification import periodic
    from .travel_notification import travel_notice

Question = Callable[[Case, date, RuleBook | None], Decision]

_WHERE: dict[str, tuple[str, str]] = {
    "notification-period": ("notification_period", "notification_period"),
    "category": ("mappa_category", "mappa_category"),
    "order": ("orders", "civil_orders"),
    "level": ("mappa_level", "mappa_level"),
    "initial-deadline": ("initial_notification", "initial_deadline"),
    "change-deadline": ("change_notification", "change_deadline"),
    "periodic": ("periodic_notification", "periodic"),
    "travel-notice": ("travel_notification", "travel_notice"),
    "review": ("indefinite_review", "review"),
    "timeline": ("duty_timeline", "timeline"),
}


class _Questions(Mapping[str, Question]):
    """Question name -> function, importing the question's module on first use."""

    def __getitem__(self, name: str) -> Question:
        module, function = _WHERE[name]
        answer: Question = getattr(import_module(f"{__name__}.{module}"), function)
        return answer

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


QUESTIONS: Mapping[str, Question] = _Questions()


def __getattr__(name: str) -> Any:
    for module, function in _WHERE.values():
        if function == name:
            return getattr(import_module(f"{__name__}.{module}"), function)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
