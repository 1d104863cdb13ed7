"""Facts about the notification requirements (SOA 2003 Part 2): time disregarded, notifications given, changes,
trips abroad and applications for review."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from ..limits import MAX_ITEMS
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
            raise ValueError("end is before start")
        return self


class NotificationGiven(FactsModel):
    """A notification the person gave to the police (the list is taken as the record of notifications given).

    ``initial``: SOA 2003 s.83(1); ``change``: s.84(1); ``periodic``: s.85(1); ``prescribed_information``: a s.84(1)
    notification of a prescribed change of circumstances only (s.84(1)(ca); SI 2012/1876 regs 11, 13, 15: a bank
    account or card, an identity document, a household with a child), from 13 August 2012; ``non_occurrence``: that
    an event notified in advance did not occur (s.84(4)(b); not a s.85(2) event). Notifications of travel (s.86) are
    the trips' ``notified_on``, ``change_notified_on`` and ``return_notified_on``.
    """

    kind: Literal["initial", "change", "periodic", "prescribed_information", "non_occurrence"] = Field(
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
    """A journey outside the United Kingdom (SOA 2003 s.86 and the travel regulations: SI 2001/1846, SI 2004/1220,
    as amended by SI 2012/1876). An excuse is a fact the case states: an excuse left out is taken as none, and the
    answer then also gives the date an excuse would allow."""

    id: str | None = Field(default=None, description="A label used in reasons.")
    departure: Day | None = Field(default=None, description="The intended date of departure.")
    return_date: Day | None = Field(
        default=None, description="The intended date of return to the UK: with the departure, the length of the trip.")
    details_known_on: Day | None = Field(
        default=None, description="The day the person knew the date of departure, the first country and the point "
        "of arrival (SOA 2003 s.86(2)(a)-(b)); it decides known_more_than_7_days_before.")
    known_more_than_7_days_before: bool | None = Field(
        default=None, description="The person knew those details more than 7 days before the date of departure "
        "(SI 2004/1220 reg 5(2)-(3)); give this or details_known_on.")
    reasonable_excuse: bool | None = Field(
        default=None, description="A reasonable excuse for not giving 7 days' notice (reg 5(2)(b)); null: none stated.")
    notified_on: Day | None = Field(default=None, description="The day the s.86(2) notification was given.")
    notified_by_latest_time: bool | None = Field(
        default=None, description="For notice given on the latest day where the regulations fix a clock time on it "
        "(12 hours before the date of departure: 12:00 the day before): it was given by that time; null: not known.")
    details_changed_on: Day | None = Field(
        default=None, description="The day the details notified became inaccurate or incomplete, before departure "
        "(reg 7(1)).")
    change_reasonable_excuse: bool | None = Field(
        default=None, description="A reasonable excuse for notifying the change less than 24 hours before the date "
        "of departure (reg 7(3), from 13 August 2012); null: none stated.")
    change_notified_on: Day | None = Field(
        default=None, description="The day the further notification of the changed details was given (reg 7).")
    returned_on: Day | None = Field(default=None, description="The day the person actually returned to the UK (reg 8).")
    return_notified_on: Day | None = Field(
        default=None, description="The day the return was notified (s.86(3), reg 8).")
    return_as_notified: bool | None = Field(
        default=None, description="The notification disclosed a date and point of return, and the person returned "
        "on that date at that point (reg 8(3)).")
    notices_complete: bool | None = Field(
        default=None, description="The notice dates given for this trip (notified_on, change_notified_on, "
        "return_notified_on) are the whole record: one left null was not given. Null or false: a null date is not "
        "known, and whether the notice it would record was given is unknown.")

    @model_validator(mode="before")
    @classmethod
    def _renamed(cls, data: Any) -> Any:
        if isinstance(data, dict) and "known_7_days_before" in data:
            raise ValueError("known_7_days_before: renamed known_more_than_7_days_before (SI 2004/1220 reg 5(2): "
                             "'more than seven days before')")
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Trip:
        departure = self.departure
        later = (("return_date", self.return_date), ("returned_on", self.returned_on))
        for name, day in later:
            if departure is not None and day is not None and day < departure:
                raise ValueError(f"{name} is before departure")
        earlier = (("notified_on", self.notified_on), ("details_known_on", self.details_known_on))
        for name, day in earlier:
            if departure is not None and day is not None and day > departure:
                raise ValueError(f"{name} is after departure")
        if self.details_known_on is not None and self.known_more_than_7_days_before is not None:
            raise ValueError("give details_known_on or known_more_than_7_days_before, not both")
        changed = self.details_changed_on
        if changed is not None:
            if self.notified_on is None or changed < self.notified_on:
                raise ValueError("details_changed_on: only after the trip was notified (give notified_on, no later)")
            if departure is not None and changed >= departure:
                raise ValueError("details_changed_on is not before departure")
        if self.return_as_notified is not None and self.returned_on is None:
            raise ValueError("return_as_notified needs returned_on")
        self._notices_ordered()
        return self

    def _notices_ordered(self) -> None:
        """A further notification follows the change it reports, a return notification the return (reg 7(1), 8)."""
        if self.notified_by_latest_time is not None and self.notified_on is None:
            raise ValueError("notified_by_latest_time needs notified_on")
        pairs = (("change_notified_on", self.change_notified_on, "details_changed_on", self.details_changed_on),
                 ("return_notified_on", self.return_notified_on, "returned_on", self.returned_on))
        for name, given, after, day in pairs:
            if given is not None and (day is None or given < day):
                raise ValueError(f"{name}: only on or after {after} (give {after}, no later)")


class ReviewAppeal(FactsModel):
    """An appeal to a magistrates' court against a s.91C determination (SOA 2003 s.91E)."""

    lodged: Day | None = Field(default=None, description="The day the complaint was made.")
    outcome: Literal["pending", "allowed", "dismissed"] | None = Field(
        default=None, description="allowed: the court ordered that the person should not remain subject.")
    order_date: Day | None = Field(default=None, description="The date of the court's order (s.91E(4)).")

    @model_validator(mode="after")
    def _coherent(self) -> ReviewAppeal:
        if self.order_date is not None and self.lodged is not None and self.order_date < self.lodged:
            raise ValueError("order_date is before lodged")
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
    bodies_notified_on: list[Day] | None = Field(
        default=None, max_length=MAX_ITEMS["review.applications[].bodies_notified_on"],
        description="The days on which the responsible bodies the chief officer notified of the "
        "application (s.91B(8)(b)) received the notification; [] when none was notified; null: not known.")
    further_period_years: int | None = Field(
        default=None, ge=1, le=100,
        description="On a refusal: a longer period (s.91B(5)) set in the notice, in years; null: none set, so the "
        "further qualifying date is 8 years after the determination (s.91B(3)).",
    )
    appeal: ReviewAppeal | None = Field(
        default=None, description="An appeal against a refusal (s.91E); null if no appeal is recorded.")

    @model_validator(mode="after")
    def _ordered(self) -> ReviewApplication:
        received, decided, notice = self.received, self.determination_date, self.notice_received
        if received is not None and decided is not None and decided < received:
            raise ValueError("determination_date is before received")
        if decided is not None and notice is not None and notice < decided:
            raise ValueError("notice_received is before determination_date")
        if self.determination == "pending" and (decided is not None or notice is not None):
            raise ValueError("a pending application has no determination_date or notice_received")
        if received is not None and any(day < received for day in self.bodies_notified_on or []):
            raise ValueError("bodies_notified_on: a day is before received")
        if self.appeal is not None and self.determination != "refused":
            raise ValueError("appeal: only against a refusal (s.91E(1))")
        lodged = self.appeal.lodged if self.appeal is not None else None
        if lodged is not None and notice is not None and lodged < notice:
            raise ValueError("appeal.lodged is before notice_received")
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
    notification_continuation_order_expiry: Day | None = Field(
        default=None, description="The day the fixed period of a notification continuation order made in Scotland "
        "(SOA 2003 ss.88A-88I) expires: the qualifying date is no earlier (s.91B(7)). Usually none.")
