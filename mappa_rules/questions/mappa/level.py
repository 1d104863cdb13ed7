"""Question ``mappa.level``: which level of management does the MAPPA Guidance point to? Guidance only.

MAPPA Guidance ch. 7 (levels), ch. 6 (Category 3) and the exit rules. The category comes from the category
question (so exit at the end of notification, a licence or a hospital order is explained by its reasons); the
level follows from the Responsible Authority's own judgements, supplied as facts (``case.mappa``). The value is
marked as guidance: the level is always the Responsible Authority's decision, never the library's. Review
intervals and referral timings are shown from unverified parameters, with warnings.

Outcome: ``yes`` when the guidance points to Level 1, 2 or 3; ``no`` when the case is not, or no longer,
managed under MAPPA; ``undetermined`` otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from ...decision import Decision, Outcome, TypedValue
from ...engine import DecisionBuilder, RuleBook
from ...engine.evaluator import Gap, Scope, evaluate_group
from ...facts import Case
from ...legal_time import Length, corresponding_day, corresponding_day_before, working_days_after
from ...legal_time.conventions import conventions_at
from ...rulebook import default_rulebook
from ...vocabulary.mappa import LEVEL_VALUES
from .category import mappa_category

QUESTION = "mappa.level"
TWO_MET = "mappa.level.two.met"


class LevelReview(TypedValue):
    """How often a Level 2 or 3 case is reviewed (MAPPA Guidance, unverified parameter)."""

    max_weeks: int = Field(description="The longest interval between reviews, in weeks.")
    next_review_by: date | None = Field(description="The next review is due by this day, from the last review.")


class LevelReferral(TypedValue):
    """Referral timings (MAPPA Guidance, unverified parameters)."""

    identify_by: date | None = Field(default=None, description="Identified as MAPPA-eligible by this working day.")
    refer_by: date | None = Field(default=None, description="Referred for Level 2 or 3 by this day before release.")


class MappaLevelValue(TypedValue):
    """Guidance on the level of management: always the Responsible Authority's decision, never the library's."""

    guidance: bool = Field(description="Always true: this is guidance.")
    final_decision: bool = Field(description="Always false: the level is the Responsible Authority's decision.")
    category: int | None = Field(description="The MAPPA category the guidance starts from.")
    current_level: int | None = Field(description="The level the case is managed at now, as stated.")
    level: int | None = Field(description="The level the guidance points to; null if undetermined or none.")
    leaves_mappa: bool | None = Field(description="The case leaves MAPPA.")
    change: str | None = Field(
        default=None, description="When decided: leave, set_at_screening, escalate, step_down or unchanged.")
    triggers: list[str] | None = Field(default=None, description="When escalating: the criteria that are met.")
    review: LevelReview | None = Field(default=None, description="For Level 2 or 3: the review interval.")
    referral: LevelReferral | None = Field(default=None, description="Referral timings, where the facts give them.")

    @classmethod
    def unknown(cls) -> MappaLevelValue:
        """Guidance still, and never the final decision, when nothing else could be worked out."""
        return cls.model_construct(guidance=True, final_decision=False, category=None, current_level=None,
                                   level=None, leaves_mappa=None)


def mappa_level(case: Case, as_of: date, book: RuleBook | None = None) -> Decision[MappaLevelValue]:
    """Answer ``mappa.level`` for ``case`` as at ``as_of``."""
    book = book or default_rulebook()
    builder = DecisionBuilder(QUESTION, as_of, book)
    category = mappa_category(case, as_of, book)
    builder.reasons.extend(category.reasons)
    builder.warnings.adopt(category.warnings, category.relied_on)
    number = (category.value.category or 0) if category.decided else None
    if number is None:
        builder.adopt(category)
    unknown = Gap(tuple(m.fact for m in category.missing))
    eligible = category.value.eligible
    subject = {"category": unknown if number is None else number, "eligible": unknown if eligible is None else eligible}
    scope = Scope(book, as_of, LEVEL_VALUES, case, subject, builder.warnings)
    two = evaluate_group(book.group("mappa.level.two"), scope)
    level_result = evaluate_group(book.group("mappa.level.result"), scope)
    read = set(level_result.fired.when.names) if level_result.fired else set()
    read.update(name for rule, _ in level_result.blocked for name in rule.when.names)
    if TWO_MET in read:
        builder.record(two, None)
    value: dict[str, Any] = {"guidance": True, "final_decision": False, "category": number or None,
                             "current_level": case.mappa.current_level}
    if not builder.record(level_result) or level_result.fired is None:
        value.update(level=None, leaves_mappa=None)
        return builder.build(Outcome.UNDETERMINED, MappaLevelValue.model_construct(**value), {})
    level = int(level_result.outputs["level"])
    value.update(level=level or None, leaves_mappa=bool(level_result.outputs["leaves_mappa"]))
    change = evaluate_group(book.group("mappa.level.change"), scope)
    builder.record(change)
    value["change"] = change.outputs.get("change")
    if value["change"] == "escalate":
        value["triggers"] = [r.fired.title for r in (two, level_result) if r.fired is not None]
    dates: dict[str, date] = {}
    if level:
        _timings(scope, case, level, value, dates)
    return builder.build(Outcome.YES if level else Outcome.NO, MappaLevelValue.model_construct(**value), dates)


def _timings(scope: Scope, case: Case, level: int, value: dict[str, Any], dates: dict[str, date]) -> None:
    """Review intervals and referral timings from the (unverified) Guidance parameters."""
    facts = case.mappa
    conventions = conventions_at(scope)
    if level in (2, 3):
        weeks = int(scope.param(f"mappa.level.level{level}.review_max_weeks"))
        due = None
        if facts.last_review is not None:
            due, _ = corresponding_day(facts.last_review, Length(days=weeks * 7), conventions)
            dates["next_review_by"] = due
        value["review"] = LevelReview.model_construct(max_weeks=weeks, next_review_by=due)
    referral: dict[str, Any] = {}
    if facts.sentenced_on is not None:
        days = int(scope.param("mappa.level.identify_working_days"))
        scope.param("mappa.level.working_days_convention")
        referral["identify_by"] = dates["identify_by"] = working_days_after(facts.sentenced_on, days)
    if facts.expected_release is not None and level in (2, 3):
        months = int(scope.param("mappa.level.prerelease_referral_months"))
        refer_by = corresponding_day_before(facts.expected_release, Length(months=months), conventions)
        referral["refer_by"] = dates["refer_by"] = refer_by
    if referral:
        value["referral"] = LevelReferral.model_construct(**referral)


def headline(decision: Decision[MappaLevelValue]) -> str:
    """One sentence answering the question: guidance, never a decision."""
    if decision.outcome is Outcome.YES:
        return f"Guidance (not a decision): MAPPA Level {decision.value.level} on {decision.as_of}."
    if decision.outcome is Outcome.NO:
        return f"Guidance (not a decision): not managed under MAPPA on {decision.as_of}."
    return "The MAPPA level guidance cannot be given on these facts."


__all__ = ["QUESTION", "LevelReferral", "LevelReview", "MappaLevelValue", "headline", "mappa_level"]
