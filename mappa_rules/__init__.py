"""mappa-rules: the law of England & Wales on public protection as declarative rulesets.

Facts in (:class:`Case`), reasoned decisions out (:class:`Decision`). Every function is pure: the as-at date
is always an argument.
"""

from .assess import assess
from .decision import Citation, Decision, Missing, Outcome, Reason, Status, Warning
from .engine import RuleBook, RulesetError, default_rulebook, load_rulebook
from .facts import Case, Disposal, Interval, NotificationGiven, Offence, Person, RiskFacts, Term
from .questions import QUESTIONS, mappa_category, notification_period

__version__ = "0.1.0"

__all__ = [
    "QUESTIONS",
    "Case",
    "Citation",
    "Decision",
    "Disposal",
    "Interval",
    "Missing",
    "NotificationGiven",
    "Offence",
    "Outcome",
    "Person",
    "Reason",
    "RiskFacts",
    "RuleBook",
    "RulesetError",
    "Status",
    "Term",
    "Warning",
    "assess",
    "default_rulebook",
    "load_rulebook",
    "mappa_category",
    "notification_period",
]
