"""The rules engine: ruleset schema, safe loader, condition compiler, evaluator and decision builder.

The engine knows no law: the rulesets, the vocabularies their conditions read and any catalogue are handed to
:func:`load_rulebook` (see :mod:`mappa_rules.rulebook`, where the law meets the engine).
"""

from .book import NotInForce, Parameter, RuleBook, RulesetError
from .builder import DecisionBuilder
from .conditions import UNKNOWN, ConditionError, compile_condition
from .evaluator import AtLeast, Gap, GroupResult, Ledger, Scope, ValueDef, evaluate_group
from .loader import Catalogue, Vocabularies, load_rulebook

__all__ = [
    "UNKNOWN",
    "AtLeast",
    "Catalogue",
    "ConditionError",
    "DecisionBuilder",
    "Gap",
    "GroupResult",
    "Ledger",
    "NotInForce",
    "Parameter",
    "RuleBook",
    "RulesetError",
    "Scope",
    "ValueDef",
    "Vocabularies",
    "compile_condition",
    "evaluate_group",
    "load_rulebook",
]
