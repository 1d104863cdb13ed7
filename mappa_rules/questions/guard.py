"""The door of every question: its arguments are checked, and what a valid case can run into that no fact would
settle is answered, never raised.

* A law read for a day before it existed (a parameter with no value then, :class:`~mappa_rules.engine.NotInForce`)
  gives an undetermined decision of kind ``law_not_in_force`` naming the provision and the day.
* A date computed beyond the calendar (:class:`~mappa_rules.legal_time.BeyondCalendar`) gives one of kind
  ``beyond_calendar``.

Every question reached through the package (``mappa_rules.notification_period``, ``QUESTIONS``, ``assess``) passes
through :func:`guarded`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import TypeVar, cast

from ..decision import Decision, Outcome, TypedValue, UndecidableKind
from ..engine import DecisionBuilder, NotInForce, RuleBook
from ..facts import Case
from ..legal_time import BeyondCalendar
from ..limits import MAX_DAY, MIN_DAY
from ..rulebook import default_rulebook

V = TypeVar("V", bound=TypedValue)

__all__ = ["answer_safely", "check_arguments", "guarded"]

Answer = Callable[[Case, date, "RuleBook | None"], Decision]


def check_arguments(case: object, as_of: object, book: object = None) -> None:
    """``TypeError`` or ``ValueError`` naming the argument, for anything but a case, a date (not a date and
    time) within the dates the library computes with, and a rule book or None."""
    if not isinstance(case, Case):
        raise TypeError(f"case: expected a mappa_rules.Case (see mappa_rules.parse_case), not {type(case).__name__}")
    if isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise TypeError(f"as_of: expected a datetime.date, not {type(as_of).__name__}")
    if not MIN_DAY <= as_of <= MAX_DAY:
        raise ValueError(f"as_of: outside the dates the library computes with ({MIN_DAY} to {MAX_DAY})")
    if book is not None and not isinstance(book, RuleBook):
        raise TypeError(f"book: expected a RuleBook or None, not {type(book).__name__}")


def answer_safely(question: str, value: type[V], as_of: date, book: RuleBook | None,
                  compute: Callable[[], Decision[V]]) -> Decision[V]:
    """``compute()``, or the undetermined decision that says why no fact would settle it (its value ``value``'s
    :meth:`~mappa_rules.decision.TypedValue.unknown`)."""
    try:
        return compute()
    except NotInForce as exc:
        parameter = exc.parameter
        return _undecidable(question, value, as_of, book, "law_not_in_force",
                            f"{parameter.title}: this provision had no effect on {exc.day.isoformat()}, a date the "
                            "question depends on, so the law it holds did not then exist.", parameter.id)
    except BeyondCalendar:
        return _undecidable(question, value, as_of, book, "beyond_calendar",
                            "A date worked out from the case falls outside the calendar (years 1 to 9999): the "
                            "terms or dates given are too long to be dated.", None)


def guarded(question: str, value: type[TypedValue], function: Answer) -> Answer:
    """``function``, the question ``question`` whose value model is ``value``, with its arguments checked and
    answered through :func:`answer_safely`."""

    @wraps(function)
    def answer(case: Case, as_of: date, book: RuleBook | None = None) -> Decision:
        check_arguments(case, as_of, book)
        decided: Decision = answer_safely(question, value, as_of, book,
                                          lambda: cast("Decision[TypedValue]", function(case, as_of, book)))
        return decided

    return answer


def _undecidable(question: str, value: type[V], as_of: date, book: RuleBook | None, kind: UndecidableKind,
                 detail: str, about: str | None) -> Decision[V]:
    builder = DecisionBuilder(question, as_of, book or default_rulebook())
    builder.add_undecidable(kind, detail, about)
    return builder.build(Outcome.UNDETERMINED, value.unknown(), {})
