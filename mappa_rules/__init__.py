"""mappa-rules: the law of England & Wales on public protection as declarative rulesets.

Facts in (:class:`Case`), reasoned decisions out (:class:`Decision`). Every function is pure: the as-at date
is always an argument. Names are imported on first use, so that loading the package stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .questions.registry import REGISTRY

if TYPE_CHECKING:
    from .assessment import assess
    from .decision import Citation, Decision, Missing, Outcome, Reason, Status, TypedValue, Undecidable, Value, Warning
    from .engine import RuleBook, RulesetError
    from .facts import (
        Case,
        Change,
        Disposal,
        Interval,
        ManagementFacts,
        NotificationGiven,
        Offence,
        Order,
        OrderTerm,
        Person,
        ReviewApplication,
        ReviewFacts,
        RiskFacts,
        Stay,
        Term,
        Trip,
    )
    from .input import CaseInputError, CaseValidationError, parse_case
    from .questions import QUESTIONS
    from .questions.registry import *  # noqa: F403 - the question functions, for type checkers
    from .rulebook import default_rulebook, load_rulebook

__version__ = "0.1.0"

_WHERE: dict[str, str] = {
    "QUESTIONS": ".questions",
    "Case": ".facts",
    "CaseInputError": ".input",
    "CaseValidationError": ".input",
    "Change": ".facts",
    "Citation": ".decision",
    "Decision": ".decision",
    "Disposal": ".facts",
    "Interval": ".facts",
    "ManagementFacts": ".facts",
    "Missing": ".decision",
    "NotificationGiven": ".facts",
    "Offence": ".facts",
    "Order": ".facts",
    "OrderTerm": ".facts",
    "Outcome": ".decision",
    "Person": ".facts",
    "Reason": ".decision",
    "ReviewApplication": ".facts",
    "ReviewFacts": ".facts",
    "RiskFacts": ".facts",
    "RuleBook": ".engine",
    "RulesetError": ".engine",
    "Status": ".decision",
    "TypedValue": ".decision",
    "Value": ".decision",
    "Stay": ".facts",
    "Term": ".facts",
    "Trip": ".facts",
    "Undecidable": ".decision",
    "Warning": ".decision",
    "assess": ".assessment",
    "default_rulebook": ".rulebook",
    "load_rulebook": ".rulebook",
    "parse_case": ".input",
}


_FROM_REGISTRY = frozenset(q.function for q in REGISTRY) | frozenset(q.value for q in REGISTRY)


def __getattr__(name: str) -> Any:
    if name in _FROM_REGISTRY:
        return getattr(import_module(".questions", __name__), name)
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(import_module(module, __name__), name)


__all__ = [
    "QUESTIONS",
    "Case",
    "CaseInputError",
    "CaseValidationError",
    "Change",
    "Citation",
    "Decision",
    "Disposal",
    "Interval",
    "ManagementFacts",
    "Missing",
    "NotificationGiven",
    "Offence",
    "Order",
    "OrderTerm",
    "Outcome",
    "Person",
    "Reason",
    "ReviewApplication",
    "ReviewFacts",
    "RiskFacts",
    "RuleBook",
    "RulesetError",
    "Status",
    "Stay",
    "Term",
    "Trip",
    "TypedValue",
    "Undecidable",
    "Value",
    "Warning",
    "assess",
    "default_rulebook",
    "load_rulebook",
    "parse_case",
]
__all__ += sorted(_FROM_REGISTRY)  # the questions and their value models, from the registry
