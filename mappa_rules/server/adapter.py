"""What the server needs from the library beyond its public API, in one place.

MERGE: the question registry (``mappa_rules.questions.registry``: rows of id, CLI name, module, function,
description), the headlines beside each question and the typed answer models are being introduced by the
package-layout refactor. Until they land, :func:`question_table` reads the temporary local table below;
at merge, :func:`question_table`, :func:`headline`, :func:`offence_catalogue` are switched to the registry
and the refactored modules, and ``_LOCAL_TABLE`` is deleted. Nothing else in ``mappa_rules.server`` reads
the library's internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from mappa_rules import QUESTIONS, Decision, default_rulebook


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """One question as the server shows it: its CLI name, the id its decisions carry, a one-line description."""

    name: str
    id: str
    description: str
    answer: type[BaseModel] | None = None
    """The typed model of ``Decision.value`` for this question, where the library defines one."""


# MERGE: temporary local table, to be replaced by the rows of mappa_rules.questions.registry.
_LOCAL_TABLE: dict[str, tuple[str, str]] = {
    "notification-period": (
        "notification.period",
        "Who must notify and for how long: the notification period of SOA 2003 s.82 and its last day.",
    ),
    "category": ("mappa.category", "The MAPPA category (1, 2, 3, or not eligible) on the as-of date (CJA 2003 s.325)."),
    "order": ("orders.check", "Civil orders (SHPO, SRO and the orders they replaced) checked against their limits."),
    "level": ("mappa.level", "MAPPA management level guidance (1, 2 or 3) from the Responsible Authority's view."),
    "initial-deadline": ("notification.initial", "The deadline for the initial notification (SOA 2003 s.83)."),
    "change-deadline": ("notification.change", "The deadlines for notifying changes of details (SOA 2003 s.84)."),
    "periodic": ("notification.periodic", "The date of the next periodic (annual) notification (SOA 2003 s.85)."),
    "travel-notice": ("notification.travel", "When notice of travel outside the UK is due (SOA 2003 s.86)."),
    "review": ("notification.review", "Review of indefinite notification: the qualifying date (SOA 2003 ss.91A-91F)."),
    "timeline": ("notification.timeline", "Every dated notification duty of one case, in order."),
}


def question_table() -> list[QuestionInfo]:
    """Every question the library answers, in the library's order (the adapter for the question registry)."""
    rows = []
    for name in QUESTIONS:
        ident, description = _LOCAL_TABLE.get(name, (name, f"The '{name}' question."))
        rows.append(QuestionInfo(name=name, id=ident, description=description))
    return rows


def headline(decision: Decision) -> str:
    """The one-sentence answer the CLI prints under the outcome."""
    from mappa_rules.render import headline as render_headline  # MERGE: the question's own headline()

    return render_headline(decision)


def offence_catalogue() -> Any:
    """The offence catalogue of the default rule book (search by words, find by id)."""
    return default_rulebook().offences  # MERGE: default_rulebook().catalogue("offences") after the refactor
