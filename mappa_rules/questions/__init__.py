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
from .mappa.category import mappa_category
from .mappa.level import mappa_level
from .notification.period import notification_period

if TYPE_CHECKING:
    from .notification.change import change_deadline
    from .notification.initial import initial_deadline
    from .notification.periodic import periodic
    from .notification.review import review
    from .notification.timeline import timeline
    from .notification.travel import travel_notice
    from .orders.check import civil_orders

Question = Callable[[Case, date, RuleBook | None], Decision]

_WHERE: dict[str, tuple[str, str]] = {
    "notification-period": ("notification.period", "notification_period"),
    "category": ("mappa.category", "mappa_category"),
    "order": ("orders.check", "civil_orders"),
    "level": ("mappa.level", "mappa_level"),
    "initial-deadline": ("notification.initial", "initial_deadline"),
    "change-deadline": ("notification.change", "change_deadline"),
    "periodic": ("notification.periodic", "periodic"),
    "travel-notice": ("notification.travel", "travel_notice"),
    "review": ("notification.review", "review"),
    "timeline": ("notification.timeline", "timeline"),
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
