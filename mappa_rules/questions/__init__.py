"""The questions the library answers, by command-line name (see :mod:`.registry`, the one list of them).

Each question module is imported only when its question is first asked, so that a command-line query does not
pay for the modules of the other questions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Field, TypeAdapter, create_model

from ..decision import Decision
from .registry import BY_CLI, REGISTRY, Question, QuestionFunction

if TYPE_CHECKING:
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


@cache
def decision_adapter() -> TypeAdapter[Decision]:
    """Reads and describes any question's decision: a union of each question's ``Decision[<its value model>]``,
    told apart by ``question``. Its JSON Schema (``mappa-rules schema decision``) shows what each answer holds;
    ``decision_adapter().validate_json(text)`` reads a decision back with its typed value."""
    union: Any = Annotated[Union[tuple(_variant(q) for q in REGISTRY)], Field(discriminator="question")]  # noqa: UP007
    return TypeAdapter(union)


def decision_json_schema() -> dict[str, Any]:
    """The JSON Schema of a decision (serialised): one variant per question, told apart by ``question``, each with its
    value model."""
    schema = decision_adapter().json_schema(mode="serialization")
    return {"title": "Decision", "description": (Decision.__doc__ or "").split("``")[0].strip(), "type": "object",
            **schema}


def _variant(question: Question) -> type[Decision]:
    """``Decision[<value model>]`` whose ``question`` can only be this question's id."""
    base: type[Decision] = Decision[question.value_model()]  # type: ignore[misc,assignment]
    only: Any = Literal[question.id]
    return create_model(
        question.value.removesuffix("Value") + "Decision",
        __base__=base,
        __doc__=f"A decision of the question {question.id!r} (command line: {question.cli!r}): {question.summary}",
        question=(only, Field(description="The question answered.")),
    )


def __getattr__(name: str) -> Any:
    if name in _FUNCTIONS:
        return _FUNCTIONS[name].answer()
    if name in _VALUES:
        return _VALUES[name].value_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["QUESTIONS", "Question", "QuestionFunction", "decision_adapter", "decision_json_schema", *_FUNCTIONS,
           *_VALUES]
