"""Decisions: the output contract of every question.

A :class:`Decision` is JSON-serialisable with stable field names. It says what was decided (``yes``, ``no`` or
``undetermined``), the typed value, the key dates, the reasons in order (each with the rule, its citation, the
facts it used and one sentence), the facts that would settle an undetermined answer, and warnings for any
reliance on an unverified provision or a declared convention. The one-sentence explanations are rendered only
when read or serialised, so batch work that never prints them does not pay for them.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

SCHEMA_VERSION = "1.0"
M = TypeVar("M", bound=BaseModel)


class Outcome(str, Enum):
    """The three outcomes: a question is decided either way, or it cannot be decided on the facts given."""

    YES = "yes"
    NO = "no"
    UNDETERMINED = "undetermined"


class Status(str, Enum):
    """How sure the library is of the legal text a rule or parameter encodes."""

    VERIFIED = "verified"
    """Read in the primary text (the legislation itself, or official guidance for guidance rules)."""
    SECONDARY = "secondary"
    """Taken from a secondary source: explanatory notes, official or practitioner guidance, case reports."""
    DERIVED = "derived"
    """Follows from verified text by reading or arithmetic."""
    UNVERIFIED = "unverified"
    """Not confirmed: the library relies on it only with a warning."""


class Citation(BaseModel):
    """Where a rule comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    instrument: str = Field(description="The Act, statutory instrument or guidance, e.g. 'Sexual Offences Act 2003'.")
    provision: str = Field(description="Section, subsection, schedule paragraph or chapter, e.g. 's.82(1)'.")
    url: str | None = Field(default=None, description="A legislation.gov.uk (or official) link to the text.")

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}"


class Reason(BaseModel):
    """One step of the reasoning: a rule that fired (or could not be decided), with what it used."""

    model_config = ConfigDict(extra="forbid")

    rule_id: str = Field(description="Stable id of the rule in rulesets/.")
    title: str = Field(description="Short title of the rule.")
    citation: Citation
    status: Status = Field(description="Verification status of the rule's legal text.")
    facts: dict[str, Any] = Field(default_factory=dict, description="The facts and derived values the rule read.")
    subject: str | None = Field(default=None, description="What the rule was applied to, e.g. a disposal id.")
    _template: str = PrivateAttr(default="")

    @computed_field(description="One plain-English sentence saying why the rule applies.")  # type: ignore[prop-decorator]
    @property
    def explanation(self) -> str:
        return render(self._template, self.facts)


class Missing(BaseModel):
    """A fact that, if supplied, would let an undetermined question be decided."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fact: str = Field(description="Path of the missing fact in the case, e.g. 'person.date_of_birth'.")
    needed_for: str = Field(description="The rule or question the fact would decide.")


UndecidableKind = Literal["conflict", "open_question", "not_encoded", "law_not_in_force", "beyond_calendar"]


class Undecidable(BaseModel):
    """Why an undetermined answer cannot be decided by supplying a fact: ``conflict`` (the facts contradict one
    another, or the law's dates), ``open_question`` (the law is unsettled and the library does not choose),
    ``not_encoded`` (the provision or reading is not encoded), ``law_not_in_force`` (the law asked about did not
    exist on the date) or ``beyond_calendar`` (a date computed from the case falls outside the calendar)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: UndecidableKind
    detail: str = Field(description="What stands in the way, in one sentence.")
    about: str | None = Field(default=None, description="The rule, parameter or fact it concerns.")


class Warning(BaseModel):
    """Reliance on an unverified provision, a declared convention, or an oddity in the data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="The parameter or rule id the warning is about.")
    message: str
    status: Status | None = None
    citation: Citation | None = None


class Decision(BaseModel):
    """A reasoned answer to one question about one case, as at a date."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    question: str = Field(description="The question answered, e.g. 'notification.period'.")
    as_of: date = Field(description="The date the question was asked for.")
    outcome: Outcome
    value: dict[str, Any] = Field(
        default_factory=dict, description="The typed answer; its keys depend on the question."
    )
    dates: dict[str, date] = Field(default_factory=dict, description="Named key dates, e.g. 'period_last_day'.")
    reasons: list[Reason] = Field(default_factory=list)
    missing: list[Missing] = Field(default_factory=list)
    undecidable: list[Undecidable] = Field(
        default_factory=list,
        description="For an undetermined answer that no missing fact would decide: why (a conflict, an open "
        "question, a provision not encoded, a law not in force, a date beyond the calendar).",
    )
    warnings: list[Warning] = Field(default_factory=list)
    ruleset_version: str = Field(description="Hash of the rulesets used.")

    @property
    def decided(self) -> bool:
        return self.outcome is not Outcome.UNDETERMINED


def render(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders from ``values``; an absent or unknown value reads as 'unknown'."""
    if "{" not in template:
        return template
    out: list[str] = []
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        name, _, rest = tail.partition("}")
        out.append(head)
        value = values.get(name)
        out.append(show_value(value))
    out.append(rest)
    return "".join(out)


def show_value(value: Any) -> str:
    """A fact or answer value in plain words: yes/no, ISO dates, whole numbers without '.0', None as unknown."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def make_reason(
    rule_id: str,
    title: str,
    citation: Citation,
    status: Status,
    template: str,
    facts: dict[str, Any],
    subject: str | None = None,
) -> Reason:
    """Build a reason without re-validating (its parts come from a validated ruleset and validated facts)."""
    return trusted(
        Reason,
        {"rule_id": rule_id, "title": title, "citation": citation, "status": status, "facts": facts,
         "subject": subject},
        {"_template": template},
    )


def trusted(cls: type[M], values: dict[str, Any], private: dict[str, Any] | None = None) -> M:
    """An instance of ``cls`` from values the library itself produced and already knows to be valid.

    Like ``model_construct`` (no validation), but without its per-call default resolution, which matters in
    batch work; every field of ``cls`` must be present in ``values``.
    """
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", private)
    return obj
