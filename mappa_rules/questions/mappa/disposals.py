"""Whether some disposal brings a MAPPA category on a date: the search Category 2 (CJA 2003 s.327(2)-(4)) and the
terrorist-offender limb (s.327(4D)) share. A disposal counts when its qualifying group says so and it still counts on
the date; an empty record is not evidence of no conviction, so it names ``disposals``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...engine import DecisionBuilder
from ...engine.evaluator import Gap, Scope, evaluate_group
from ...facts import Case
from ...vocabulary import DISPOSAL_VALUES

__all__ = ["some_disposal_counts"]

StillCounts = Callable[[Scope, DecisionBuilder, str], "bool | Gap"]


def some_disposal_counts(case: Case, as_of: date, builder: DecisionBuilder, qualifying_group: str,
                         still_counts: StillCounts) -> Any:
    """True if a disposal qualifies (group ``qualifying_group``, output ``qualifies``) and ``still_counts`` on
    ``as_of``; False if none does; otherwise a gap naming the facts that would decide it (an ``unresolved`` output
    leaves it open with no fact to name)."""
    if not case.disposals:
        return Gap(("disposals",))
    gaps: list[str] = []
    unresolved = False
    for disposal in case.disposals:
        scope = Scope(builder.book, as_of, DISPOSAL_VALUES, case, disposal, builder.warnings, builder.reasons)
        qualifies = evaluate_group(builder.book.group(qualifying_group), scope)
        if not builder.record(qualifies, disposal.id):
            gaps.extend(qualifies.missing())
            continue
        verdict = qualifies.outputs.get("qualifies")
        if verdict == "unresolved":
            unresolved = True
        elif verdict is True:
            counts = still_counts(scope, builder, disposal.id)
            if counts is True:
                return True
            if isinstance(counts, Gap):
                gaps.extend(counts.paths)
    if gaps or unresolved:
        return Gap(tuple(dict.fromkeys(gaps)))
    return False
