"""Facts about the notification requirements (SOA 2003 Part 2): time disregarded, notifications given, changes,
trips abroad and applications for review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..limits import MAX_ITEMS
from .common import Day, FactsModel

__all__ = [
    "Change",
    "Interval",
    "NotificationGiven",
    "ReviewApplication",
    "ReviewFacts",
    "Stay",
    "Trip",
]


class Interval(FactsModel):
    """A time in custody, hospital or outside the UK (disregarded by SOA 2003 ss.83(6), 84(5), 85(4))."""

    kind: Literal["remanded_in_custody", "serving_sentence", "service_detention", "hospital", "outside_uk"]
    start: Day
    end: Day | None = Field(default=None, description="Null while the interval continues.")

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        return self


class NotificationGiven(FactsModel):
    """A notification the person gave to the police (the list is taken as the record of notifications given).

    ``initial``: SOA 2003 s.83(1); ``change``: s.84(1); ``periodic``: s.85(1); ``prescribed_information``: only
    information prescribed from 13 August 2012 (bank and card details, identity documents, a household with a
    child), which the Home Office treats as not moving the annual date.
    """

    kind: Literal["initial", "change", "periodic", "prescribed_information"]
    date: Day
    no_sole_or_main_residence: bool | None = Field(
        default=None,
        description="The home address notified was a place where the person can regularly be found, because "
        "they have no sole or main residence in the UK (SOA 2003 ss.83(7)(b), 85(6)).",
    )


class Stay(FactsModel):
    """Days spent residing or staying at one place, first to last inclusive."""

    first: Day
    last: Day

    @model_validator(mode="after")
    def _ordered(self) -> Stay:
        if self.last < self.first:
            raise ValueError("last is before first")
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
    kind: Literal["name", "home_address", "other_address", "release", "prescribed_change", "household_with_child"]
    date: Day | None = Field(
        default=None,
        description="The day the event happened; for other_address, the day the qualifying period was completed "
        "(worked out from 'stays' when they are given).",
    )
    occurred: bool | None = Field(
        default=None, description="False: the event has not happened (yet); null: unknown. Implied by 'date'."
    )
    stays: list[Stay] = Field(default_factory=list, max_length=MAX_ITEMS["changes[].stays"],
                              description="For other_address: the stays at the address.")
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
    departure: Day | None = None
    return_date: Day | None = Field(default=None, description="The day of return to the UK.")
    known_7_days_before: bool | None = Field(
        default=None, description="The person knew the travel details at least 7 days before departure."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Trip:
        if self.departure is not None and self.return_date is not None and self.return_date < self.departure:
            raise ValueError("return_date is before departure")
        return self


class ReviewApplication(FactsModel):
    """An application to the chief officer for review of indefinite notification requirements (ss.91B-91E)."""

    received: Day | None = Field(default=None, description="The day the chief officer received the application.")
    determination: Literal["pending", "discharged", "refused"] | None = None
    determination_date: Day | None = Field(default=None, description="The day of the s.91C determination.")
    notice_received: Day | None = Field(default=None, description="The day the offender received notice of it.")
    further_period_years: int | None = Field(
        default=None, ge=1, le=100,
        description="On a refusal: the years until the further qualifying date stated in the notice.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> ReviewApplication:
        received, decided, notice = self.received, self.determination_date, self.notice_received
        if received is not None and decided is not None and decided < received:
            raise ValueError("determination_date is before received")
        if decided is not None and notice is not None and notice < decided:
            raise ValueError("notice_received is before determination_date")
        if self.determination == "pending" and (decided is not None or notice is not None):
            raise ValueError("a pending application has no determination_date or notice_received")
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
    applications: list[ReviewApplication] = Field(
        default_factory=list, max_length=MAX_ITEMS["review.applications"],
        description="Applications made, oldest first.",
    )
