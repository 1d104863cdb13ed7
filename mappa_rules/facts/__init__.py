"""Facts: what is known about a case, as typed, strict pydantic models (the input contract), one module per area.

Every field that the law needs but the caller may not know is optional, and ``None`` always means *unknown*,
never a default. :class:`Case` gathers them all; its JSON Schema is the input contract
(``mappa-rules schema case``).
"""

from .case import Case, Person
from .common import Day, Term
from .disposals import (
    Absolute,
    CautionDisposal,
    CommunityOrder,
    ConditionalDischarge,
    Disposal,
    ExtendedSentence,
    Fine,
    GuardianshipOrder,
    HospitalOrder,
    Imprisonment,
    Ipp,
    Life,
    Offence,
    OtherDisposal,
    Relation,
    Sentence,
    TrainingOrder,
)
from .mappa import CounterTerrorismFacts, ManagementFacts, RiskFacts
from .notification import Change, Interval, NotificationGiven, ReviewAppeal, ReviewApplication, ReviewFacts, Stay, Trip
from .orders import Order, OrderKind, OrderTerm
from .stated import Stated, StatedCategory, StatedNotification, StatedSupervision

__all__ = [
    "Absolute",
    "Case",
    "CautionDisposal",
    "Change",
    "CommunityOrder",
    "ConditionalDischarge",
    "CounterTerrorismFacts",
    "Day",
    "Disposal",
    "ExtendedSentence",
    "Fine",
    "GuardianshipOrder",
    "HospitalOrder",
    "Imprisonment",
    "Interval",
    "Ipp",
    "Life",
    "ManagementFacts",
    "NotificationGiven",
    "Offence",
    "Order",
    "OrderKind",
    "OrderTerm",
    "OtherDisposal",
    "Person",
    "Relation",
    "ReviewAppeal",
    "ReviewApplication",
    "ReviewFacts",
    "RiskFacts",
    "Sentence",
    "Stated",
    "StatedCategory",
    "StatedNotification",
    "StatedSupervision",
    "Stay",
    "Term",
    "TrainingOrder",
    "Trip",
]
