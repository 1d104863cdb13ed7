"""Facts: what is known about a case, as typed, strict pydantic models (the input contract).

Every field that the law needs but the caller may not know is optional, and ``None`` always means *unknown*,
never a default: a missing date of birth does not make a person an adult. Yes/no facts are ``true``, ``false``
or ``null`` (unknown). Impossible facts (a release before the conviction, a birth after the relevant date, a
negative term, an interval that ends before it starts) are rejected with the path of the field and the reason.

Dates are written ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .legal_time import Length

__all__ = [
    "Absolute",
    "Case",
    "CautionDisposal",
    "Change",
    "CommunityOrder",
    "ConditionalDischarge",
    "Disposal",
    "ExtendedSentence",
    "Fine",
    "GuardianshipOrder",
    "HospitalOrder",
    "Imprisonment",
    "Interval",
    "Ipp",
    "Life",
    "ManagementFacts",
    "NotificationGiven",
    "Offence",
    "Order",
    "OrderKind",
    "OrderTerm",
    "OtherDisposal",
    "Person",
    "Relation",
    "ReviewApplication",
    "ReviewFacts",
    "RiskFacts",
    "Sentence",
    "Stay",
    "Term",
    "TrainingOrder",
    "Trip",
]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, str):
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


Day = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date, written YYYY-MM-DD."""


class _Facts(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Term(_Facts):
    """A length of sentence or order, as pronounced: years, months, weeks and days (weeks count as 7 days)."""

    years: int = Field(default=0, ge=0, le=200)
    months: int = Field(default=0, ge=0, le=2400)
    weeks: int = Field(default=0, ge=0, le=10000)
    days: int = Field(default=0, ge=0, le=100000)

    @model_validator(mode="after")
    def _not_zero(self) -> Term:
        if not (self.years or self.months or self.weeks or self.days):
            raise ValueError("a term must be longer than zero")
        return self

    def length(self) -> Length:
        return Length(years=self.years, months=self.months, days=self.weeks * 7 + self.days)

    def __str__(self) -> str:
        return str(self.length())


class Relation(_Facts):
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


class Imprisonment(_Facts):
    """Imprisonment, or detention that SOA 2003 s.131 treats as equivalent (YOI, s.91/s.250, s.252A)."""

    kind: Literal["imprisonment"]
    form: Literal["imprisonment", "young_offender_institution", "s91_s250_detention", "s252a_detention"] = (
        "imprisonment"
    )
    term: Term
    suspended: bool = Field(default=False, description="True for a suspended sentence order.")
    relation: Relation | None = None


class TrainingOrder(_Facts):
    """Detention and training order; ``term`` is the whole order (the detention period is part of it)."""

    kind: Literal["detention_and_training_order"]
    term: Term
    relation: Relation | None = None


class ExtendedSentence(_Facts):
    """Extended sentence: a custodial term followed by an extension period on licence."""

    kind: Literal["extended_sentence"]
    custodial_term: Term
    extension_period: Term
    relation: Relation | None = None


class Life(_Facts):
    """Imprisonment, custody or detention for life, or detention during His Majesty's pleasure."""

    kind: Literal["life"]
    form: Literal[
        "imprisonment_for_life", "custody_for_life", "detention_for_life", "detention_during_his_majestys_pleasure"
    ] = "imprisonment_for_life"


class Ipp(_Facts):
    """Imprisonment (or detention) for public protection, CJA 2003 ss.225-226."""

    kind: Literal["ipp"]
    form: Literal["imprisonment_for_public_protection", "detention_for_public_protection"] = (
        "imprisonment_for_public_protection"
    )


class HospitalOrder(_Facts):
    """Hospital order (Mental Health Act 1983), with or without a restriction order."""

    kind: Literal["hospital_order"]
    restriction_order: bool | None = Field(description="Whether a restriction order was made; null if unknown.")


class GuardianshipOrder(_Facts):
    """Guardianship order (Mental Health Act 1983 s.37)."""

    kind: Literal["guardianship_order"]


class CommunityOrder(_Facts):
    """Community order, youth rehabilitation order or other community sentence."""

    kind: Literal["community_order"]
    length: Term | None = None


class Fine(_Facts):
    kind: Literal["fine"]


class ConditionalDischarge(_Facts):
    """Conditional discharge for the stated period (counts as a conviction: SOA 2003 s.134)."""

    kind: Literal["conditional_discharge"]
    period: Term


class Absolute(_Facts):
    """Absolute discharge."""

    kind: Literal["absolute_discharge"]


class CautionDisposal(_Facts):
    """Caution, including a youth caution, reprimand or final warning (SOA 2003 s.133)."""

    kind: Literal["caution"]


class OtherDisposal(_Facts):
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

CUSTODIAL_KINDS = frozenset({"imprisonment", "detention_and_training_order", "extended_sentence"})


class Offence(_Facts):
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


class Disposal(_Facts):
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
                raise ValueError(f"{name} ({later}) is before relevant_date ({start})")
        if self.offence.offence_date and start and start < self.offence.offence_date:
            raise ValueError(f"relevant_date ({start}) is before offence.offence_date ({self.offence.offence_date})")
        return self


class Interval(_Facts):
    """A time in custody, hospital or outside the UK (disregarded by SOA 2003 ss.83(6), 84(5), 85(4))."""

    kind: Literal["remanded_in_custody", "serving_sentence", "service_detention", "hospital", "outside_uk"]
    start: Day
    end: Day | None = Field(default=None, description="Null while the interval continues.")

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class NotificationGiven(_Facts):
    """A notification the person gave to the police (the list is taken as the record of notifications given).

    ``initial``: SOA 2003 s.83(1); ``change``: s.84(1); ``periodic``: s.85(1); ``prescribed_information``: only
    information prescribed from 13 August 2012 (bank and card details, identity documents, a household with a
    child), which the Home Office treats as not moving the annual date.
    """

    kind: Literal["initial", "change", "periodic", "prescribed_information"]
    date: Day
    no_sole_or_main_residence: bool | None = Field(
        default=None,
        description="The home address notified was a place where the person can regularly be found, because "
        "they have no sole or main residence in the UK (SOA 2003 ss.83(7)(b), 85(6)).",
    )


class Stay(_Facts):
    """Days spent residing or staying at one place, first to last inclusive."""

    first: Day
    last: Day

    @model_validator(mode="after")
    def _ordered(self) -> Stay:
        if self.last < self.first:
            raise ValueError(f"last ({self.last}) is before first ({self.first})")
        return self


class Change(_Facts):
    """An event SOA 2003 s.84(1) requires the person to notify, and any advance notice of it (s.84(2)-(4)).

    ``name``: using a name not notified; ``home_address``: a change of home address; ``other_address``: staying
    at an un-notified UK address for a qualifying period (give ``stays``); ``release``: release from custody,
    imprisonment, service detention or hospital; ``prescribed_change``: a change of information prescribed from
    13 August 2012; ``household_with_child``: starting to reside or stay where a child lives (SI 2012/1876
    reg 10).
    """

    id: str | None = Field(default=None, description="A label used in reasons.")
    kind: Literal["name", "home_address", "other_address", "release", "prescribed_change", "household_with_child"]
    date: Day | None = Field(
        default=None,
        description="The day the event happened; for other_address, the day the qualifying period was completed "
        "(worked out from 'stays' when they are given).",
    )
    occurred: bool | None = Field(
        default=None, description="False: the event has not happened (yet); null: unknown. Implied by 'date'."
    )
    stays: list[Stay] = Field(default_factory=list, description="For other_address: the stays at the address.")
    notified_in_advance: bool | None = Field(
        default=None, description="A notification was given before the event, stating its expected date (s.84(2))."
    )
    expected_date: Day | None = Field(default=None, description="The date stated in the advance notification.")
    child_resides_or_stays: bool | None = Field(
        default=None, description="For household_with_child: a child under 18 resides or stays there."
    )
    public_access: bool | None = Field(
        default=None, description="For household_with_child: the public have access to the place."
    )
    at_least_12_hours: bool | None = Field(
        default=None, description="For household_with_child: the person resides there, or stays at least 12 hours."
    )

    @model_validator(mode="after")
    def _coherent(self) -> Change:
        if self.date is not None and self.occurred is False:
            raise ValueError("a date is given but occurred is false")
        if self.stays and self.kind != "other_address":
            raise ValueError("'stays' are only for an other_address change")
        if self.stays and self.date is not None:
            raise ValueError("give either 'stays' or 'date' for an other_address change, not both")
        if self.expected_date is not None and self.notified_in_advance is not True:
            raise ValueError("expected_date is only for a change notified in advance (notified_in_advance: true)")
        household = (self.child_resides_or_stays, self.public_access, self.at_least_12_hours)
        if self.kind != "household_with_child" and any(v is not None for v in household):
            raise ValueError("child_resides_or_stays, public_access and at_least_12_hours are for household_with_child")
        return self


class Trip(_Facts):
    """A journey outside the United Kingdom (SOA 2003 s.86 and the travel regulations)."""

    id: str | None = Field(default=None, description="A label used in reasons.")
    departure: Day | None = None
    return_date: Day | None = Field(default=None, description="The day of return to the UK.")
    known_7_days_before: bool | None = Field(
        default=None, description="The person knew the travel details at least 7 days before departure."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Trip:
        if self.departure is not None and self.return_date is not None and self.return_date < self.departure:
            raise ValueError(f"return_date ({self.return_date}) is before departure ({self.departure})")
        return self


class ReviewApplication(_Facts):
    """An application to the chief officer for review of indefinite notification requirements (ss.91B-91E)."""

    received: Day | None = Field(default=None, description="The day the chief officer received the application.")
    determination: Literal["pending", "discharged", "refused"] | None = None
    determination_date: Day | None = Field(default=None, description="The day of the s.91C determination.")
    notice_received: Day | None = Field(default=None, description="The day the offender received notice of it.")
    further_period_years: int | None = Field(
        default=None, ge=1, le=100,
        description="On a refusal: the years until the further qualifying date stated in the notice.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> ReviewApplication:
        received, decided, notice = self.received, self.determination_date, self.notice_received
        if received is not None and decided is not None and decided < received:
            raise ValueError(f"determination_date ({decided}) is before received ({received})")
        if decided is not None and notice is not None and notice < decided:
            raise ValueError(f"notice_received ({notice}) is before determination_date ({decided})")
        if self.determination == "pending" and (decided is not None or notice is not None):
            raise ValueError("a pending application has no determination_date or notice_received")
        return self


class ReviewFacts(_Facts):
    """Facts for the review of indefinite notification requirements (SOA 2003 ss.91A-91F)."""

    relevant_notification_date: Day | None = Field(
        default=None, description="The day of the 'relevant notification' from which s.91B(2) counts."
    )
    subject_to_order_excluding_review: bool | None = Field(
        default=None,
        description="On the date asked about the person is subject to a SHPO, interim SHPO, SOPO or interim SOPO "
        "(SOA 2003 s.91A(2)).",
    )
    applications: list[ReviewApplication] = Field(default_factory=list, description="Applications made, oldest first.")


class RiskFacts(_Facts):
    """Judgements of the Responsible Authority, supplied as facts (the library never makes them)."""

    may_cause_serious_harm: bool | None = Field(
        default=None,
        description="The Responsible Authority considers the person may cause serious harm to the public "
        "(CJA 2003 s.325(2)(b)).",
    )
    needs_multi_agency_management: bool | None = Field(
        default=None, description="The risk requires active multi-agency management at Level 2 or 3."
    )


OrderKind = Literal[
    "shpo",
    "interim_shpo",
    "sro",
    "interim_sro",
    "sopo",
    "interim_sopo",
    "foreign_travel_order",
    "rsho",
    "interim_rsho",
    "notification_order",
    "interim_notification_order",
    "notification_notice",
]
"""Civil orders for sexual harm: SHPO and SRO (SOA 2003 ss.103A-103K, 122A-122K; SA 2020 ss.343-358), the orders
they replaced on 8 March 2015 (SOPO, foreign travel order, RSHO), notification orders and s.96ZA notices."""


class OrderTerm(_Facts):
    """One prohibition or requirement of a civil order, with the period the order specifies for it."""

    id: str = Field(min_length=1, description="A label unique within the order, used in reasons and findings.")
    kind: Literal["prohibition", "requirement", "foreign_travel_prohibition"]
    duration: Literal["fixed_period", "until_further_order"] | None = Field(
        default=None, description="A fixed period, or until further order; null if unknown (a period implies fixed)."
    )
    period: Term | None = Field(default=None, description="The fixed period specified in the order.")
    takes_effect: Day | None = Field(
        default=None, description="The day the term takes effect, where the order specifies one."
    )

    @model_validator(mode="after")
    def _coherent(self) -> OrderTerm:
        if self.duration == "until_further_order" and self.period is not None:
            raise ValueError("a term that has effect until further order has no fixed 'period'")
        return self


class Order(_Facts):
    """A civil order as made (or a s.96ZA notice as given); terms as currently in force after any renewal."""

    id: str = Field(min_length=1, description="A label unique within the case, used in reasons.")
    kind: OrderKind
    route: Literal["conviction", "finding", "application"] | None = Field(
        default=None, description="Made on conviction, on a finding of insanity or disability, or on application."
    )
    offence_listed: Literal["schedule3", "schedule5", "not_listed"] | None = Field(
        default=None,
        description="On conviction or finding: the offence is listed in SOA 2003 Sch 3 (any condition about the "
        "disposal or anyone's age disregarded) or Sch 5, or neither.",
    )
    conviction_date: Day | None = Field(default=None, description="On conviction: the date of the conviction.")
    application_date: Day | None = Field(default=None, description="On application: the day it was made.")
    made: Day | None = Field(default=None, description="The day the order was made (or the notice given).")
    served: Day | None = Field(default=None, description="The day the order was served.")
    terms: list[OrderTerm] = Field(default_factory=list)
    ceased_on: Day | None = Field(
        default=None,
        description="The last day the order had effect, if it was discharged, replaced or (interim orders) ended "
        "by the determination of the main application.",
    )
    already_subject: bool | None = Field(
        default=None,
        description="Subject to SOA 2003 Part 2 notification immediately before the order was made (for an SRO: "
        "on the date of service); null: worked out from the disposals where they decide it.",
    )
    replaces_interim: bool | None = Field(
        default=None, description="For an SRO: it replaces an interim SRO (SOA 2003 s.122F(1)(a))."
    )
    breached: bool | None = Field(
        default=None,
        description="Convicted, found or cautioned for breaching this order (SOA 2003 s.122H or s.128).",
    )
    breach_date: Day | None = Field(
        default=None, description="The date of the first such conviction, finding or caution."
    )

    @model_validator(mode="after")
    def _coherent(self) -> Order:
        made = self.made
        if made is not None:
            for name in ("served", "ceased_on", "breach_date"):
                later: date | None = getattr(self, name)
                if later is not None and later < made:
                    raise ValueError(f"{name} ({later}) is before made ({made})")
            for name in ("conviction_date", "application_date"):
                earlier: date | None = getattr(self, name)
                if earlier is not None and earlier > made:
                    raise ValueError(f"{name} ({earlier}) is after made ({made})")
        if self.breached is False and self.breach_date is not None:
            raise ValueError("breach_date is given but breached is false")
        seen: set[str] = set()
        for j, term in enumerate(self.terms):
            if term.id in seen:
                raise ValueError(f"terms[{j}].id: {term.id!r} is used twice")
            seen.add(term.id)
            if made is not None and term.takes_effect is not None and term.takes_effect < made:
                raise ValueError(f"terms[{j}].takes_effect ({term.takes_effect}) is before made ({made})")
        return self


class ManagementFacts(_Facts):
    """The Responsible Authority's level-setting judgements and dates (MAPPA Guidance ch. 7), supplied as facts."""

    risk_of_serious_harm: Literal["low", "medium", "high", "very_high"] | None = Field(
        default=None, description="The assessed risk of serious harm."
    )
    meetings_add_value: bool | None = Field(
        default=None, description="Formal multi-agency meetings would add value to the lead agency's management."
    )
    active_coordination_needed: bool | None = Field(
        default=None, description="Exceptionally, a lower risk that still needs active multi-agency co-ordination."
    )
    previously_level3: bool | None = Field(
        default=None, description="Managed at Level 3 and no longer needing it (stepping down)."
    )
    senior_oversight_needed: bool | None = Field(
        default=None,
        description="Management issues need senior representation from the RA and duty-to-co-operate agencies.",
    )
    short_notice_resources_needed: bool | None = Field(
        default=None, description="Significant resources may be needed at short notice."
    )
    current_level: Literal[1, 2, 3] | None = Field(default=None, description="The level the case is managed at now.")
    last_review: Day | None = Field(default=None, description="The last Level 2 or 3 review.")
    sentenced_on: Day | None = Field(default=None, description="The day sentence was passed (identification).")
    expected_release: Day | None = Field(default=None, description="The expected release from custody.")


class Person(_Facts):
    date_of_birth: Day | None = None


class Case(_Facts):
    """Everything known about one person for the questions asked."""

    case_id: str | None = None
    person: Person = Field(default_factory=Person)
    disposals: list[Disposal] = Field(default_factory=list)
    intervals: list[Interval] = Field(default_factory=list)
    notifications: list[NotificationGiven] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list, description="Events to notify under SOA 2003 s.84.")
    trips: list[Trip] = Field(default_factory=list, description="Journeys outside the UK (SOA 2003 s.86).")
    review: ReviewFacts = Field(default_factory=ReviewFacts)
    risk: RiskFacts = Field(default_factory=RiskFacts)
    orders: list[Order] = Field(default_factory=list, description="Civil orders for sexual harm and s.96ZA notices.")
    mappa: ManagementFacts = Field(default_factory=ManagementFacts)

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        ids = [d.id for d in self.disposals]
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                raise ValueError(f"disposals[{i}].id: {ident!r} is used twice")
            seen.add(ident)
        born = self.person.date_of_birth
        for i, disposal in enumerate(self.disposals):
            if born and disposal.relevant_date and disposal.relevant_date < born:
                raise ValueError(
                    f"disposals[{i}].relevant_date ({disposal.relevant_date}) is before person.date_of_birth ({born})"
                )
            if born and disposal.offence.offence_date and disposal.offence.offence_date < born:
                raise ValueError(f"disposals[{i}].offence.offence_date is before person.date_of_birth ({born})")
            relation = getattr(disposal.sentence, "relation", None)
            if relation is not None:
                if relation.to == disposal.id:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: a term cannot relate to itself")
                if relation.to not in seen:
                    raise ValueError(f"disposals[{i}].sentence.relation.to: no disposal has id {relation.to!r}")
        self._check_relation_cycles()
        orders: set[str] = set()
        for i, order in enumerate(self.orders):
            if order.id in orders:
                raise ValueError(f"orders[{i}].id: {order.id!r} is used twice")
            orders.add(order.id)
        return self

    def _check_relation_cycles(self) -> None:
        links = {
            d.id: rel.to for d in self.disposals if (rel := getattr(d.sentence, "relation", None)) is not None
        }
        for start in links:
            node, steps = start, 0
            while node in links:
                node, steps = links[node], steps + 1
                if node == start or steps > len(links):
                    raise ValueError(f"disposals: the sentence relations starting at {start!r} form a cycle")

    def disposal(self, ident: str) -> Disposal:
        for d in self.disposals:
            if d.id == ident:
                return d
        raise KeyError(ident)
