"""The initial-notification explanation gives each rule once per disposal, though the notification status (worked
out only when the s.83(2) test needs it) brings the disposals' reasons too."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from mappa_rules import Case, Outcome
from mappa_rules.questions import initial_deadline


def _caution(ident: str, day: date) -> dict[str, Any]:
    return {"id": ident, "trigger": "caution", "relevant_date": day, "offence": {"schedule3": True},
            "sentence": {"kind": "caution"}}


def test_each_rule_is_given_once_per_disposal() -> None:
    case = Case.model_validate({"person": {"date_of_birth": date(1980, 6, 1)},
                                "disposals": [_caution("a", date(2023, 5, 1)), _caution("b", date(2024, 2, 1))]})
    decision = initial_deadline(case, date(2026, 12, 1))
    assert decision.outcome is Outcome.YES
    counts = Counter((r.rule_id, r.subject) for r in decision.reasons)
    assert counts[("notification.period.subject.relevant_offender", "b")] == 1
    assert counts[("notification.period.relevant_date.caution", "b")] == 1
    assert [key for key, n in counts.items() if n > 1] == []
