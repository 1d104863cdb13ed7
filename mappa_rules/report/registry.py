"""The counting rules by the name the table formats (``report_formats.yaml``) give them."""

from __future__ import annotations

from . import events, measures
from .measures import Measure

MEASURES: dict[str, Measure] = {
    "snapshot": measures.snapshot,
    "rso": measures.rso,
    "yearly_level": measures.yearly_level,
    "during_year": measures.during_year,
    "notification_breach": events.notification_breach,
    "review_revocation": events.review_revocation,
    "orders": events.orders,
    "sro_breach": events.sro_breach,
    "returns": events.returns,
    "serious_further_offences": events.serious_further_offences,
}

__all__ = ["MEASURES"]
