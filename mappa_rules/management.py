"""MAPPA management levels: the values the level-setting rules read (scope ``level``).

The judgements behind a level (risk of serious harm, whether meetings add value, whether senior oversight is
needed) belong to the Responsible Authority; they reach the library as facts (``case.mappa``) and the library
only shows which Guidance criteria they meet. The MAPPA category comes from the category question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .engine.evaluator import Scope, ValueDef, case_fact

__all__ = ["LEVEL_VALUES"]


def _judgement(field: str) -> Callable[[Scope], Any]:
    return case_fact("mappa", field, "The Responsible Authority's judgement or record")


def _category(scope: Scope) -> Any:
    """The MAPPA category on the date asked about (0: none), from the category question."""
    return scope.subject.get("category")


LEVEL_VALUES: Mapping[str, ValueDef] = {
    name: ValueDef(name, (fn.__doc__ or name).strip(), fn)
    for name, fn in (
        ("category", _category),
        ("risk_of_serious_harm", _judgement("risk_of_serious_harm")),
        ("meetings_add_value", _judgement("meetings_add_value")),
        ("active_coordination_needed", _judgement("active_coordination_needed")),
        ("previously_level3", _judgement("previously_level3")),
        ("senior_oversight_needed", _judgement("senior_oversight_needed")),
        ("short_notice_resources_needed", _judgement("short_notice_resources_needed")),
        ("current_level", _judgement("current_level")),
    )
}
