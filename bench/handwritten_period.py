"""The hand-written contender's notification work for one disposal (SOA 2003 ss.80-82, 132): the s.82(6) relevant
date (the sentence date where Schedule 3 lists the offence only by its sentence), whether the disposal makes the
person a relevant offender, the s.82(1) row, the first day of a fixed period (a conditional discharge's from the
order), the s.82(2) halving, the end at a later trial (s.82(5)), and the days it makes the person subject (with
bounds where a date is unknown). Plain Python over the validated ``Case`` and the catalogue's data."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from .handwritten_catalogue import Entry, entries, listed
from .handwritten_facts import (
    AND,
    PART2,
    SOA1997,
    OffenceFacts,
    after,
    age,
    custodial_md,
    halve_md,
    kind_of,
    span_months,
    term_md,
    term_months,
)
from .handwritten_trail import Trail, Tri, first

CUSTODIAL = ("imprisonment", "detention_and_training_order", "extended_sentence")
CANNOT_MEET = ("caution", "fine", "absolute_discharge", "conditional_discharge", "guardianship_order", "other")
ROW_YEARS = {"ten": 10, "seven": 7, "five": 5, "two": 2}


def _not(value: Tri) -> Tri:
    return None if value is None else not value


def _is(kind: str | None, *kinds: str) -> Tri:
    return None if kind is None else kind in kinds


def by_sentence_only(case: Any, d: Any, sch3: Tri, trail: Trail) -> Tri:
    """Schedule 3 lists the offence, for this offender, only because of how the offender was dealt with (s.132(1)-
    (2)): from the catalogue's limbs, else the caller's ``schedule3_sentencing_condition``."""
    kind = kind_of(d)
    if d.trigger == "caution" or kind in CANNOT_MEET:
        return False
    if kind == "community_order":
        months = OffenceFacts(case, d).community
        if months is not None and months < 12:
            return False
    if sch3 is False:
        return False
    flag: Tri = d.offence.schedule3_sentencing_condition
    if sch3 is None and flag is None:
        return None
    ident = d.offence.offence_id
    book = entries()
    if ident is None or not any(ident in by_id for by_id in book.values()):
        return flag
    entry: Entry | None = book["soa2003.sch3"].get(ident)
    if entry is None:
        return False
    facts = OffenceFacts(case, d)
    limb = entry.limb(facts)
    if limb is None and sch3 is True:  # listed (by the flag): the limb follows from the other limb
        other = entry.other_limb(facts)
        limb = None if other is None else "other" if other else "sentencing"
    if limb is None:
        if flag is not None:
            trail.warnings.add("offences.unconfirmed.schedule3_sentencing_condition")
        return flag
    return bool(limb == "sentencing")


def relevant_date(d: Any, by_sentence: Tri) -> tuple[date | None, tuple[date, ...]]:
    """The s.82(6) relevant date (s.132(3): the day of the sentence where the offence is listed only by it), or
    None and the days it may be."""
    trigger, sentenced = d.relevant_date, d.sentence_date
    same_day = None if trigger is None or sentenced is None else sentenced == trigger
    kind = kind_of(d)
    source, _, ok = first([
        (AND(d.trigger != "caution", same_day), "trigger", "same_day"),
        (d.trigger == "caution", "trigger", "caution"),
        (_not(by_sentence), "trigger", "listed_without_sentence"),
        (AND(by_sentence, _is(kind, "hospital_order")), "sentence", "sentencing_condition_hospital"),
        (AND(by_sentence, _not(_is(kind, "hospital_order"))), "sentence", "sentencing_condition"),
    ])
    day = None if not ok or source is None else trigger if source == "trigger" else sentenced
    if day is not None:
        return day, ()
    if trigger is None:
        return None, ()
    options = {trigger} if by_sentence is not True else set()
    if by_sentence is not False:
        if sentenced is None:
            return None, ()
        options.add(sentenced)
    return None, tuple(sorted(options))


def _at(floor: float | None, limit: float) -> Tri:
    """``months >= limit`` where the months are known only to be at least ``floor``."""
    return True if floor is not None and floor >= limit else None


def _below(floor: float | None, limit: float) -> Tri:
    """A row bounded above by ``limit`` where the months are known only to be at least ``floor``."""
    return False if floor is not None and floor >= limit else None


def _on(relevant: date | None, cands: tuple[date, ...], trigger: date | None, as_of: date,
        last: date | None) -> Tri:
    if relevant is not None:
        return relevant <= as_of and (last is None or as_of <= last)
    if (trigger is not None and as_of < trigger) or (last is not None and as_of > last):
        return False
    return True if cands and max(cands) <= as_of else None


def disposal_period(case: Any, d: Any, as_of: date, trail: Trail) -> dict[str, Any]:
    """ss.80-82 and s.132 for one disposal."""
    trigger = d.relevant_date
    out: dict[str, Any] = {"d": d, "subject": None, "relevant": None, "cands": (), "indefinite": None,
                           "last_day": None, "ends": [], "at_least": None, "trial": None, "on": None}
    kind = kind_of(d)
    sch3 = listed(case, d, "soa2003.sch3", d.offence.schedule3, max(trigger or as_of, PART2), trail.warnings)
    relevant, cands = relevant_date(d, by_sentence_only(case, d, sch3, trail))
    out["relevant"], out["cands"] = relevant, cands
    if relevant is None:
        trail.missing.append(f"disposals[{d.id}].relevant_date")
    as_at = max(relevant or trigger or as_of, PART2)
    pre97 = relevant < SOA1997 if relevant is not None else (False if trigger and trigger >= SOA1997 else None)
    dealt = d.dealt_with_status_1997
    caution = d.trigger == "caution"
    subject, rule, ok = first([
        (AND(d.trigger == "conviction", _is(kind, "absolute_discharge")), False, "absolute_discharge"),
        (_not(sch3), False, "not_schedule3"),
        (AND(pre97, caution), False, "pre_1997_caution"),
        (AND(pre97, _not(dealt)), False, "pre_1997_not_dealt_with"),
        (AND(pre97, dealt, sch3), True, "pre_1997_qualifying"),
        (AND(sch3, _not(pre97)), True, "relevant_offender"),
    ])
    if not ok or subject is None:
        trail.missing.append(f"disposals[{d.id}].subject")
        return out
    trail.reasons.append(("notification.period.subject." + str(rule), d.id))
    out["subject"] = bool(subject)
    if not subject:
        out["on"] = False
        return out
    m = aggregate_months(case, d, sch3, max(trigger or as_of, PART2), trail.warnings) if kind in CUSTODIAL else None
    floor = None
    if m is None and kind in CUSTODIAL and sch3 is not False:
        own = term_months(d, True)  # the aggregate, though unknown, is at least this term less a month
        floor = None if own is None else max(0.0, float(math.floor(own) - 1))
    s = d.sentence
    restricted = (True if s.restriction_order is None and s.without_limit_of_time else s.restriction_order) \
        if kind == "hospital_order" else False
    custodial = _is(kind, *CUSTODIAL)
    row, rule, ok = first([
        (_is(kind, "life"), "indefinite", "life"),
        (None if kind is None else kind == "ipp" and as_at >= date(2005, 4, 4), "indefinite", "ipp"),
        (AND(custodial, _at(floor, 30) if m is None else m >= 30), "indefinite", "imprisonment_30_months_or_more"),
        (AND(_is(kind, "hospital_order"), restricted), "indefinite", "hospital_with_restriction"),
        (AND(custodial, _below(floor, 30) if m is None else 6 < m < 30), "ten",
         "imprisonment_more_than_6_less_than_30_months"),
        (AND(custodial, _below(floor, 6.5) if m is None else m <= 6), "seven", "imprisonment_6_months_or_less"),
        (AND(_is(kind, "hospital_order"), _not(restricted)), "seven", "hospital_without_restriction"),
        (_is(kind, "caution"), "two", "caution"),
        (_is(kind, "conditional_discharge"), "cd", "conditional_discharge"),
        (_is(kind, "community_order", "fine", "guardianship_order", "other", "absolute_discharge"), "five",
         "any_other"),
    ])
    if not ok or row is None:
        trail.missing.append(f"disposals[{d.id}].row")
        return out
    trail.reasons.append(("notification.period." + str(rule), d.id))
    trial = d.trial_concluded_on if d.trigger == "disability_finding" else None
    if row == "indefinite":
        out.update(indefinite=True, last_day=trial, trial=trial, on=_on(relevant, cands, trigger, as_of, trial))
        return out
    out["indefinite"] = False
    _fixed(case, d, row, as_of, trial, out, trail)
    return out


def _fixed(case: Any, d: Any, row: str, as_of: date, trial: date | None, out: dict[str, Any], trail: Trail) -> None:
    """A fixed period: from the relevant date (a conditional discharge's from the order), halved for an offender
    under 18 on the relevant date, cut short at a later trial; or the periods it may be."""
    relevant, cands, trigger = out["relevant"], out["cands"], d.relevant_date
    halvable = row != "cd"
    base = term_md(d.sentence.period) if row == "cd" else (ROW_YEARS[row] * 12, 0)
    begins = (d.sentence_date if row == "cd" else relevant) if relevant is not None else None
    born = case.person.date_of_birth
    if row == "cd" and d.sentence_date is None:
        trail.missing.append(f"disposals[{d.id}].sentence_date")
    if begins is not None and (born is not None or not halvable):
        halved = halvable and age(born, relevant) < 18
        end = after(begins, *(halve_md(begins, *base) if halved else base)) - timedelta(days=1)
        trail.warnings.add("time.beginning_with_convention")
        last = end if trial is None else min(end, trial)
        out.update(last_day=last, trial=trial if trial is not None and trial < end else None,
                   on=_on(relevant, cands, trigger, as_of, last))
        return
    if begins is None and relevant is not None:
        at_least = after(relevant, *base) - timedelta(days=1)
        out.update(at_least=at_least, on=False if as_of < relevant else (True if as_of <= at_least else None))
        return
    if born is None:
        trail.missing.append("person.date_of_birth")
    ends: list[tuple[date, bool]] = []
    for start in (relevant,) if relevant is not None else cands:
        options = [False] if not halvable else [age(born, start) < 18] if born is not None else [False, True]
        for halved in options:
            end = after(start, *(halve_md(start, *base) if halved else base)) - timedelta(days=1)
            end = end if trial is None else min(end, trial)
            ends.append((end, start <= as_of <= end))
    out["ends"] = [e for e, _ in ends]
    states = {on for _, on in ends}
    if len(states) == 1:
        out["on"] = states.pop()
    elif not ends:
        out["on"] = False if trigger is not None and as_of < trigger else None


def aggregate_months(case: Any, d: Any, own: Tri = None, day: date | None = None,
                     warnings: set[str] | None = None) -> float | None:
    """s.82(3)-(4): consecutive and partly concurrent terms for Schedule 3 offences counted as one term. Whether a
    related disposal's offence is listed follows the catalogue for an id it knows (read as at that disposal's
    conviction, finding or caution, or Part 2's commencement if later), else its flag; ``own`` is the listing
    already found for ``d`` (its flag if not given)."""
    edges: dict[str, set[str]] = {}
    for x in case.disposals:
        rel = getattr(x.sentence, "relation", None)
        if rel is not None:
            edges.setdefault(x.id, set()).add(rel.to)
            edges.setdefault(rel.to, set()).add(x.id)
    if d.id not in edges:
        return term_months(d, True)
    seen, todo = [d.id], [d.id]
    while todo:
        for other in sorted(edges.get(todo.pop(), ())):
            if other not in seen:
                seen.append(other)
                todo.append(other)
    by_id = {x.id: x for x in case.disposals}
    linked = [by_id[i] for i in seen]
    lengths: dict[str, tuple[int, int]] = {}
    for x in linked:
        md = custodial_md(x, True)
        if md is False:
            return None
        if md is not None and md is not True:
            lengths[x.id] = md
    roots = [x for x in linked if getattr(x.sentence, "relation", None) is None]
    anchor = next((x.sentence_date or x.relevant_date for x in roots if x.sentence_date or x.relevant_date), None)
    if anchor is None:
        return None
    spans: dict[str, tuple[date, date]] = {}
    pending = [x for x in linked if x.id in lengths]
    while pending:
        progressed = False
        for x in list(pending):
            rel = getattr(x.sentence, "relation", None)
            if rel is None or (rel.to not in spans and rel.to not in lengths):
                start = anchor
            elif rel.to in spans:
                other_start, other_end = spans[rel.to]
                if rel.kind == "consecutive":
                    start = other_end
                elif rel.kind == "concurrent":
                    start = other_start
                else:
                    om, od = term_md(rel.overlap)
                    start = other_end - timedelta(days=om * 31 + od + 1)
                    while after(start, om, od) < other_end:
                        start += timedelta(days=1)
            else:
                continue
            spans[x.id] = (start, after(start, *lengths[x.id]))
            pending.remove(x)
            progressed = True
        if not progressed:
            break
    found: dict[str, Tri] = {}
    for x in linked:
        if x.id not in spans:
            continue
        if x is d:
            found[x.id] = own if own is not None or day is None else x.offence.schedule3
        elif day is None or warnings is None:
            found[x.id] = x.offence.schedule3
        else:
            at = max(x.relevant_date, PART2) if x.relevant_date is not None else day
            found[x.id] = listed(case, x, "soa2003.sch3", x.offence.schedule3, at, warnings)
    listed3 = sorted(spans[ident] for ident, value in found.items() if value is not False)
    if not listed3:
        return 0.0
    if len(listed3) > 1 and any(value is None for value in found.values()):
        return None
    first, total = listed3[0][0], 0
    cur_start, cur_end = listed3[0]
    for start, end in listed3[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += (cur_end - cur_start).days
            cur_start, cur_end = start, end
    total += (cur_end - cur_start).days
    return span_months(first, first + timedelta(days=total))


