"""Facts about civil orders: SHPOs, SROs, the orders they replaced, notification orders and s.96ZA notices."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from ..limits import MAX_ITEMS
from .common import Day, FactsModel, Term

__all__ = [
    "Order",
    "OrderKind",
    "OrderTerm",
]


OrderKind = Literal[
    "shpo",
    "interim_shpo",
    "sro",
    "interim_sro",
    "sopo",
    "interim_sopo",
    "foreign_travel_order",
    "rsho",
    "interim_rsho",
    "notification_order",
    "interim_notification_order",
    "notification_notice",
]
"""Civil orders for sexual harm: SHPO and SRO (SOA 2003 ss.103A-103K, 122A-122K; SA 2020 ss.343-358), the orders
they replaced on 8 March 2015 (SOPO, foreign travel order, RSHO), notification orders and s.96ZA notices."""


class OrderTerm(FactsModel):
    """One prohibition or requirement of a civil order, with the period the order specifies for it."""

    id: str = Field(min_length=1, description="A label unique within the order, used in reasons and findings.")
    kind: Literal["prohibition", "requirement", "foreign_travel_prohibition"] = Field(
        description="A prohibition, a requirement, or a prohibition on foreign travel (whose maximum differs).")
    duration: Literal["fixed_period", "until_further_order"] | None = Field(
        default=None, description="A fixed period, or until further order; null if unknown (a period implies fixed)."
    )
    period: Term | None = Field(default=None, description="The fixed period specified in the order.")
    takes_effect: Day | None = Field(
        default=None, description="The day the term takes effect, where the order specifies one."
    )

    @model_validator(mode="after")
    def _coherent(self) -> OrderTerm:
        if self.duration == "until_further_order" and self.period is not None:
            raise ValueError("a term that has effect until further order has no fixed 'period'")
        return self


class Order(FactsModel):
    """A civil order as made (or a s.96ZA notice as given); terms as currently in force after any renewal."""

    id: str = Field(min_length=1, description="A label unique within the case, used in reasons.")
    kind: OrderKind = Field(description="The order: a SHPO or SRO (or an interim one), an order they replaced "
                            "(SOPO, foreign travel order, RSHO), a notification order, or a s.96ZA notice.")
    route: Literal["conviction", "finding", "application"] | None = Field(
        default=None, description="Made on conviction, on a finding of insanity or disability, or on application."
    )
    offence_listed: Literal["schedule3", "schedule5", "not_listed"] | None = Field(
        default=None,
        description="On conviction or finding: the offence is listed in SOA 2003 Sch 3 (any condition about the "
        "disposal or anyone's age disregarded) or Sch 5, or neither.",
    )
    conviction_date: Day | None = Field(default=None, description="On conviction: the date of the conviction.")
    application_date: Day | None = Field(default=None, description="On application: the day it was made.")
    made: Day | None = Field(default=None, description="The day the order was made (or the notice given).")
    served: Day | None = Field(default=None, description="The day the order was served.")
    terms: list[OrderTerm] = Field(default_factory=list, max_length=MAX_ITEMS["orders[].terms"])
    ceased_on: Day | None = Field(
        default=None,
        description="The last day the order had effect, if it was discharged, replaced or (interim orders) ended "
        "by the determination of the main application.",
    )
    already_subject: bool | None = Field(
        default=None,
        description="Subject to SOA 2003 Part 2 notification immediately before the order was made (for an SRO: "
        "on the date of service); null: worked out from the disposals where they decide it.",
    )
    replaces_interim: bool | None = Field(
        default=None, description="For an SRO: it replaces an interim SRO (SOA 2003 s.122F(1)(a))."
    )
    breached: bool | None = Field(
        default=None,
        description="Convicted, found or cautioned for breaching this order (SOA 2003 s.122H or s.128).",
    )
    breach_date: Day | None = Field(
        default=None, description="The date of the first such conviction, finding or caution."
    )
    applies_to: str | None = Field(
        default=None, description="For a notification order or s.96ZA notice: the id of the disposal recording the "
        "conviction, finding or caution outside the UK it was made for (SOA 2003 ss.96ZA, 97, 98).")

    @model_validator(mode="after")
    def _coherent(self) -> Order:
        made = self.made
        if made is not None:
            for name in ("served", "ceased_on", "breach_date"):
                later: date | None = getattr(self, name)
                if later is not None and later < made:
                    raise ValueError(f"{name} is before made")
            for name in ("conviction_date", "application_date"):
                earlier: date | None = getattr(self, name)
                if earlier is not None and earlier > made:
                    raise ValueError(f"{name} is after made")
        if self.applies_to is not None and self.kind not in ("notification_order", "notification_notice"):
            raise ValueError("applies_to is only for a notification_order or a notification_notice")
        if self.breached is False and self.breach_date is not None:
            raise ValueError("breach_date is given but breached is false")
        seen: set[str] = set()
        for j, term in enumerate(self.terms):
            if term.id in seen:
                raise ValueError(f"terms[{j}].id: used twice (ids must be unique)")
            seen.add(term.id)
            if made is not None and term.takes_effect is not None and term.takes_effect < made:
                raise ValueError(f"terms[{j}].takes_effect is before made")
        return self
