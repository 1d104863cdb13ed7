"""The questions the library answers, by command-line name (see :mod:`.registry`, the one list of them).

Each question module is imported only when its question is first asked, so that a command-line query does not
pay for the modules of the other questions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .registry import BY_CLI, REGISTRY, Question, QuestionFunction

if TYPE_CHECKING:
    from .decisions import decision_adapter, decision_json_schema
    from .registry import *  # noqa: F403 - the question functions, for type checkers


class _Questions(Mapping[str, QuestionFunction]):
    """Command-line name -> the function that answers it, importing the question's module on first use."""

    def __getitem__(self, name: str) -> QuestionFunction:
        return BY_CLI[name].answer()

    def __iter__(self) -> Iterator[str]:
        return iter(BY_CLI)

    def __len__(self) -> int:
        return len(BY_CLI)


QUESTIONS: Mapping[str, QuestionFunction] = _Questions()

_FUNCTIONS = {question.function: question for question in REGISTRY}
_VALUES = {question.value: question for question in REGISTRY}


def __getattr__(name: str) -> Any:
    if name in ("decision_adapter", "decision_json_schema"):
        return getattr(import_module(".decisions", __name__), name)
    if name in _FUNCTIONS:
        return _FUNCTIONS[name].answer()
    if name in _VALUES:
        return _VALUES[name].value_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["QUESTIONS", "Question", "QuestionFunction", "decision_adapter", "decision_json_schema", *_FUNCTIONS,
           *_VALUES]
