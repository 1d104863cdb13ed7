"""The vocabulary that rule conditions read: facts and values derived from them, by scope.

Each value says, in its docstring, what it means in law. A value that cannot be known returns a
:class:`~mappa_rules.engine.evaluator.Gap` naming the missing facts; it never falls back to a default. Legal
quantities used here (how a detention and training order counts, whether an extended sentence counts whole,
whether a suspended sentence counts) are dated parameters read through the scope, never constants.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .engine.evaluator import Gap, Scope, ValueDef, case_fact
from .facts import Case, Disposal, Term
from .legal_time import (
    Length,
    age_on,
    corresponding_day,
    covered_span,
    halve,
    length_in_months,
    start_for_end,
)
from .legal_time.conventions import HALF_MODE, conventions_at, rely_on
from .management import LEVEL_VALUES
from .notification_vocabulary import NOTIFICATION_VOCABULARIES
from .order_vocabulary import ORDER_TERM_VALUES, ORDER_VALUES

__all__ = ["DISPOSAL_VALUES", "PERSON_VALUES", "VOCABULARIES", "disposal_path"]


def disposal_path(case: Case, disposal: Disposal, field: str) -> str:
    return f"disposals[{case.disposals.index(disposal)}].{field}"


def _disposal(scope: Scope) -> Disposal:
    subject = scope.subject
    assert isinstance(subject, Disposal)
    return subject


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


def _term_length(scope: Scope, disposal: Disposal, for_notification: bool) -> Length | Gap | None:
    """The custodial term of one disposal as a length; None if the disposal is not custodial."""
    sentence = disposal.sentence
    if sentence is None:
        return Gap((disposal_path(scope.case, disposal, "sentence"),))
    if sentence.kind == "imprisonment":
        return sentence.term.length()
    if sentence.kind == "extended_sentence":
        rule = scope.param("sentence.extended_sentence_term")
        if rule != "custodial_term_plus_extension":
            raise LookupError(f"unsupported sentence.extended_sentence_term: {rule}")
        c, e = sentence.custodial_term.length(), sentence.extension_period.length()
        return Length(c.years + e.years, c.months + e.months, c.days + e.days)
    if sentence.kind == "detention_and_training_order":
        if not for_notification:
            return sentence.term.length()
        rule = scope.param("notification.dto_term")
        if rule != "half_of_order":
            raise LookupError(f"unsupported notification.dto_term: {rule}")
        anchor = _anchor(scope, disposal)
        if isinstance(anchor, Gap):
            return anchor
        rely_on(scope, HALF_MODE)
        return halve(anchor, sentence.term.length(), conventions_at(scope))
    return None


def _anchor(scope: Scope, disposal: Disposal) -> date | Gap:
    start = disposal.sentence_date or disposal.relevant_date
    if start is None:
        return Gap((disposal_path(scope.case, disposal, "relevant_date"),))
    return start


def _measure(scope: Scope, disposal: Disposal, length: Length) -> float | Gap:
    if length.days == 0:
        return float(length.total_months)
    anchor = _anchor(scope, disposal)
    if isinstance(anchor, Gap):
        return anchor
    scope.param("time.term_in_days_compared_on_calendar")
    end, _ = corresponding_day(anchor, length, conventions_at(scope))
    return length_in_months(anchor, end, conventions_at(scope))


def sentence_term_months(scope: Scope) -> Any:
    """The term of this disposal alone, in months (0 if not custodial): imprisonment and s.131 equivalents;
    an extended sentence's whole term; a detention and training order's whole order."""
    disposal = _disposal(scope)
    length = _term_length(scope, disposal, for_notification=False)
    if isinstance(length, Gap):
        return length
    return 0.0 if length is None else _measure(scope, disposal, length)


def notification_term_months(scope: Scope) -> Any:
    """The relevant term for SOA 2003 s.82, in months: s.131 equivalents, a DTO's detention period, an
    extended sentence counted whole, and consecutive or partly concurrent terms for Schedule 3 offences
    aggregated (s.82(3)-(4): X + Y - overlap); wholly concurrent terms are not added."""
    disposal = _disposal(scope)
    relation = getattr(disposal.sentence, "relation", None)
    linked = _linked(scope.case, disposal)
    if relation is None and len(linked) == 1:
        length = _term_length(scope, disposal, for_notification=True)
        if isinstance(length, Gap):
            return length
        return 0.0 if length is None else _measure(scope, disposal, length)
    return _aggregate(scope, linked)


def _linked(case: Case, disposal: Disposal) -> list[Disposal]:
    """The disposals joined to this one by sentence relations (either direction), this one first."""
    edges: dict[str, set[str]] = {}
    for d in case.disposals:
        relation = getattr(d.sentence, "relation", None)
        if relation is not None:
            edges.setdefault(d.id, set()).add(relation.to)
            edges.setdefault(relation.to, set()).add(d.id)
    seen, todo = [disposal.id], [disposal.id]
    while todo:
        for other in sorted(edges.get(todo.pop(), ())):
            if other not in seen:
                seen.append(other)
                todo.append(other)
    return [case.disposal(i) for i in seen]


def _aggregate(scope: Scope, linked: list[Disposal]) -> Any:
    case = scope.case
    gaps: list[str] = []
    lengths: dict[str, Length] = {}
    for d in linked:
        length = _term_length(scope, d, for_notification=True)
        if isinstance(length, Gap):
            gaps.extend(length.paths)
        elif length is not None:
            lengths[d.id] = length
    roots = [d for d in linked if getattr(d.sentence, "relation", None) is None]
    anchor = next((d.sentence_date or d.relevant_date for d in roots if d.sentence_date or d.relevant_date), None)
    if anchor is None:
        gaps.append(disposal_path(case, roots[0] if roots else linked[0], "relevant_date"))
    if gaps:
        return Gap(tuple(dict.fromkeys(gaps)))
    assert anchor is not None
    conventions = conventions_at(scope)
    spans: dict[str, tuple[date, date]] = {}
    pending = [d for d in linked if d.id in lengths]
    while pending:
        progressed = False
        for d in list(pending):
            relation = getattr(d.sentence, "relation", None)
            if relation is None:
                start = anchor
            elif relation.to in spans:
                other_start, other_end = spans[relation.to]
                if relation.kind == "consecutive":
                    start = other_end
                elif relation.kind == "concurrent":
                    start = other_start
                else:
                    overlap = relation.overlap
                    assert isinstance(overlap, Term)
                    back = overlap.length()
                    # start = other_end - overlap, found by stepping back from the end by the overlap's length
                    start = start_for_end(other_end, back, conventions)
            elif relation.to not in lengths:
                start = anchor
            else:
                continue
            spans[d.id] = (start, corresponding_day(start, lengths[d.id], conventions)[0])
            pending.remove(d)
            progressed = True
        if not progressed:
            break
    schedule3 = [
        spans[d.id] for d in linked if d.id in spans and d.offence.schedule3 is not False
    ]
    if not schedule3:
        return 0.0
    unknown = [disposal_path(case, d, "offence.schedule3") for d in linked if d.offence.schedule3 is None]
    if unknown and len(schedule3) > 1:
        return Gap(tuple(unknown))
    first, end = covered_span(schedule3)
    return length_in_months(first, end, conventions)


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
    if disposal.offence.offender_age is not None:
        return disposal.offence.offender_age
    born, when = scope.case.person.date_of_birth, disposal.offence.offence_date
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
    length = _term_length(scope, disposal, for_notification=True)
    if isinstance(length, Gap):
        return length
    return 0.0 if length is None else _measure(scope, disposal, length)


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
    return _measure(scope, disposal, length.length())


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
        from .offences import SCHEDULE_15, listing_answer, offence_catalogue

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


def _values(*defs: tuple[str, Callable[[Scope], Any]]) -> Mapping[str, ValueDef]:
    return {name: ValueDef(name, (fn.__doc__ or name).strip(), fn) for name, fn in defs}


DISPOSAL_VALUES = _values(
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


def _risk(field: str) -> Callable[[Scope], Any]:
    return case_fact("risk", field, "The Responsible Authority's judgement")


def _has_disposal(scope: Scope) -> Any:
    """Whether the person has been convicted, cautioned or found to have done the act of any offence."""
    return bool(scope.case.disposals)


PERSON_VALUES = _values(
    ("may_cause_serious_harm", _risk("may_cause_serious_harm")),
    ("needs_multi_agency_management", _risk("needs_multi_agency_management")),
    ("has_disposal", _has_disposal),
    ("subject_to_notification", lambda scope: scope.subject.get("subject_to_notification")),
    ("category2_disposal", lambda scope: scope.subject.get("category2_disposal")),
)

VOCABULARIES: Mapping[str, Mapping[str, ValueDef]] = {
    "disposal": DISPOSAL_VALUES,
    "person": PERSON_VALUES,
    "order": ORDER_VALUES,
    "order_term": ORDER_TERM_VALUES,
    "level": LEVEL_VALUES,
    **NOTIFICATION_VOCABULARIES,
}
