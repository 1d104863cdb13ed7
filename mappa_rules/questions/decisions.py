"""Any question's decision, typed: the union of each question's ``Decision[<its value model>]``, told apart by
``question``, built from the registry (and imported only when a decision is to be read back or described)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import Field, TypeAdapter, create_model

from ..decision import Decision
from .registry import REGISTRY, Question

__all__ = ["decision_adapter", "decision_json_schema"]


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
