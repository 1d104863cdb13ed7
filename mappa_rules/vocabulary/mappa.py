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
    """Whether the person has been convicted, cautioned or found to have done the act of any offence (unknown when
    the case records no disposal: an empty record is not evidence of none)."""
    return True if scope.case.disposals else Gap(("disposals",))


PERSON_VALUES = values(
    ("may_cause_serious_harm", _risk("may_cause_serious_harm")),
    ("needs_multi_agency_management", _risk("needs_multi_agency_management")),
    ("has_disposal", _has_disposal),
    ("subject_to_notification", lambda scope: scope.subject.get("subject_to_notification")),
    ("category2_disposal", lambda scope: scope.subject.get("category2_disposal")),
)



def _judgement(field: str) -> Callable[[Scope], Any]:
    return case_fact("mappa", field, "The Responsible Authority's judgement or record")


def _category(scope: Scope) -> Any:
    """The MAPPA category on the date asked about (0: none), from the category question."""
    return scope.subject.get("category")


LEVEL_VALUES = values(
    ("category", _category),
    ("risk_of_serious_harm", _judgement("risk_of_serious_harm")),
    ("meetings_add_value", _judgement("meetings_add_value")),
    ("active_coordination_needed", _judgement("active_coordination_needed")),
    ("previously_level3", _judgement("previously_level3")),
    ("senior_oversight_needed", _judgement("senior_oversight_needed")),
    ("short_notice_resources_needed", _judgement("short_notice_resources_needed")),
    ("current_level", _judgement("current_level")),
)

SCOPES: Scopes = {"person": PERSON_VALUES, "level": LEVEL_VALUES}
