"""The rules engine: ruleset schema, safe loader, condition compiler and evaluator."""

from .conditions import UNKNOWN, ConditionError, compile_condition
from .evaluator import Gap, Scope, evaluate_group
from .loader import RuleBook, RulesetError, default_rulebook, load_rulebook

__all__ = [
    "UNKNOWN",
    "ConditionError",
    "Gap",
    "RuleBook",
    "RulesetError",
    "Scope",
    "compile_condition",
    "default_rulebook",
    "evaluate_group",
    "load_rulebook",
]
