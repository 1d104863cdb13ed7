"""Facts about disposals: the offence, the conviction, caution or finding, and the sentence (SOA 2003 ss.80-82,
131; CJA 2003 s.327)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import Day, FactsModel, Term

__all__ = [
    "Absolute",
    "CautionDisposal",
    "CommunityOrder",
    "ConditionalDischarge",
    "Disposal",
    "ExtendedSentence",
    "Fine",
    "GuardianshipOrder",
    "HospitalOrder",
    "Imprisonment",
    "Ipp",
    "Life",
    "Offence",
    "OtherDisposal",
    "Relation",
    "Sentence",
    "TrainingOrder",
]


class Relation(FactsModel):
    """How a custodial term relates to another disposal's term (SOA 2003 s.82(3)-(4)).

    ``consecutive``: this term starts when the other ends; ``concurrent``: wholly concurrent with it;
    ``partly_concurrent``: the two overlap by ``overlap``.
    """

    to: str = Field(min_length=1, description="The id of the other disposal.")
    kind: Literal["consecutive", "concurrent", "partly_concurrent"]
    overlap: Term | None = Field(default=None, description="For partly concurrent terms: how long they overlap.")

    @model_validator(mode="after")
    def _overlap_only_when_partly(self) -> Relation:
        if self.kind == "partly_concurrent" and self.overlap is None:
            raise ValueError("a partly concurrent term needs 'overlap'")
        if self.kind != "partly_concurrent" and self.overlap is not None:
            raise ValueError("'overlap' is only for partly concurrent terms")
        return self


class Imprisonment(FactsModel):
    """Imprisonment, or detention that SOA 2003 s.131 treats as equivalent (YOI, s.91/s.250, s.252A)."""

    kind: Literal["imprisonment"]
    form: Literal["imprisonment", "young_offender_institution", "s91_s250_detention", "s252a_detention"] = (
        "imprisonment"
    )
    term: Term
    suspended: bool = Field(default=False, description="True for a suspended sentence order.")
    relation: Relation | None = None


class TrainingOrder(FactsModel):
    """Detention and training order; ``term`` is the whole order (the detention period is part of it)."""

    kind: Literal["detention_and_training_order"]
    term: Term
    relation: Relation | None = None


class ExtendedSentence(FactsModel):
    """Extended sentence: a custodial term followed by an extension period on licence."""

    kind: Literal["extended_sentence"]
    custodial_term: Term
    extension_period: Term
    relation: Relation | None = None


class Life(FactsModel):
    """Imprisonment, custody or detention for life, or detention during His Majesty's pleasure."""

    kind: Literal["life"]
    form: Literal[
        "imprisonment_for_life", "custody_for_life", "detention_for_life", "detention_during_his_majestys_pleasure"
    ] = "imprisonment_for_life"


class Ipp(FactsModel):
    """Imprisonment (or detention) for public protection, CJA 2003 ss.225-226."""

    kind: Literal["ipp"]
    form: Literal["imprisonment_for_public_protection", "detention_for_public_protection"] = (
        "imprisonment_for_public_protection"
    )


class HospitalOrder(FactsModel):
    """Hospital order (Mental Health Act 1983), with or without a restriction order."""

    kind: Literal["hospital_order"]
    restriction_order: bool | None = Field(description="Whether a restriction order was made; null if unknown.")


class GuardianshipOrder(FactsModel):
    """Guardianship order (Mental Health Act 1983 s.37)."""

    kind: Literal["guardianship_order"]


class CommunityOrder(FactsModel):
    """Community order, youth rehabilitation order or other community sentence."""

    kind: Literal["community_order"]
    length: Term | None = None


class Fine(FactsModel):
    kind: Literal["fine"]


class ConditionalDischarge(FactsModel):
    """Conditional discharge for the stated period (counts as a conviction: SOA 2003 s.134)."""

    kind: Literal["conditional_discharge"]
    period: Term


class Absolute(FactsModel):
    """Absolute discharge."""

    kind: Literal["absolute_discharge"]


class CautionDisposal(FactsModel):
    """Caution, including a youth caution, reprimand or final warning (SOA 2003 s.133)."""

    kind: Literal["caution"]


class OtherDisposal(FactsModel):
    """Any other disposal (e.g. referral order), described in words."""

    kind: Literal["other"]
    description: str = Field(min_length=1)


Sentence = Annotated[
    Imprisonment
    | TrainingOrder
    | ExtendedSentence
    | Life
    | Ipp
    | HospitalOrder
    | GuardianshipOrder
    | CommunityOrder
    | Fine
    | ConditionalDischarge
    | Absolute
    | CautionDisposal
    | OtherDisposal,
    Field(discriminator="kind"),
]


class Offence(FactsModel):
    """The offence and the caller's view of how the schedules treat it (null = unknown)."""

    description: str | None = None
    offence_id: str | None = Field(default=None, description="Id in the offence catalogue, e.g. 'soa2003.s3'.")
    offence_date: Day | None = None
    schedule3: bool | None = Field(
        default=None, description="Listed in SOA 2003 Schedule 3 with the paragraph's conditions met."
    )
    schedule15: Literal["part_1", "part_2", "part_3", "not_listed"] | None = Field(
        default=None, description="The Part of CJA 2003 Schedule 15 that lists the offence, or 'not_listed'."
    )
    murder: bool | None = None
    terrorism: bool | None = None
    s327_4a: bool | None = Field(default=None, description="An offence specified in CJA 2003 s.327(4A).")
    victim_age: int | None = Field(default=None, ge=0, le=130, description="Victim's age at the offence.")
    offender_age: int | None = Field(
        default=None, ge=0, le=130,
        description="Offender's age at the offence; if null it is worked out from the date of birth and offence_date.",
    )
    intended_victim_age: int | None = Field(
        default=None, ge=0, le=130, description="Age of the person against whom an intended offence was aimed."
    )
    images_showed_person_under_16: bool | None = Field(
        default=None, description="The indecent photographs or goods showed a person under 16 (Sch 3 paras 13-15)."
    )
    purpose_sexual_gratification: bool | None = Field(
        default=None, description="A s.67A offence was committed for sexual gratification (Sch 3 para 34A)."
    )
    burglary_intent: Literal["inflict_gbh", "unlawful_damage", "rape", "steal", "other"] | None = Field(
        default=None, description="For burglary (Theft Act 1968 s.9): the ulterior intent (Sch 15 paras 32, 97)."
    )
    aggravated_vehicle_taking_caused_death: bool | None = Field(
        default=None, description="A Theft Act 1968 s.12A offence in which an accident caused a death."
    )
    charged_as_arson: bool | None = Field(
        default=None, description="A Criminal Damage Act 1971 s.1 offence committed by fire (arson)."
    )
    involves_murder: bool | None = Field(
        default=None, description="An International Criminal Court Act 2001 s.51/52 offence involving murder."
    )
    sexual_exploitation_purpose: bool | None = Field(
        default=None, description="A Modern Slavery Act 2015 s.2 offence with a view to sexual exploitation."
    )


class Disposal(FactsModel):
    """One conviction, caution or finding for one offence, and what the court or police did about it."""

    id: str = Field(min_length=1, description="A label unique within the case, used in reasons.")
    trigger: Literal["conviction", "caution", "insanity_finding", "disability_finding"]
    relevant_date: Day | None = Field(
        default=None, description="Date of the conviction, finding or caution (SOA 2003 s.82(6))."
    )
    court: Literal["england_wales", "scotland", "northern_ireland", "outside_uk"] | None = None
    offence: Offence = Field(default_factory=Offence)
    sentence: Sentence | None = Field(default=None, description="Null while not yet sentenced or unknown.")
    sentence_date: Day | None = None
    release_date: Day | None = Field(default=None, description="Release from custody for this sentence.")
    supervision_end: Day | None = Field(
        default=None, description="The day the licence, hospital order or guardianship order ends."
    )
    dealt_with_status_1997: bool | None = Field(
        default=None,
        description="SOA 2003 s.81(3)-(6): at the start of 1 September 1997 the person had not been dealt with, "
        "or was serving a sentence, under supervision, or in hospital or guardianship, for this offence.",
    )

    @model_validator(mode="after")
    def _coherent(self) -> Disposal:
        sentence = self.sentence
        if sentence is not None and (self.trigger == "caution") != (sentence.kind == "caution"):
            raise ValueError("a caution trigger goes with a 'caution' disposal, and only with it")
        start = self.relevant_date
        for name in ("sentence_date", "release_date", "supervision_end"):
            later: date | None = getattr(self, name)
            if start is not None and later is not None and later < start:
                raise ValueError(f"{name} is before relevant_date")
        if self.offence.offence_date and start and start < self.offence.offence_date:
            raise ValueError("relevant_date is before offence.offence_date")
        return self
