"""The MAPPA vocabularies: what the category rules read about the person (scope ``person``) and what the
level-setting rules read (scope ``level``).

The judgements behind a level (risk of serious harm, whether meetings add value, whether senior oversight is
needed) belong to the Responsible Authority; they reach the library as facts (``case.mappa``) and the library
only shows which Guidance criteria they meet. The MAPPA category comes from the category question.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Gap, Scope
from .values import Scopes, case_fact, values

__all__ = ["LEVEL_VALUES", "PERSON_VALUES", "SCOPES"]


def _risk(field: str) -> Callable[[Scope], Any]:
    return case_fact("risk", field, "The Responsible Authority's judgement")


def _has_disposal(scope: Scope) -> Any:
    """Whether, by the date asked about, the person had been convicted, cautioned or found to have done the act of
    any offence: a disposal dated on or before it. Unknown when the case records none by then (an empty record is
    not evidence of none), naming the dates of any undated disposals."""
    disposals = scope.case.disposals
    if any(d.relevant_date is not None and d.relevant_date <= scope.as_at for d in disposals):
        return True
    undated = tuple(f"disposals[{i}].relevant_date" for i, d in enumerate(disposals) if d.relevant_date is None)
    return Gap(undated or ("disposals",))


def _category4_disposal(scope: Scope) -> Any:
    """A disposal makes the person a relevant terrorist offender under CJA 2003 s.327(4D): worked out by the
    category question on first read (it is not needed before 28 April 2022, nor where (4C) decides)."""
    found = scope.subject.get("category4_disposal")
    return found() if callable(found) else found


PERSON_VALUES = values(
    ("may_cause_serious_harm", _risk("may_cause_serious_harm")),
    ("needs_multi_agency_management", _risk("needs_multi_agency_management")),
    ("terrorism_risk", _risk("terrorism_risk")),
    ("cta2008_notification", case_fact("counter_terrorism", "cta2008_notification",
                                       "Subject to Counter-Terrorism Act 2008 Part 4 notification on the date")),
    ("has_disposal", _has_disposal),
    ("subject_to_notification", lambda scope: scope.subject.get("subject_to_notification")),
    ("category2_disposal", lambda scope: scope.subject.get("category2_disposal")),
    ("category4_disposal", _category4_disposal),
)


def _judgement(field: str) -> Callable[[Scope], Any]:
    return case_fact("mappa", field, "The Responsible Authority's judgement or record")


def _category(scope: Scope) -> Any:
    """The MAPPA category on the date asked about (0: none), from the category question."""
    return scope.subject.get("category")


def _eligible(scope: Scope) -> Any:
    """Some MAPPA category applies on the date asked about (CJA 2003 ss.325(2), 327), from the category question,
    even where which one to record is undetermined."""
    return scope.subject.get("eligible")


LEVEL_VALUES = values(
    ("category", _category),
    ("eligible", _eligible),
    ("risk_of_serious_harm", _judgement("risk_of_serious_harm")),
    ("meetings_add_value", _judgement("meetings_add_value")),
    ("active_coordination_needed", _judgement("active_coordination_needed")),
    ("previously_level3", _judgement("previously_level3")),
    ("senior_oversight_needed", _judgement("senior_oversight_needed")),
    ("short_notice_resources_needed", _judgement("short_notice_resources_needed")),
    ("current_level", _judgement("current_level")),
)

SCOPES: Scopes = {"person": PERSON_VALUES, "level": LEVEL_VALUES}
