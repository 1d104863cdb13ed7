"""The disposal vocabulary (scope ``disposal``): what the rules about one conviction, caution or finding read.

Each value says, in its docstring, what it means in law. A value that cannot be known returns a
:class:`~mappa_rules.engine.Gap` naming the missing facts; it never falls back to a default. Whether an offence is
listed in Schedule 3 or 15 comes from the offence catalogue when the case names the offence by its id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..decision import Citation, Reason, Status, make_reason
from ..engine import Gap, Scope, evaluate_group
from ..engine.conditions import UNKNOWN
from ..engine.evaluator import GroupResult
from ..facts import Disposal, StatedSupervision
from ..legal_time import age_on
from ..legal_time.conventions import conventions_at
from ..offences.names import SCHEDULE_3
from .listing import listed, listed_by_sentencing_condition
from .offenders import OFFENDER_VALUES
from .schedule15 import SCHEDULE15_VALUES
from .sentences import disposal_path, measure, notification_term_months, sentence_term_months, term_length
from .values import Scopes, Values, subject, values

__all__ = ["DISPOSAL_VALUES", "RELEVANT_GROUP", "SCOPES", "relevant_date_from", "stated_supervision_reason"]

RELEVANT_GROUP = "notification.period.relevant_date"


def _disposal(scope: Scope) -> Disposal:
    return subject(scope, Disposal)


def _fact(field: str, *path: str) -> Callable[[Scope], Any]:
    """A plain fact of the disposal; unknown (null) becomes a gap naming the fact."""

    def read(scope: Scope) -> Any:
        node: Any = _disposal(scope)
        for part in path:
            node = getattr(node, part)
        value = getattr(node, field)
        if value is None:
            return Gap((disposal_path(scope.case, _disposal(scope), ".".join((*path, field))),))
        return value

    return read


def _sentence_kind(scope: Scope) -> Any:
    """The kind of disposal (``imprisonment``, ``life``, ``hospital_order``, ``caution``, ...)."""
    disposal = _disposal(scope)
    if disposal.sentence is None:
        if disposal.trigger == "caution":
            return "caution"
        return Gap((disposal_path(scope.case, disposal, "sentence"),))
    return disposal.sentence.kind


def _suspended(scope: Scope) -> Any:
    """True for a suspended sentence of imprisonment."""
    sentence = _disposal(scope).sentence
    return bool(getattr(sentence, "suspended", False))


def _restriction_order(scope: Scope) -> Any:
    """For a hospital order: whether a restriction order was made with it."""
    disposal = _disposal(scope)
    sentence = disposal.sentence
    if sentence is None or sentence.kind != "hospital_order":
        return False
    if sentence.restriction_order is None and sentence.without_limit_of_time:
        # MHA 1983 s.41(1) (not in the text pack): a restriction order is made "without limit of time" or for a period.
        return bool(scope.param("notification.period.without_limit_of_time_is_restricted"))
    if sentence.restriction_order is None:
        return Gap((disposal_path(scope.case, disposal, "sentence.restriction_order"),))
    return sentence.restriction_order


def _trigger_date(scope: Scope) -> Any:
    """The date of the conviction, finding or caution (the case's ``relevant_date``), from which s.82(6) starts."""
    disposal = _disposal(scope)
    day = disposal.relevant_date
    return Gap((disposal_path(scope.case, disposal, "relevant_date"),)) if day is None else day


def _sentence_on_trigger_date(scope: Scope) -> Any:
    """The sentence or order was imposed on the day of the conviction or finding."""
    disposal = _disposal(scope)
    trigger, sentenced = disposal.relevant_date, disposal.sentence_date
    if trigger is None:
        return Gap((disposal_path(scope.case, disposal, "relevant_date"),))
    if sentenced is None:
        return Gap((disposal_path(scope.case, disposal, "sentence_date"),))
    return sentenced == trigger


def relevant_date_from(scope: Scope, result: GroupResult) -> Any:
    """The relevant date a decided ``notification.period.relevant_date`` group gives: the day its output names
    (``trigger_date`` or ``sentence_date``), or a gap naming what would decide it."""
    if not result.decided or result.fired is None:
        return Gap(tuple(result.missing()) or (disposal_path(scope.case, _disposal(scope), "relevant_date"),))
    name = str(result.outputs["relevant_date_from"])
    value = scope.lookup(name)
    return Gap(scope.gaps_of([name])) if value is UNKNOWN else value


def _relevant_date(scope: Scope) -> Any:
    """The s.82(6) relevant date: the date of the conviction, finding or caution, or, where Schedule 3 lists the
    offence only because of how the offender was dealt with, the day that sentencing condition was met (SOA 2003
    s.132(3)); worked out by the group ``notification.period.relevant_date``."""
    return relevant_date_from(scope, evaluate_group(scope.book.group(RELEVANT_GROUP), scope))


def _cd_before_sentencing_code(scope: Scope) -> Any:
    """The conviction was before the Sentencing Code began to apply (1 December 2020, Sentencing Act 2020 s.2(1)),
    so a conditional discharge was ordered under the Powers of Criminal Courts (Sentencing) Act 2000 s.12."""
    trigger = _disposal(scope).relevant_date
    if trigger is None:
        return Gap((disposal_path(scope.case, _disposal(scope), "relevant_date"),))
    return trigger < scope.param("notification.period.sentencing_code_commencement")


def _cd_period(scope: Scope) -> Any:
    """The period of a conditional discharge, as the order specified it (e.g. '24 months')."""
    sentence = _disposal(scope).sentence
    return str(sentence.period) if sentence is not None and sentence.kind == "conditional_discharge" else Gap(())


def _age_at_relevant_date(scope: Scope) -> Any:
    """The offender's age in whole years on the relevant date (SOA 2003 s.82(2): 'under 18 on the relevant date')."""
    born, relevant = scope.case.person.date_of_birth, scope.lookup("relevant_date")
    paths = []
    if born is None:
        paths.append("person.date_of_birth")
    if relevant is UNKNOWN:
        paths.extend(scope.gaps_of(["relevant_date"]))
    if born is None or relevant is UNKNOWN:
        return Gap(tuple(paths))
    return age_on(born, relevant, conventions_at(scope))


def _supervised_on_as_of(scope: Scope) -> Any:
    """Whether, on the as-at date, the licence or hospital/guardianship order for this disposal is still running
    (a life sentence or detention during His Majesty's pleasure carries a licence for life; a licence or order with
    no end date, or a hospital order without limit of time, runs on); a stated supervision for this disposal is
    read as the case states it."""
    disposal = _disposal(scope)
    sentence = disposal.sentence
    if sentence is not None and sentence.kind == "life":
        return True
    stated = scope.case.stated.supervision
    if stated is not None and stated.disposal == disposal.id:
        scope.reasons.append(stated_supervision_reason(stated))
        return True if stated.no_end else scope.as_at <= stated.until
    if disposal.supervision_open_ended or getattr(sentence, "without_limit_of_time", None):
        return True
    if disposal.supervision_end is None:
        return Gap((disposal_path(scope.case, disposal, "supervision_end"),))
    return scope.as_at <= disposal.supervision_end


def stated_supervision_reason(stated: StatedSupervision) -> Reason:
    """The reason that repeats a stated supervision ("on licence until E", "with no end date"), marked as stated."""
    ending = "with no end date" if stated.no_end else f"until {stated.until}"
    return make_reason(
        "stated.supervision", "On licence, under supervision or under a hospital order, as stated",
        Citation(instrument="MAPPA Guidance", provision="exit from MAPPA (Category 2)",
                 url="https://www.gov.uk/government/publications/multi-agency-public-protection-arrangements-mappa--2"),
        Status.SECONDARY, f"Stated: on {stated.kind.replace('_', ' ')} {ending}.",
        {"path": "stated.supervision", "kind": stated.kind, "until": stated.until, "open_ended": stated.no_end,
         "disposal": stated.disposal}, stated.disposal or "stated.supervision", stated=True)


def _pre_scheme(scope: Scope) -> Any:
    """Whether the relevant date is before SOA 1997 Part 1 began (1 September 1997, SOA 2003 s.81(3)); the relevant
    date is never before the date of the conviction, finding or caution."""
    start = scope.param("notification.period.soa1997_commencement")
    relevant = scope.lookup("relevant_date")
    if relevant is not UNKNOWN:
        return relevant < start
    trigger = _disposal(scope).relevant_date
    if trigger is not None and trigger >= start:
        return False
    return Gap(scope.gaps_of(["relevant_date"]))


def _offender_age(scope: Scope) -> Any:
    """The offender's age in whole years at the time of the offence (SOA 2003 Sch 3 para 95(b)): as given, or from
    the date of birth and the offence date; for an offence committed within a range of days, known only when it is
    the same at both ends."""
    disposal = _disposal(scope)
    offence = disposal.offence
    if offence.offender_age is not None:
        return offence.offender_age
    born, when = scope.case.person.date_of_birth, offence.offence_date
    if born is None or when is None:
        paths = ["person.date_of_birth"] if born is None else []
        if when is None:
            paths.append(disposal_path(scope.case, disposal, "offence.offence_date"))
        return Gap(tuple(paths))
    conventions = conventions_at(scope)
    age = age_on(born, when, conventions)
    if offence.offence_date_to is not None and age_on(born, offence.offence_date_to, conventions) != age:
        return Gap((disposal_path(scope.case, disposal, "offence.offender_age"),))
    return age


def _imprisonment_months(scope: Scope) -> Any:
    """The term of imprisonment (or s.131 equivalent detention; a DTO's detention period) imposed for this
    offence alone, in months; 0 if the disposal is not custodial (SOA 2003 Sch 3 conditions)."""
    disposal = _disposal(scope)
    if disposal.trigger == "caution":
        return 0.0
    if getattr(disposal.sentence, "suspended", False) and not scope.param(
        "notification.period.suspended_counts_as_imprisonment"
    ):
        return 0.0
    length = term_length(scope, disposal, for_notification=True)
    if isinstance(length, Gap):
        return length
    return 0.0 if length is None else measure(scope, disposal, length)


def _sentenced_to_imprisonment(scope: Scope) -> Any:
    """Sentenced to imprisonment or equivalent detention, of any term, for this offence (SOA 2003 s.131)."""
    months = _imprisonment_months(scope)
    if isinstance(months, Gap):
        return months
    kind = _sentence_kind(scope)
    return months > 0 or kind in ("life", "ipp")


def _detained_in_hospital(scope: Scope) -> Any:
    """Made subject to a hospital order for this offence or finding."""
    kind = _sentence_kind(scope)
    return kind if isinstance(kind, Gap) else kind == "hospital_order"


def _restricted_hospital(scope: Scope) -> Any:
    """Admitted to hospital subject to a restriction order for this offence or finding."""
    kind = _sentence_kind(scope)
    if isinstance(kind, Gap) or kind != "hospital_order":
        return kind if isinstance(kind, Gap) else False
    return _restriction_order(scope)


def _community_sentence_months(scope: Scope) -> Any:
    """The length of a community sentence for this offence, in months; 0 if the disposal is not one."""
    disposal = _disposal(scope)
    kind = _sentence_kind(scope)
    if isinstance(kind, Gap) or kind != "community_order":
        return kind if isinstance(kind, Gap) else 0.0
    length = getattr(disposal.sentence, "length", None)
    if length is None:
        return Gap((disposal_path(scope.case, disposal, "sentence.length"),))
    return measure(scope, disposal, length.length())


def _before_part2(scope: Scope) -> Any:
    """The conviction, finding or caution was before Part 2 of the SOA 2003 came into force (1 May 2004): its own
    date, not a date s.132(3) deems (Sch 3 paras 13-15)."""
    relevant = _disposal(scope).relevant_date
    if relevant is None:
        return Gap((disposal_path(scope.case, _disposal(scope), "relevant_date"),))
    return relevant < scope.param("notification.period.commencement")


DISPOSAL_VALUES: Values = {**values(
    ("trigger", _fact("trigger")),
    ("trigger_date", _trigger_date),
    ("sentence_date", _fact("sentence_date")),
    ("sentence_on_trigger_date", _sentence_on_trigger_date),
    ("relevant_date", _relevant_date),
    ("court", _fact("court")),
    ("schedule3", listed(SCHEDULE_3, "schedule3")),
    ("listed_by_sentencing_condition", listed_by_sentencing_condition),
    ("cd_conviction_before_sentencing_code", _cd_before_sentencing_code),
    ("cd_period", _cd_period),
    ("trial_concluded_on", _fact("trial_concluded_on")),
    ("murder", _fact("murder", "offence")),
    ("s327_4a", _fact("s327_4a", "offence")),
    ("dealt_with_status_1997", _fact("dealt_with_status_1997")),
    ("sentence_kind", _sentence_kind),
    ("suspended", _suspended),
    ("restriction_order", _restriction_order),
    ("sentence_term_months", sentence_term_months),
    ("notification_term_months", notification_term_months),
    ("age_at_relevant_date", _age_at_relevant_date),
    ("supervised_on_as_of", _supervised_on_as_of),
    ("before_soa1997", _pre_scheme),
    # Facts read by the offence catalogue's conditions (rulesets/offences/*.yaml).
    ("victim_age", _fact("victim_age", "offence")),
    ("offender_age", _offender_age),
    ("intended_victim_age", _fact("intended_victim_age", "offence")),
    ("imprisonment_months", _imprisonment_months),
    ("sentenced_to_imprisonment", _sentenced_to_imprisonment),
    ("detained_in_hospital", _detained_in_hospital),
    ("admitted_to_hospital_with_restriction_order", _restricted_hospital),
    ("community_sentence_months", _community_sentence_months),
    ("conviction_before_part2_commencement", _before_part2),
    ("images_showed_person_under_16", _fact("images_showed_person_under_16", "offence")),
    ("purpose_sexual_gratification", _fact("purpose_sexual_gratification", "offence")),
    ("burglary_intent", _fact("burglary_intent", "offence")),
    ("aggravated_vehicle_taking_caused_death", _fact("aggravated_vehicle_taking_caused_death", "offence")),
    ("charged_as_arson", _fact("charged_as_arson", "offence")),
    ("involves_murder", _fact("involves_murder", "offence")),
    ("sexual_exploitation_purpose", _fact("sexual_exploitation_purpose", "offence")),
), **SCHEDULE15_VALUES, **OFFENDER_VALUES}

SCOPES: Scopes = {"disposal": DISPOSAL_VALUES}
