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
    kind: Literal["consecutive", "concurrent", "partly_concurrent"] = Field(
        description="How this term runs with the other: after it, wholly with it, or partly with it.")
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
    form: Literal["imprisonment", "young_offender_institution", "s91_s250_detention", "s252a_detention"] = Field(
        default="imprisonment", description="Imprisonment, or detention treated as it: in a young offender "
        "institution, under PCC(S)A 2000 s.91 or the Sentencing Code s.250, or under the Sentencing Code s.252A "
        "(SOA 2003 s.131).")
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
    ] = Field(default="imprisonment_for_life", description="Which life sentence: they may count differently for MAPPA "
              "Category 2, before and from 28 April 2022 (CJA 2003 s.327(3)-(4)).")


class Ipp(FactsModel):
    """Imprisonment (or detention) for public protection, CJA 2003 ss.225-226."""

    kind: Literal["ipp"]
    form: Literal["imprisonment_for_public_protection", "detention_for_public_protection"] = Field(
        default="imprisonment_for_public_protection",
        description="Imprisonment for public protection (an adult) or detention for public protection (under 18).")


class HospitalOrder(FactsModel):
    """Hospital order (Mental Health Act 1983), with or without a restriction order."""

    kind: Literal["hospital_order"]
    restriction_order: bool | None = Field(description="Whether a restriction order was made; null if unknown.")
    without_limit_of_time: bool | None = Field(
        default=None, description="The restriction order is without limit of time (the order has no end date).")

    @model_validator(mode="after")
    def _restricted(self) -> HospitalOrder:
        if self.without_limit_of_time and self.restriction_order is False:
            raise ValueError("without_limit_of_time is true but restriction_order is false")
        return self


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
    description: str = Field(min_length=1, description="The disposal in words (e.g. 'referral order').")


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

    description: str | None = Field(default=None, description="The offence in words, for people reading the case; "
                                       "not read by the law (give offence_id or the schedule flags).")
    offence_id: str | None = Field(default=None, description="Id in the offence catalogue, e.g. 'soa2003.s3'.")
    offence_date: Day | None = Field(
        default=None, description="The day the offence was committed; with offence_date_to, the first day of the "
        "period within which it was committed.")
    offence_date_to: Day | None = Field(
        default=None, description="The last day of the period within which the offence was committed, where it is "
        "charged over a range ('between D1 and D2'); an age that differs across the range is unknown.")
    liability: Literal[
        "principal", "attempt", "conspiracy", "incitement", "aiding_abetting_counselling_procuring",
        "encouraging_or_assisting",
    ] | None = Field(
        default=None, description="How the person was liable for the offence named by offence_id: as principal, or "
        "for an attempt, conspiracy or incitement, for aiding, abetting, counselling or procuring it, or for an "
        "offence of encouraging or assisting it (SCA 2007 Part 2) - each listed as the offence itself, on the same "
        "conditions (SOA 2003 Sch 3 paras 94, 94A; CJA 2003 Sch 15 paras 64, 153, 174).")
    schedule3: bool | None = Field(
        default=None, description="Listed in SOA 2003 Schedule 3 with the paragraph's conditions met."
    )
    schedule3_sentencing_condition: bool | None = Field(
        default=None,
        description="With schedule3 true and no catalogue offence id: true if Schedule 3 lists the offence, for this "
        "offender, only because of how the offender was dealt with (a sentencing condition, SOA 2003 s.132(1)-(2)), "
        "so that the relevant date is the day of that sentence; false if it is listed whatever the sentence.",
    )
    schedule15: Literal["part_1", "part_2", "part_3", "not_listed"] | None = Field(
        default=None, description="The Part of CJA 2003 Schedule 15 that lists the offence, or 'not_listed'."
    )
    murder: bool | None = Field(default=None, description="The offence is murder (CJA 2003 s.327(3)(a), "
                                "(4)(a)).")
    schedule19za: bool | None = Field(
        default=None, description="The offence is specified in Part 1 or 2 of CJA 2003 Schedule 19ZA, or is a service "
        "offence whose corresponding civil offence is (CJA 2003 s.327(4F)(a)-(b)).")
    terrorist_connection: bool | None = Field(
        default=None, description="The offence was determined to have a terrorist connection (Sentencing Code s.69; "
        "Counter-Terrorism Act 2008 ss.30-32) (CJA 2003 s.327(4F)(c), (4G)).")
    s327_4a: bool | None = Field(default=None, description="An offence specified in CJA 2003 s.327(4A).")
    victim_age: int | None = Field(
        default=None, ge=0, le=130,
        description="The victim's age at the time of the offence (SOA 2003 Sch 3 para 95(b)).")
    offender_age: int | None = Field(
        default=None, ge=0, le=130,
        description="Offender's age at the time of the offence (SOA 2003 Sch 3 para 95(b)); if null it is worked out "
        "from the date of birth and offence_date (and offence_date_to).",
    )

    @model_validator(mode="after")
    def _range(self) -> Offence:
        if self.offence_date_to is not None and self.offence_date is None:
            raise ValueError("offence_date_to needs offence_date (the first day of the range)")
        first, last = self.offence_date, self.offence_date_to
        if first is not None and last is not None and last < first:
            raise ValueError("offence_date_to is before offence_date")
        return self
    intended_victim_age: int | None = Field(
        default=None, ge=0, le=130, description="Age of the person against whom an intended offence was aimed, at the "
        "time of the offence (SOA 2003 Sch 3 para 95(b))."
    )
    images_showed_person_under_16: bool | None = Field(
        default=None, description="The indecent photographs or goods showed a person under 16, the person's age when "
        "the photograph was taken (Sch 3 paras 13-15, 95(a), 97)."
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
    trigger: Literal["conviction", "caution", "insanity_finding", "disability_finding"] = Field(
        description="How the person was dealt with for the offence: convicted, cautioned, found not guilty by "
        "reason of insanity, or found to be under a disability and to have done the act charged (SOA 2003 s.80(1)).")
    relevant_date: Day | None = Field(
        default=None,
        description="The date of the conviction, finding or caution. Where Schedule 3 lists the offence only because "
        "of how the offender was dealt with, the s.82(6) relevant date is the day of that sentence or order "
        "(sentence_date), which the library works out (SOA 2003 s.132(3)).",
    )
    court: Literal["england_wales", "scotland", "northern_ireland", "outside_uk"] | None = Field(
        default=None, description="Where the conviction, finding or caution was: MAPPA Category 2 needs a "
        "conviction or finding by a court in England and Wales (CJA 2003 s.327(3)(a), (4)(a)).")
    offence: Offence = Field(default_factory=Offence)
    sentence: Sentence | None = Field(default=None, description="Null while not yet sentenced or unknown.")
    sentence_date: Day | None = Field(
        default=None,
        description="The day the sentence or order was imposed (for a conditional discharge: the day of the order). "
        "Needed where the offence is listed only by its sentence (SOA 2003 s.132) and to date a conditional discharge.",
    )
    release_date: Day | None = Field(default=None, description="Release from custody for this sentence.")
    supervision_end: Day | None = Field(
        default=None, description="The day the licence, hospital order or guardianship order ends."
    )
    supervision_open_ended: bool | None = Field(
        default=None, description="The licence or order has no end date (a life or IPP licence, a hospital order "
        "without limit of time).")
    trial_concluded_on: Day | None = Field(
        default=None,
        description="For a finding of disability: the day the person's later trial for the offence concluded, which "
        "ends the notification period for the finding (SOA 2003 s.82(5)); null if no later trial is recorded.",
    )
    soa1997_complied: bool | None = Field(
        default=None,
        description="Stated: the person complied with the Sex Offenders Act 1997 s.2(1) for this conviction, finding "
        "or caution (notified within its period), which SOA 2003 s.83(3) asks for a relevant date before 1 May 2004; "
        "null: read from the notifications listed.",
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
        if self.supervision_open_ended and self.supervision_end is not None:
            raise ValueError("supervision_open_ended is true but supervision_end gives an end")
        if self.trial_concluded_on is not None and self.trigger != "disability_finding":
            raise ValueError("trial_concluded_on is only for a finding of disability (SOA 2003 s.82(5))")
        if self.trial_concluded_on is not None and start is not None and self.trial_concluded_on < start:
            raise ValueError("trial_concluded_on is before relevant_date")
        if self.offence.schedule3_sentencing_condition and self.offence.schedule3 is False:
            raise ValueError("offence.schedule3_sentencing_condition is true but offence.schedule3 is false")
        if self.offence.schedule3_sentencing_condition and self.trigger == "caution":
            raise ValueError("offence.schedule3_sentencing_condition: a caution cannot meet a sentencing condition")
        committed = self.offence.offence_date_to or self.offence.offence_date
        if committed and start and start < committed:
            raise ValueError("relevant_date is before the offence (offence.offence_date, or offence.offence_date_to)")
        return self
