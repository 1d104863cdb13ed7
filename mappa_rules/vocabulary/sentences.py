"""The terms of sentences as the notification law measures them (SOA 2003 ss.82(3)-(4), 131): a term in months,
s.131 equivalents, a detention and training order's detention period, an extended sentence counted whole, and
consecutive or partly concurrent terms aggregated.

Legal quantities (how a detention and training order counts, whether an extended sentence counts whole) are dated
parameters read through the scope, never constants.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from ..engine import AtLeast, Gap, Scope
from ..facts import Case, Disposal, Term
from ..legal_time import Length, corresponding_day, covered_span, length_in_months, start_for_end
from ..legal_time.conventions import conventions_at, half_of
from .values import subject

__all__ = ["disposal_path", "measure", "notification_term_months", "sentence_term_months", "term_length"]


def disposal_path(case: Case, disposal: Disposal, field: str) -> str:
    """The path of a disposal's fact in the case, as a missing fact is named."""
    return f"disposals[{case.position(disposal)}].{field}"


def term_length(scope: Scope, disposal: Disposal, for_notification: bool) -> Length | Gap | None:
    """The custodial term of one disposal as a length; None if the disposal is not custodial."""
    sentence = disposal.sentence
    if sentence is None:
        return Gap((disposal_path(scope.case, disposal, "sentence"),))
    if sentence.kind == "imprisonment":
        return sentence.term.length()
    if sentence.kind == "extended_sentence":
        rule = scope.param("notification.period.sentence.extended_sentence_term")
        if rule != "custodial_term_plus_extension":
            raise LookupError(f"unsupported notification.period.sentence.extended_sentence_term: {rule}")
        c, e = sentence.custodial_term.length(), sentence.extension_period.length()
        return Length(c.years + e.years, c.months + e.months, c.days + e.days)
    if sentence.kind == "detention_and_training_order":
        if not for_notification:
            return sentence.term.length()
        rule = scope.param("notification.period.dto_term")
        if rule != "half_of_order":
            raise LookupError(f"unsupported notification.period.dto_term: {rule}")
        anchor = _anchor(scope, disposal)
        if isinstance(anchor, Gap):
            return anchor
        return half_of(scope, anchor, sentence.term.length())
    return None


def _anchor(scope: Scope, disposal: Disposal) -> date | Gap:
    start = disposal.sentence_date or disposal.relevant_date
    if start is None:
        return Gap((disposal_path(scope.case, disposal, "relevant_date"),))
    return start


def measure(scope: Scope, disposal: Disposal, length: Length) -> float | Gap:
    if length.days == 0:
        return float(length.total_months)
    anchor = _anchor(scope, disposal)
    if isinstance(anchor, Gap):
        return anchor
    scope.param("time.conventions.term_in_days_compared_on_calendar")
    end, _ = corresponding_day(anchor, length, conventions_at(scope))
    return length_in_months(anchor, end, conventions_at(scope))


def sentence_term_months(scope: Scope) -> Any:
    """The term of this disposal alone, in months (0 if not custodial): imprisonment and s.131 equivalents;
    an extended sentence's whole term; a detention and training order's whole order."""
    disposal = subject(scope, Disposal)
    length = term_length(scope, disposal, for_notification=False)
    if isinstance(length, Gap):
        return length
    return 0.0 if length is None else measure(scope, disposal, length)


def notification_term_months(scope: Scope) -> Any:
    """The relevant term for SOA 2003 s.82, in months: s.131 equivalents, a DTO's detention period, an
    extended sentence counted whole, and consecutive or partly concurrent terms for Schedule 3 offences
    aggregated (s.82(3)-(4): X + Y - overlap); wholly concurrent terms are not added."""
    disposal = subject(scope, Disposal)
    relation = getattr(disposal.sentence, "relation", None)
    linked = _linked(scope.case, disposal)
    if relation is None and len(linked) == 1:
        length = term_length(scope, disposal, for_notification=True)
        if isinstance(length, Gap):
            return length
        return 0.0 if length is None else measure(scope, disposal, length)
    total = _aggregate(scope, linked)
    return _at_least_own_term(scope, disposal, total) if isinstance(total, Gap) else total


def _at_least_own_term(scope: Scope, disposal: Disposal, unknown: Gap) -> Gap:
    """Where the terms related to this one are not all known, the aggregate is still at least this term: less one
    month, since a number of days measured from another start may hold one whole month fewer."""
    own = term_length(scope, disposal, for_notification=True)
    if disposal.offence.schedule3 is False or own is None or isinstance(own, Gap):
        return unknown
    months = measure(scope, disposal, own)
    return unknown if isinstance(months, Gap) else AtLeast(unknown.paths, max(0.0, float(math.floor(months) - 1)))


def _linked(case: Case, disposal: Disposal) -> list[Disposal]:
    """The disposals joined to this one by sentence relations (either direction), this one first."""
    edges = case.derived("sentence relations", _relation_edges)
    if disposal.id not in edges:
        return [disposal]
    seen, todo = [disposal.id], [disposal.id]
    while todo:
        for other in sorted(edges.get(todo.pop(), ())):
            if other not in seen:
                seen.append(other)
                todo.append(other)
    return [case.disposal(i) for i in seen]


def _relation_edges(case: Case) -> dict[str, set[str]]:
    """The sentence relations of a case as an undirected graph of disposal ids (built once per case)."""
    edges: dict[str, set[str]] = {}
    for d in case.disposals:
        relation = getattr(d.sentence, "relation", None)
        if relation is not None:
            edges.setdefault(d.id, set()).add(relation.to)
            edges.setdefault(relation.to, set()).add(d.id)
    return edges


def _aggregate(scope: Scope, linked: list[Disposal]) -> Any:
    case = scope.case
    gaps: list[str] = []
    lengths: dict[str, Length] = {}
    for d in linked:
        length = term_length(scope, d, for_notification=True)
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
