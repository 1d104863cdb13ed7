"""The offence catalogue's file format (``rulesets/offences/*.yaml``), as pydantic models validated at load: the
schedule, its entries (offence, paragraph, conditions as text, in-force dates, status), the general paragraphs and
the paragraphs known to exist but not read."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..decision import Status
from ..engine.schema import InForce


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SentencedRange(_Spec):
    """The persons an entry reaches, by the day they were sentenced for the offence (a transitional provision such
    as CTBSA 2019 s.25(3)): from ``from`` (inclusive) and before ``before``; null: no limit that way."""

    start: date | None = Field(default=None, alias="from")
    before: date | None = None
    earlier_sentences: str | None = Field(
        default=None, description="A parameter (value 'apply' or 'not_apply') saying whether the entry reaches a "
        "person sentenced before it came into force, where the text that would say is unread; read only then.")

    @model_validator(mode="after")
    def _ordered(self) -> SentencedRange:
        if self.start is not None and self.before is not None and self.before <= self.start:
            raise ValueError(f"applies_to_sentenced: before ({self.before}) is not after from ({self.start})")
        return self

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.before is None or day < self.before)

    def meets(self, earliest: date | None, latest: date) -> bool:
        """Whether a sentence passed between ``earliest`` (any day if None) and ``latest`` can fall in the range."""
        return (self.before is None or earliest is None or earliest < self.before) and (
            self.start is None or self.start <= latest)

    def words(self) -> str:
        if self.start is not None and self.before is not None:
            return f"persons sentenced from {self.start.isoformat()} and before {self.before.isoformat()}"
        if self.start is not None:
            return f"persons sentenced on or after {self.start.isoformat()}"
        assert self.before is not None
        return f"persons sentenced before {self.before.isoformat()}"


class EntrySpec(_Spec):
    offence: str = Field(min_length=3)
    title: str = Field(min_length=3)
    part: Literal[1, 2, 3] | None = None
    enactment: str = Field(min_length=3)
    section: str | None
    paragraph: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")
    in_force: InForce
    dates_status: Status
    status: Status
    condition: str | None = None
    condition_text: str | None = None
    other_condition: str | None = None
    sentencing_condition: str | None = None
    applies_to_sentenced: SentencedRange | None = Field(
        default=None, description="Only for persons sentenced within these days (one offence id may then be listed "
        "twice in a schedule, for persons sentenced at different times).")
    notes: str | None = None


class VocabularyAddition(_Spec):
    name: str
    type: str
    meaning: str


class GeneralParagraph(_Spec):
    """A paragraph about how the schedule is read (service offences, inchoate offences, ...): shown, not applied."""

    paragraph: str
    part: Literal[1, 2, 3] | None = None
    title: str
    url: str
    in_force: InForce
    dates_status: Status
    status: Status
    summary: str
    notes: str | None = None


class UnreadParagraph(_Spec):
    """A paragraph known to exist whose text could not be read: it asserts no offence and is never used."""

    paragraph_id: str
    title: str
    part: Literal[1, 2, 3] | None = None
    paragraph: str
    url: str
    dates_status: Status
    status: Status
    notes: str | None = None


class CatalogueSpec(_Spec):
    schedule: Literal["soa2003.sch3", "cja2003.sch15"]
    title: str
    url: str
    source_note: str
    vocabulary_additions: list[VocabularyAddition] = Field(default_factory=list)
    entries: list[EntrySpec] = Field(min_length=1)
    general_paragraphs: list[GeneralParagraph] = Field(default_factory=list)
    unread_paragraphs: list[UnreadParagraph] = Field(default_factory=list)
