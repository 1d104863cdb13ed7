"""The disposal vocabulary (scope ``disposal``): what the rules about one conviction, caution or finding read.

Each value says, in its docstring, what it means in law. A value that cannot be known returns a
:class:`~mappa_rules.engine.Gap` naming the missing facts; it never falls back to a default. Whether an offence is
listed in Schedule 3 or 15 comes from the offence catalogue when the case names the offence by its id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Gap, Scope
from ..facts import Disposal
from ..legal_time import age_on
from ..legal_time.conventions import conventions_at
from ..offences import SCHEDULE_15, listing_answer, offence_catalogue
from .sentences import disposal_path, measure, notification_term_months, sentence_term_months, term_length
from .values import Scopes, subject, values

__all__ = ["DISPOSAL_VALUES", "SCOPES"]


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
    if sentence.restriction_order is None:
        return Gap((disposal_path(scope.case, disposal, "sentence.restriction_order"),))
    return sentence.restriction_order


def _age_at_relevant_date(scope: Scope) -> Any:
    """The offender's age in whole years on the relevant date (SOA 2003 s.82(2): 'under 18 on the relevant date')."""
    disposal = _disposal(scope)
    born, relevant = scope.case.person.date_of_birth, disposal.relevant_date
    paths = []
    if born is None:
        paths.append("person.date_of_birth")
    if relevant is None:
        paths.append(disposal_path(scope.case, disposal, "relevant_date"))
    if born is None or relevant is None:
        return Gap(tuple(paths))
    return age_on(born, relevant, conventions_at(scope))


def _supervised_on_as_of(scope: Scope) -> Any:
    """Whether, on the as-at date, the licence or hospital/guardianship order for this disposal is still running
    (a life sentence or detention during His Majesty's pleasure carries a licence for life)."""
    disposal = _disposal(scope)
    sentence = disposal.sentence
    if sentence is not None and sentence.kind == "life":
        return True
    if disposal.supervision_end is None:
        return Gap((disposal_path(scope.case, disposal, "supervision_end"),))
    return scope.as_at <= disposal.supervision_end


def _pre_scheme(scope: Scope) -> Any:
    """Whether the relevant date is before SOA 1997 Part 1 began (1 September 1997, SOA 2003 s.81(3))."""
    relevant = _disposal(scope).relevant_date
    if relevant is None:
        return Gap((disposal_path(scope.case, _disposal(scope), "relevant_date"),))
    return relevant < scope.param("notification.soa1997_commencement")


def _offender_age(scope: Scope) -> Any:
    """The offender's age in whole years at the time of the offence (given, or from the date of birth)."""
    disposal = _disposal(scope)
    born, when = scope.case.person.date_of_birth, disposal.offence.offence_date
    if disposal.offence.offender_age is not None:
        stated = disposal.offence.offender_age
        if born is not None and when is not None and age_on(born, when, conventions_at(scope)) != stated:
            scope.warn("offences.conflict.offender_age",
                       f"The offender's age at the offence is given for {disposal.id}, and differs from the age the "
                       "date of birth and the offence date give; the age given is used.")
        return stated
    if born is None or when is None:
        paths = ["person.date_of_birth"] if born is None else []
        if when is None:
            paths.append(disposal_path(scope.case, disposal, "offence.offence_date"))
        return Gap(tuple(paths))
    return age_on(born, when, conventions_at(scope))


def _imprisonment_months(scope: Scope) -> Any:
    """The term of imprisonment (or s.131 equivalent detention; a DTO's detention period) imposed for this
    offence alone, in months; 0 if the disposal is not custodial (SOA 2003 Sch 3 conditions)."""
    disposal = _disposal(scope)
    if disposal.trigger == "caution":
        return 0.0
    if getattr(disposal.sentence, "suspended", False) and not scope.param(
        "notification.suspended_counts_as_imprisonment"
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
    """The conviction, finding or caution was before Part 2 of the SOA 2003 came into force (1 May 2004)."""
    relevant = _disposal(scope).relevant_date
    if relevant is None:
        return Gap((disposal_path(scope.case, _disposal(scope), "relevant_date"),))
    return relevant < scope.param("notification.commencement")


def _listed(schedule: str, flag_field: str) -> Callable[[Scope], Any]:
    """Whether the offence is listed in a schedule with its conditions met: from the offence catalogue when the
    offence id is known to it, otherwise the caller's flag. A conflict between the two is a warning."""

    def compute(scope: Scope) -> Any:
        disposal = _disposal(scope)
        offence = disposal.offence
        flag = getattr(offence, flag_field)
        if offence.offence_id is None:
            return Gap((disposal_path(scope.case, disposal, f"offence.{flag_field}"),)) if flag is None else flag
        flag_path = disposal_path(scope.case, disposal, f"offence.{flag_field}")
        if not offence_catalogue(scope.book).known(offence.offence_id):
            scope.warn(f"offences.unknown_id.{offence.offence_id}",
                       f"Offence id {offence.offence_id!r} is not in the offence catalogue (Schedules 3 and 15); "
                       f"the caller's {flag_field} flag is used.")
            return Gap((flag_path,)) if flag is None else flag
        answer, reason = listing_answer(scope, schedule, offence.offence_id, scope.as_at, disposal.id)
        if isinstance(answer, Gap):
            return answer if flag is None else flag
        if reason is not None:
            scope.reasons.append(reason)
        if schedule == SCHEDULE_15:
            listing = offence_catalogue(scope.book).listings[schedule].get(offence.offence_id)
            answer = listing.part if answer and listing is not None else "not_listed"
        if flag is not None and flag != answer:
            scope.warn(f"offences.conflict.{flag_field}",
                       f"The case says {flag_field}={flag!r} for {offence.offence_id}, but the offence catalogue "
                       f"gives {answer!r}; the catalogue is used.")
        return answer

    compute.__doc__ = _listed.__doc__
    return compute


DISPOSAL_VALUES = values(
    ("trigger", _fact("trigger")),
    ("relevant_date", _fact("relevant_date")),
    ("court", _fact("court")),
    ("schedule3", _listed("soa2003.sch3", "schedule3")),
    ("schedule15", _listed("cja2003.sch15", "schedule15")),
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
)

SCOPES: Scopes = {"disposal": DISPOSAL_VALUES}
