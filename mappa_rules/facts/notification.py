"""Facts about the notification requirements (SOA 2003 Part 2): time disregarded, notifications given, changes,
trips abroad and applications for review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Day, FactsModel

__all__ = [
    "Change",
    "Interval",
    "NotificationGiven",
    "ReviewAppeal",
    "ReviewApplication",
    "ReviewFacts",
    "Stay",
    "Trip",
]


class Interval(FactsModel):
    """A time in custody, hospital or outside the UK (disregarded by SOA 2003 ss.83(6), 84(5), 85(4))."""

    kind: Literal["remanded_in_custody", "serving_sentence", "service_detention", "hospital", "outside_uk"] = Field(
        description="Where the person was: remanded in or committed to custody, serving a sentence in prison, in "
        "service detention, detained in a hospital, or outside the United Kingdom.")
    start: Day = Field(description="The first day of the interval (the day it began).")
    end: Day | None = Field(default=None, description="Null while the interval continues.")

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class NotificationGiven(FactsModel):
    """A notification the person gave to the police (the list is taken as the record of notifications given).

    ``initial``: SOA 2003 s.83(1); ``change``: s.84(1); ``periodic``: s.85(1); ``prescribed_information``: only
    information prescribed from 13 August 2012 (bank and card details, identity documents, a household with a
    child), which the Home Office treats as not moving the annual date.
    """

    kind: Literal["initial", "change", "periodic", "prescribed_information"] = Field(
        description="Which notification it was (see the kinds above).")
    date: Day = Field(description="The day the notification was given at the police station.")
    no_sole_or_main_residence: bool | None = Field(
        default=None,
        description="The home address notified was a place where the person can regularly be found, because "
        "they have no sole or main residence in the UK (SOA 2003 ss.83(7)(b), 85(6)).",
    )


class Stay(FactsModel):
    """Days spent residing or staying at one place, first to last inclusive."""

    first: Day = Field(description="The first day at the address.")
    last: Day = Field(description="The last day at the address (inclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> Stay:
        if self.last < self.first:
            raise ValueError(f"last ({self.last}) is before first ({self.first})")
        return self


class Change(FactsModel):
    """An event SOA 2003 s.84(1) requires the person to notify, and any advance notice of it (s.84(2)-(4)).

    ``name``: using a name not notified; ``home_address``: a change of home address; ``other_address``: staying
    at an un-notified UK address for a qualifying period (give ``stays``); ``release``: release from custody,
    imprisonment, service detention or hospital; ``prescribed_change``: a change of information prescribed from
    13 August 2012; ``household_with_child``: starting to reside or stay where a child lives (SI 2012/1876
    reg 10).
    """

    id: str | None = Field(default=None, description="A label used in reasons.")
    kind: Literal["name", "home_address", "other_address", "release", "prescribed_change", "household_with_child"] = (
        Field(description="The event (see the kinds above)."))
    date: Day | None = Field(
        default=None,
        description="The day the event happened; for other_address, the day the qualifying period was completed "
        "(worked out from 'stays' when they are given).",
    )
    occurred: bool | None = Field(
        default=None, description="False: the event has not happened (yet); null: unknown. Implied by 'date'."
    )
    stays: list[Stay] = Field(default_factory=list, description="For other_address: the stays at the address.")
    notified_in_advance: bool | None = Field(
        default=None, description="A notification was given before the event, stating its expected date (s.84(2))."
    )
    expected_date: Day | None = Field(default=None, description="The date stated in the advance notification.")
    child_resides_or_stays: bool | None = Field(
        default=None, description="For household_with_child: a child under 18 resides or stays there."
    )
    public_access: bool | None = Field(
        default=None, description="For household_with_child: the public have access to the place."
    )
    at_least_12_hours: bool | None = Field(
        default=None, description="For household_with_child: the person resides there, or stays at least 12 hours."
    )

    @model_validator(mode="after")
    def _coherent(self) -> Change:
        if self.date is not None and self.occurred is False:
            raise ValueError("a date is given but occurred is false")
        if self.stays and self.kind != "other_address":
            raise ValueError("'stays' are only for an other_address change")
        if self.stays and self.date is not None:
            raise ValueError("give either 'stays' or 'date' for an other_address change, not both")
        if self.expected_date is not None and self.notified_in_advance is not True:
            raise ValueError("expected_date is only for a change notified in advance (notified_in_advance: true)")
        household = (self.child_resides_or_stays, self.public_access, self.at_least_12_hours)
        if self.kind != "household_with_child" and any(v is not None for v in household):
            raise ValueError("child_resides_or_stays, public_access and at_least_12_hours are for household_with_child")
        return self


class Trip(FactsModel):
    """A journey outside the United Kingdom (SOA 2003 s.86 and the travel regulations)."""

    id: str | None = Field(default=None, description="A label used in reasons.")
    departure: Day | None = Field(default=None, description="The day of departure from the UK.")
    return_date: Day | None = Field(default=None, description="The day of return to the UK.")
    known_7_days_before: bool | None = Field(
        default=None, description="The person knew the travel details at least 7 days before departure."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Trip:
        if self.departure is not None and self.return_date is not None and self.return_date < self.departure:
            raise ValueError(f"return_date ({self.return_date}) is before departure ({self.departure})")
        return self


class ReviewAppeal(FactsModel):
    """An appeal to a magistrates' court against a s.91C determination (SOA 2003 s.91E)."""

    lodged: Day | None = Field(default=None, description="The day the complaint was made.")
    outcome: Literal["pending", "allowed", "dismissed"] | None = Field(
        default=None, description="allowed: the court ordered that the person should not remain subject.")
    order_date: Day | None = Field(default=None, description="The date of the court's order (s.91E(4)).")

    @model_validator(mode="after")
    def _coherent(self) -> ReviewAppeal:
        if self.order_date is not None and self.lodged is not None and self.order_date < self.lodged:
            raise ValueError(f"order_date ({self.order_date}) is before lodged ({self.lodged})")
        if self.outcome == "pending" and self.order_date is not None:
            raise ValueError("a pending appeal has no order_date")
        return self


class ReviewApplication(FactsModel):
    """An application to the chief officer for review of indefinite notification requirements (ss.91B-91E)."""

    received: Day | None = Field(default=None, description="The day the chief officer received the application.")
    determination: Literal["pending", "discharged", "refused"] | None = Field(
        default=None, description="discharged: the chief officer determined that the person should not remain "
        "subject to the indefinite requirements (s.91C(4)); refused: that they should remain subject.")
    determination_date: Day | None = Field(default=None, description="The day of the s.91C determination.")
    notice_received: Day | None = Field(default=None, description="The day the offender received notice of it.")
    further_period_years: int | None = Field(
        default=None, ge=1, le=100,
        description="On a refusal: the years until the further qualifying date stated in the notice.",
    )
    appeal: ReviewAppeal | None = Field(default=None, description="An appeal against a refusal (s.91E).")

    @model_validator(mode="after")
    def _ordered(self) -> ReviewApplication:
        received, decided, notice = self.received, self.determination_date, self.notice_received
        if received is not None and decided is not None and decided < received:
            raise ValueError(f"determination_date ({decided}) is before received ({received})")
        if decided is not None and notice is not None and notice < decided:
            raise ValueError(f"notice_received ({notice}) is before determination_date ({decided})")
        if self.determination == "pending" and (decided is not None or notice is not None):
            raise ValueError("a pending application has no determination_date or notice_received")
        if self.appeal is not None and self.determination != "refused":
            raise ValueError("appeal: only against a refusal (s.91E(1))")
        lodged = self.appeal.lodged if self.appeal is not None else None
        if lodged is not None and notice is not None and lodged < notice:
            raise ValueError(f"appeal.lodged ({lodged}) is before notice_received ({notice})")
        return self


class ReviewFacts(FactsModel):
    """Facts for the review of indefinite notification requirements (SOA 2003 ss.91A-91F)."""

    relevant_notification_date: Day | None = Field(
        default=None, description="The day of the 'relevant notification' from which s.91B(2) counts."
    )
    subject_to_order_excluding_review: bool | None = Field(
        default=None,
        description="On the date asked about the person is subject to a SHPO, interim SHPO, SOPO or interim SOPO "
        "(SOA 2003 s.91A(2)).",
    )
    applications: list[ReviewApplication] = Field(default_factory=list, description="Applications made, oldest first.")
