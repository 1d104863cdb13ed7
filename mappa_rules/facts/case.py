"""A case: everything known about one person for the questions asked (the model the case JSON Schema comes from)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from pydantic import Field, PrivateAttr, model_validator

from ..legal_time import MissingDayRule, TimeConventions, age_on
from ..limits import MAX_CASE_ITEMS, MAX_ITEMS
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

T = TypeVar("T")


class _Memo(dict[str, Any]):
    """What the machinery derives from one case, kept with it. It belongs to the case it was made for (a copy of
    the case starts afresh) and takes no part in comparing cases."""

    def __init__(self) -> None:
        super().__init__()
        self.owner: int | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Memo)

    __hash__ = None


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
        raise ValueError(f"disposals[{index}].offence.offender_age contradicts person.date_of_birth and the offence "
                         "date (the age they give at the offence is another)")


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
    disposals: list[Disposal] = Field(default_factory=list, max_length=MAX_ITEMS["disposals"])
    intervals: list[Interval] = Field(default_factory=list, max_length=MAX_ITEMS["intervals"])
    notifications: list[NotificationGiven] = Field(default_factory=list, max_length=MAX_ITEMS["notifications"])
    changes: list[Change] = Field(default_factory=list, max_length=MAX_ITEMS["changes"],
                                  description="Events to notify under SOA 2003 s.84.")
    trips: list[Trip] = Field(default_factory=list, max_length=MAX_ITEMS["trips"],
                              description="Journeys outside the UK (SOA 2003 s.86).")
    review: ReviewFacts = Field(default_factory=ReviewFacts)
    risk: RiskFacts = Field(default_factory=RiskFacts)
    counter_terrorism: CounterTerrorismFacts = Field(
        default_factory=CounterTerrorismFacts, description="Counter-Terrorism Act 2008 Part 4 notification (MAPPA).")
    orders: list[Order] = Field(default_factory=list, max_length=MAX_ITEMS["orders"],
                                description="Civil orders for sexual harm and s.96ZA notices.")
    mappa: ManagementFacts = Field(default_factory=ManagementFacts)
    stated: Stated = Field(
        default_factory=Stated, description="Statuses as recorded (registered since, MAPPA category, on licence).")
    _derived: _Memo = PrivateAttr(default_factory=_Memo)

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        items = (len(self.disposals) + len(self.intervals) + len(self.notifications) + len(self.trips)
                 + sum(1 + len(a.bodies_notified_on or ()) for a in self.review.applications)
                 + sum(1 + len(c.stays) for c in self.changes) + sum(1 + len(o.terms) for o in self.orders))
        if items > MAX_CASE_ITEMS:
            raise ValueError(f"more than {MAX_CASE_ITEMS} items in the case's lists together (disposals, intervals, "
                             "notifications, changes and their stays, trips, review applications and the days their "
                             "bodies were notified, orders and their terms): the limit for one case")
        ids = [d.id for d in self.disposals]
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                raise ValueError(f"disposals[{i}].id: used twice (ids must be unique)")
            seen.add(ident)
        born = self.person.date_of_birth
        for i, disposal in enumerate(self.disposals):
            if born and disposal.relevant_date and disposal.relevant_date < born:
                raise ValueError(f"disposals[{i}].relevant_date is before person.date_of_birth")
            if born and disposal.offence.offence_date and disposal.offence.offence_date < born:
                raise ValueError(f"disposals[{i}].offence.offence_date is before person.date_of_birth")
            _check_offender_age(i, disposal, born)
            relation = getattr(disposal.sentence, "relation", None)
            if relation is not None:
                if relation.to == disposal.id:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: a term cannot relate to itself")
                if relation.to not in seen:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: names no disposal of the case")
        self._check_relation_cycles()
        self._check_stated(seen)
        orders: set[str] = set()
        for i, order in enumerate(self.orders):
            if order.id in orders:
                raise ValueError(f"orders[{i}].id: used twice (ids must be unique)")
            orders.add(order.id)
            if order.applies_to is not None and order.applies_to not in seen:
                raise ValueError(f"orders[{i}].applies_to: names no disposal of the case")
        return self

    def _check_stated(self, disposals: set[str]) -> None:
        born = self.person.date_of_birth
        notification = self.stated.notification
        if born and notification is not None and notification.since < born:
            raise ValueError("stated.notification.since is before person.date_of_birth")
        if born and notification is not None and notification.relevant_date and notification.relevant_date < born:
            raise ValueError("stated.notification.relevant_date is before person.date_of_birth")
        supervision = self.stated.supervision
        if supervision is not None and supervision.disposal is not None and supervision.disposal not in disposals:
            raise ValueError("stated.supervision.disposal: names no disposal of the case")

    def _check_relation_cycles(self) -> None:
        links = {
            d.id: rel.to for d in self.disposals if (rel := getattr(d.sentence, "relation", None)) is not None
        }
        for start in links:
            node, steps = start, 0
            while node in links:
                node, steps = links[node], steps + 1
                if node == start or steps > len(links):
                    raise ValueError("disposals: the sentence relations form a cycle")

    def disposal(self, ident: str) -> Disposal:
        """The disposal with this id (``KeyError`` if none)."""
        return self.disposals[self._positions()[ident]]

    def position(self, disposal: Disposal) -> int:
        """Where ``disposal`` is in ``disposals`` (its path is ``disposals[<position>]``)."""
        return self._positions()[disposal.id]

    def _positions(self) -> dict[str, int]:
        return self.derived("disposal positions", lambda case: {d.id: i for i, d in enumerate(case.disposals)})

    def derived(self, key: str, make: Callable[[Case], T]) -> T:
        """``make(case)``, worked out once per case and kept (the case is immutable): for indexes the machinery
        builds over the facts, such as positions by id or the groups of related sentences."""
        memo = self._derived
        if memo.owner is None:
            memo.owner = id(self)
        elif memo.owner != id(self):
            memo = self._derived = _Memo()
            memo.owner = id(self)
        try:
            found: T = memo[key]
        except KeyError:
            found = memo.setdefault(key, make(self))
        return found
