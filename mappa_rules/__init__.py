"""mappa-rules: the law of England & Wales on public protection as declarative rulesets.

Facts in (:class:`Case`), reasoned decisions out (:class:`Decision`). Every function is pure: the as-at date
is always an argument.
"""

from .assess import assess
from .decision import Citation, Decision, Missing, Outcome, Reason, Status, Warning
from .engine import RuleBook, RulesetError, default_rulebook, load_rulebook
from .facts import (
    Case,
    Change,
    Disposal,
    Interval,
    ManagementFacts,
    NotificationGiven,
    Offence,
    Order,
    OrderTerm,
    Person,
    ReviewApplication,
    ReviewFacts,
    RiskFacts,
    Stay,
    Term,
    Trip,
)
from .questions import (
    QUESTIONS,
    change_deadline,
    civil_orders,
    initial_deadline,
    mappa_category,
    mappa_level,
    notification_period,
    periodic,
    review,
    timeline,
    travel_notice,
)

__version__ = "0.1.0"

__all__ = [
    "QUESTIONS",
    "Case",
    "Change",
    "Citation",
    "Decision",
    "Disposal",
    "Interval",
    "ManagementFacts",
    "Missing",
    "NotificationGiven",
    "Offence",
    "Order",
    "OrderTerm",
    "Outcome",
    "Person",
    "Reason",
    "ReviewApplication",
    "ReviewFacts",
    "RiskFacts",
    "RuleBook",
    "RulesetError",
    "Status",
    "Stay",
    "Term",
    "Trip",
    "Warning",
    "assess",
    "change_deadline",
    "civil_orders",
    "default_rulebook",
    "initial_deadline",
    "load_rulebook",
    "mappa_category",
    "mappa_level",
    "notification_period",
    "periodic",
    "review",
    "timeline",
    "travel_notice",
]
