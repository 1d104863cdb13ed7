"""Question ``mappa.category``: which MAPPA category, if any, applies as at a date?

Criminal Justice Act 2003 ss.325-327 and the MAPPA Guidance. Category 1 follows from the notification question
(is the person subject to SOA 2003 Part 2 on the date?); Category 2 from each disposal (s.327(3)-(4), in the
words in force on the date) and whether its licence or hospital order still runs; Category 3 from the
Responsible Authority's judgements, which are facts supplied to the library, never made by it; from 28 April 2022
Category 4 (the Guidance's label for s.325(2)(aa) and (c)) from Counter-Terrorism Act 2008 notification, a
disposal meeting s.327(4D), or the RA's judgement of a risk of involvement in terrorism-related activity. Only what
had happened by the date counts. The lowest-numbered category that applies is recorded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue
from ...engine import DecisionBuilder, RuleBook
from ...engine.conditions import UNKNOWN
from ...engine.evaluator import Gap, Scope, evaluate_group
from ...facts import Case
from ...rulebook import default_rulebook
from ...vocabulary import PERSON_VALUES
from ..notification.period import NotificationPeriodValue, notification_period, subject_gaps
from ..shared import once
from .disposals import some_disposal_counts
from .stated import stated_category
from .terrorist_offenders import category4_disposal, still_current

QUESTION = "mappa.category"


class MappaCategoryValue(TypedValue):
    """The MAPPA category on the as-at date, with what each category gave."""

    categories: dict[str, bool | None] = Field(
        description="For Categories 1 to 4 ('1', '2', '3', '4'): whether it applies; null if undetermined. '4' is "
        "the Guidance's Category 4 (CJA 2003 s.325(2)(aa) and (c)), false before 28 April 2022.")
    category: int | None = Field(description="The category recorded (the lowest that applies, 1 to 4); null if none.")
    eligible: bool | None = Field(description="Some category applies; null if undetermined.")
    candidates: list[int] | None = Field(
        default=None, description="Present when undetermined: the categories that may still apply.")
    stated: bool | None = Field(
        default=None, description="Present when true: the category is the one the case records "
        "(stated.mappa_category), still in force on the as-at date.")


def mappa_category(
    case: Case, as_of: date, book: RuleBook | None = None,
    notification: Decision[NotificationPeriodValue] | None = None,
) -> Decision[MappaCategoryValue]:
    """Answer ``mappa.category`` for ``case`` as at ``as_of``.

    ``notification`` may pass in the ``notification.period`` decision for the same case and date, already
    computed (as :func:`mappa_rules.assess` does), so that it is not worked out twice.
    """
    book = book or default_rulebook()
    if notification is None:  # the level reads it too: within an assessment it is worked out once
        return once(QUESTION, (case, as_of, book),
                    lambda: _category(case, as_of, book, notification_period(case, as_of, book)))
    return _category(case, as_of, book, notification)


def _category(case: Case, as_of: date, book: RuleBook,
              notification: Decision[NotificationPeriodValue]) -> Decision[MappaCategoryValue]:
    builder = DecisionBuilder(QUESTION, as_of, book)
    facts = {
        "subject_to_notification": _notification_status(case, as_of, builder, notification),
        "category2_disposal": _category2_status(case, as_of, builder),
        "category4_disposal": lambda: category4_disposal(case, as_of, builder),
    }
    scope = Scope(book, as_of, PERSON_VALUES, case, facts, builder.warnings)
    eligible: dict[int, Any] = {}
    for number in (1, 2, 3, 4):
        result = evaluate_group(book.group(f"mappa.category.cat{number}"), scope)
        builder.record(result)
        verdict = scope.lookup(f"mappa.category.cat{number}.eligible")
        eligible[number] = None if verdict is UNKNOWN else bool(verdict)
    final = evaluate_group(book.group("mappa.category.result"), scope)
    builder.record(final)
    value: dict[str, Any] = {"categories": {str(k): v for k, v in eligible.items()}}
    recorded = stated_category(case, as_of, builder, eligible, notification)
    if recorded is not None:
        value["categories"][str(recorded)] = True
        value.update(category=recorded, eligible=True, stated=True)
        return builder.build(Outcome.YES, MappaCategoryValue.model_construct(**value), {})
    if final.decided and final.fired is not None:
        category = int(final.outputs["category"])
        if sum(1 for v in eligible.values() if v) > 1:
            scope.param("mappa.category.precedence")
        value.update(category=category or None, eligible=bool(category))
        return builder.build(Outcome.YES if category else Outcome.NO, MappaCategoryValue.model_construct(**value), {})
    candidates = [k for k, v in eligible.items() if v is not False]
    value.update(category=None, eligible=True if any(eligible.values()) else None, candidates=candidates)
    return builder.build(Outcome.UNDETERMINED, MappaCategoryValue.model_construct(**value), {})


def _notification_status(
    case: Case, as_of: date, builder: DecisionBuilder, notification: Decision[NotificationPeriodValue] | None
) -> Any:
    """Subject to notification on ``as_of``: True, False, or a gap naming what would decide it.

    The notification decision counts the disposals (SOA 2003 ss.80-82) and the civil orders that bring
    notification while they have effect: a SHPO or SOPO whether or not the person was already subject (SA 2020
    s.352; SOA 2003 ss.103G, 107(3)-(4)), and an SRO or RSHO after a conviction for breaching it (s.122I, s.129).
    Its reasons, missing facts and warnings become part of this decision.
    """
    assert notification is not None
    builder.reasons.extend(notification.reasons)
    builder.warnings.adopt(notification.warnings, notification.relied_on)
    status = notification.value.subject_on_as_of
    if status is None:
        builder.adopt(notification)
        gaps = notification.missing or (subject_gaps(case, as_of, builder.book) if notification.decided else [])
        for missing in gaps:
            builder.add_missing(missing.fact, missing.needed_for)
        return Gap(tuple(m.fact for m in gaps))
    return bool(status)


def _category2_status(case: Case, as_of: date, builder: DecisionBuilder) -> Any:
    """Whether any disposal currently qualifies for Category 2: True, False, or a gap (naming ``disposals`` when the
    case records none: an empty record is not evidence of no conviction)."""
    return some_disposal_counts(case, as_of, builder, "mappa.category.cat2.disposal", still_current)


def headline(decision: Decision[MappaCategoryValue]) -> str:
    """One sentence answering the question."""
    v = decision.value
    if decision.outcome is Outcome.YES:
        return f"MAPPA Category {v.category} on {decision.as_of}."
    if decision.outcome is Outcome.NO:
        return f"Not MAPPA-eligible on {decision.as_of} (no MAPPA category applies)."
    candidates = ", ".join(str(c) for c in v.candidates or [])
    return f"The MAPPA category cannot be decided on these facts (possible: {candidates or 'none'})."


__all__ = ["QUESTION", "MappaCategoryValue", "headline", "mappa_category"]
