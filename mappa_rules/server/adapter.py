"""What the server reads from the library beyond the public names: the question registry, each question's own
headline, and the offence catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from mappa_rules import Decision, default_rulebook
from mappa_rules.offences import OffenceCatalogue
from mappa_rules.offences import offence_catalogue as catalogue_of
from mappa_rules.questions.registry import REGISTRY
from mappa_rules.render import headline as render_headline


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """One question as the server shows it: its CLI name, the id its decisions carry, a one-line description."""

    name: str
    id: str
    description: str
    answer: type[BaseModel] | None = None
    """The typed model of ``Decision.value`` for this question."""


def question_table() -> list[QuestionInfo]:
    """Every question the library answers, in the registry's order, with its typed answer model."""
    return [QuestionInfo(name=q.cli, id=q.id, description=q.summary, answer=q.value_model()) for q in REGISTRY]


def headline(decision: Decision) -> str:
    """The one-sentence answer the CLI prints under the outcome (the question's own headline)."""
    return render_headline(decision)


def offence_catalogue() -> OffenceCatalogue:
    """The offence catalogue of the default rule book (search by words, find by id)."""
    return catalogue_of(default_rulebook())
