"""Decisions: the output contract of every question.

A :class:`Decision` is JSON-serialisable with stable field names. It says what was decided (``yes``, ``no`` or
``undetermined``), the typed value (a :class:`TypedValue` model of the question's own), the key dates, the
reasons in order (each with the rule, its citation, the facts it used and one sentence), the facts that would
settle an undetermined answer (or why none would), and warnings for any reliance on an unverified provision or a
declared convention.
The one-sentence explanations are rendered only when read or serialised, so batch work that never prints them does
not pay for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from types import UnionType
from typing import Any, ClassVar, Generic, Literal, Self, Union, cast, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ModelWrapValidatorHandler,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema
from typing_extensions import TypeVar

SCHEMA_VERSION = "1.2"
M = TypeVar("M", bound=BaseModel)


class Outcome(str, Enum):
    """The three outcomes: a question is decided either way, or it cannot be decided on the facts given."""

    YES = "yes"
    NO = "no"
    UNDETERMINED = "undetermined"


class Status(str, Enum):
    """How sure the library is of the legal text a rule or parameter encodes. One scale for the whole library:
    only legislation is ``verified``; the MAPPA Guidance, though issued under CJA 2003 s.325(8) and read, is
    guidance, so the rules taken from it are ``secondary``."""

    VERIFIED = "verified"
    """Its words were read in legislation (an Act or a statutory instrument); the notes say where, when it is not
    the text pack the project works from."""
    SECONDARY = "secondary"
    """Taken from a source that is not legislation: official guidance (the MAPPA Guidance, Home Office guidance),
    an official FAQ, explanatory notes, case reports. Listed in a decision's reasons or ``relied_on``, not warned."""
    DERIVED = "derived"
    """Follows from verified text by reading or arithmetic, with no competing reading. Not warned."""
    UNVERIFIED = "unverified"
    """Not confirmed from any text read: every decision that relies on it carries a warning."""


class Citation(BaseModel):
    """Where a rule comes from: one provision of one instrument."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    instrument: str = Field(description="One Act, statutory instrument, guidance or case, e.g. 'Sexual Offences "
                                        "Act 2003'.")
    provision: str = Field(description="Section, subsection, schedule paragraph or chapter of that instrument, "
                                       "e.g. 's.82(1)'.")
    url: str | None = Field(default=None, description="A legislation.gov.uk (or official) link to the text.")
    applies: str | None = Field(default=None, description="When this citation is the one that applies, where a rule "
                                                          "rests on different instruments by route or date.")

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}"


class Reason(BaseModel):
    """One step of the reasoning: a rule that fired (or could not be decided), with what it used."""

    model_config = ConfigDict(extra="forbid")

    rule_id: str = Field(description="Stable id of the rule in rulesets/.")
    title: str = Field(description="Short title of the rule.")
    citation: Citation = Field(description="The primary citation.")
    citations: list[Citation] = Field(
        default_factory=list, description="Further citations, each of one instrument (the primary is `citation`)."
    )
    status: Status = Field(description="Verification status of the rule's legal text.")
    facts: dict[str, Any] = Field(default_factory=dict, description="The facts and derived values the rule read.")
    subject: str | None = Field(default=None, description="What the rule was applied to, e.g. a disposal id.")
    stated: bool = Field(
        default=False, description="True when the step repeats a fact as the case states it (a recorded status), "
        "rather than one the library derived.")
    _template: str = PrivateAttr(default="")
    _text: str | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _read_back(cls, data: Any, handler: ModelWrapValidatorHandler[Reason]) -> Reason:
        """A reason read back from a decision's JSON keeps the sentence it was written with."""
        if not (isinstance(data, dict) and "explanation" in data):
            return handler(data)
        fields = dict(data)
        text = fields.pop("explanation")
        reason = handler(fields)
        reason._text = str(text)
        return reason

    @computed_field(description="One plain-English sentence saying why the rule applies.")  # type: ignore[prop-decorator]
    @property
    def explanation(self) -> str:
        return render(self._template, self.facts) if self._text is None else self._text


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
    """Where the answer may be wrong for a reason the user cannot see: reliance on a provision whose text is not
    confirmed, a declared convention whose alternative reading would change this result, or an oddity in the data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="The parameter or rule id the warning is about.")
    message: str
    status: Status | None = None
    citation: Citation | None = None


class Value(BaseModel):
    """A question's value: the typed answer a decision carries. It reads like the JSON it serialises to: a field left
    out of the answer is left out of the JSON (and ``value["field"]`` raises KeyError), and ``value.get("field")``,
    ``"field" in value`` and ``value["field"]`` work as they do on that JSON object.

    This base reads any question's value (its fields are kept as extras); each question declares its own model,
    a :class:`TypedValue`.
    """

    model_config = ConfigDict(extra="allow", serialize_by_alias=True, validate_by_name=True, validate_by_alias=True)

    _defaults: ClassVar[dict[str, Any]] = {}
    _names: ClassVar[dict[str, str]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = cls.model_fields
        cls._defaults = {name: f.default for name, f in fields.items() if not f.is_required()}
        cls._names = {(f.serialization_alias or f.alias or name): name for name, f in fields.items()}

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:  # type: ignore[override]
        """An answer from values the question itself worked out, without validation (as pydantic's
        ``model_construct``, but without its per-call default resolution, which matters in batch work). The fields
        given are the fields set: those left out are left out of the JSON."""
        assert values.keys() <= cls.model_fields.keys(), sorted(values.keys() - cls.model_fields.keys())
        obj = cls.__new__(cls)
        defaults = cls._defaults
        fields = {name: values[name] if name in values else defaults[name] for name in cls.model_fields}
        object.__setattr__(obj, "__dict__", fields)
        object.__setattr__(obj, "__pydantic_fields_set__", set(values) if _fields_set is None else _fields_set)
        object.__setattr__(obj, "__pydantic_extra__", None if cls.model_config.get("extra") == "forbid" else {})
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    @model_serializer(mode="wrap")
    def _only_the_fields_set(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        chosen = self.__pydantic_fields_set__
        if not isinstance(data, dict) or len(chosen) >= len(type(self).model_fields):
            return data
        names = type(self)._names
        return {key: item for key, item in data.items() if names.get(key, key) in chosen or key not in names}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The schema of the fields (the serializer only leaves out the fields not set, which are not required)."""
        if core_schema.get("type") == "model" and "serialization" in core_schema:
            core_schema = {k: v for k, v in core_schema.items() if k != "serialization"}
        return handler(core_schema)

    def _name(self, key: str) -> str:
        return type(self)._names.get(key, key)

    def __getitem__(self, key: str) -> Any:
        name = self._name(key)
        if name in type(self).model_fields and name in self.__pydantic_fields_set__:
            return getattr(self, name)
        extra = self.__pydantic_extra__ or {}
        if key in extra:
            return extra[key]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (self._name(key) in self.__pydantic_fields_set__
                                         or key in (self.__pydantic_extra__ or {}))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self.model_dump() == dict(other)
        return super().__eq__(other)

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key`` if the answer has it, else ``default`` (as on the JSON object)."""
        try:
            return self[key]
        except KeyError:
            return default


class TypedValue(Value):
    """The base of each question's own value model: its fields are declared, and nothing else is allowed."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def unknown(cls) -> Self:
        """The value of an answer the question could not work out at all (a law not in force on a date it depends
        on, a date beyond the calendar): each field it must give null, or an empty list or mapping, or false. A
        model with a field none of these fits overrides this."""
        return cast(Self, cls.model_construct(**{name: _blank(name, f.annotation)
                                                 for name, f in cls.model_fields.items() if f.is_required()}))


def _blank(name: str, annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (Union, UnionType) and type(None) in get_args(annotation):
        return None
    if origin is list:
        return []
    if origin is dict:
        return {}
    if annotation is bool:
        return False
    raise TypeError(f"{name}: no unknown value for {annotation!r} (override TypedValue.unknown)")


V = TypeVar("V", bound=Value, covariant=True, default=Value)


class Reliance(BaseModel):
    """A parameter the answer relied on whose text is not verified legislation, recorded without a warning: secondary
    or derived, or a declared convention whose alternative readings give the same result here."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="The parameter id.")
    title: str
    status: Status
    convention: bool = Field(description="A convention the library declares where the law is silent.")
    citation: Citation
    value: Any = Field(description="The value used.")


class Decision(BaseModel, Generic[V]):
    """A reasoned answer to one question about one case, as at a date. ``Decision[NotificationPeriodValue]`` is the
    decision of the question whose value model that is; ``Decision`` alone reads any decision."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    question: str = Field(description="The question answered, e.g. 'notification.period'.")
    as_of: date = Field(description="The date the question was asked for.")
    outcome: Outcome
    value: V = Field(description="The typed answer: its fields depend on the question (see its value model).")
    dates: dict[str, date] = Field(default_factory=dict, description="Named key dates, e.g. 'period_last_day'.")
    reasons: list[Reason] = Field(default_factory=list)
    missing: list[Missing] = Field(default_factory=list)
    undecidable: list[Undecidable] = Field(
        default_factory=list,
        description="For an undetermined answer that no missing fact would decide: why (a conflict, an open "
        "question, a provision not encoded, a law not in force, a date beyond the calendar).",
    )
    warnings: list[Warning] = Field(default_factory=list)
    relied_on: list[Reliance] = Field(
        default_factory=list, description="What else the answer relied on, without a warning (see Reliance)."
    )
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
    stated: bool = False,
    citations: list[Citation] | None = None,
) -> Reason:
    """Build a reason without re-validating (its parts come from a validated ruleset and validated facts);
    ``stated`` marks a reason that repeats a fact as the case states it."""
    return trusted(
        Reason,
        {"rule_id": rule_id, "title": title, "citation": citation, "citations": citations or [], "status": status,
         "facts": facts, "subject": subject, "stated": stated},
        {"_template": template, "_text": None},
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
