"""A case: everything known about one person for the questions asked (the model the case JSON Schema comes from)."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ..legal_time import MissingDayRule, TimeConventions, age_on
from .common import Day, FactsModel
from .disposals import Disposal
from .mappa import CounterTerrorismFacts, ManagementFacts, RiskFacts
from .notification import Change, Interval, NotificationGiven, ReviewFacts, Trip
from .orders import Order
from .stated import Stated

__all__ = [
    "Case",
    "Person",
]


def _check_offender_age(index: int, disposal: Disposal, born: date | None) -> None:
    """A stated age at the offence must be one the date of birth allows on the day (or days) of the offence."""
    offence = disposal.offence
    if born is None or offence.offender_age is None or offence.offence_date is None:
        return
    last = offence.offence_date_to or offence.offence_date
    readings = [TimeConventions(missing_day=rule) for rule in MissingDayRule]
    low = min(age_on(born, offence.offence_date, c) for c in readings)
    high = max(age_on(born, last, c) for c in readings)
    if not low <= offence.offender_age <= high:
        shown = str(low) if low == high else f"{low} to {high}"
        raise ValueError(f"disposals[{index}].offence.offender_age ({offence.offender_age}) contradicts "
                         f"person.date_of_birth and the offence date: the offender was {shown} at the offence")


class Person(FactsModel):
    """The person the case is about."""

    date_of_birth: Day | None = Field(
        default=None, description="Decides the age on the relevant date (SOA 2003 s.82(2): periods halved under 18) "
        "and the review dates (s.91B); unknown, an answer that depends on the age is undetermined, never 'adult'.")


class Case(FactsModel):
    """Everything known about one person for the questions asked."""

    case_id: str | None = Field(
        default=None, description="The caller's own label for the case, repeated in batch output; not read by the law.")
    person: Person = Field(default_factory=Person, description="The person: the date of birth.")
    disposals: list[Disposal] = Field(default_factory=list)
    intervals: list[Interval] = Field(default_factory=list)
    notifications: list[NotificationGiven] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list, description="Events to notify under SOA 2003 s.84.")
    trips: list[Trip] = Field(default_factory=list, description="Journeys outside the UK (SOA 2003 s.86).")
    review: ReviewFacts = Field(default_factory=ReviewFacts)
    risk: RiskFacts = Field(default_factory=RiskFacts)
    counter_terrorism: CounterTerrorismFacts = Field(
        default_factory=CounterTerrorismFacts, description="Counter-Terrorism Act 2008 Part 4 notification (MAPPA).")
    orders: list[Order] = Field(default_factory=list, description="Civil orders for sexual harm and s.96ZA notices.")
    mappa: ManagementFacts = Field(default_factory=ManagementFacts)
    stated: Stated = Field(
        default_factory=Stated, description="Statuses as recorded (registered since, MAPPA category, on licence).")

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        ids = [d.id for d in self.disposals]
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                raise ValueError(f"disposals[{i}].id: {ident!r} is used twice")
            seen.add(ident)
        born = self.person.date_of_birth
        for i, disposal in enumerate(self.disposals):
            if born and disposal.relevant_date and disposal.relevant_date < born:
                raise ValueError(
                    f"disposals[{i}].relevant_date ({disposal.relevant_date}) is before person.date_of_birth ({born})"
                )
            if born and disposal.offence.offence_date and disposal.offence.offence_date < born:
                raise ValueError(f"disposals[{i}].offence.offence_date is before person.date_of_birth ({born})")
            _check_offender_age(i, disposal, born)
            relation = getattr(disposal.sentence, "relation", None)
            if relation is not None:
                if relation.to == disposal.id:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: a term cannot relate to itself")
                if relation.to not in seen:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: no disposal has id {relation.to!r}")
        self._check_relation_cycles()
        self._check_stated(seen)
        orders: set[str] = set()
        for i, order in enumerate(self.orders):
            if order.id in orders:
                raise ValueError(f"orders[{i}].id: {order.id!r} is used twice")
            orders.add(order.id)
            if order.applies_to is not None and order.applies_to not in seen:
                raise ValueError(f"orders[{i}].applies_to: no disposal has id {order.applies_to!r}")
        return self

    def _check_stated(self, disposals: set[str]) -> None:
        born = self.person.date_of_birth
        notification = self.stated.notification
        if born and notification is not None and notification.since < born:
            raise ValueError(f"stated.notification.since ({notification.since}) is before person.date_of_birth")
        supervision = self.stated.supervision
        if supervision is not None and supervision.disposal is not None and supervision.disposal not in disposals:
            raise ValueError(f"stated.supervision.disposal: no disposal has id {supervision.disposal!r}")

    def _check_relation_cycles(self) -> None:
        links = {
            d.id: rel.to for d in self.disposals if (rel := getattr(d.sentence, "relation", None)) is not None
        }
        for start in links:
            node, steps = start, 0
            while node in links:
                node, steps = links[node], steps + 1
                if node == start or steps > len(links):
                    raise ValueError(f"disposals: the sentence relations starting at {start!r} form a cycle")

    def disposal(self, ident: str) -> Disposal:
        for d in self.disposals:
            if d.id == ident:
                return d
        raise KeyError(ident)
