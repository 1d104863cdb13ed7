"""A hand-written answer to "MAPPA category + notification period" over a validated ``Case``: the practical limit.

Plain Python, written once for these two questions, with a cheap trail: the rule ids that decided (with the
disposal or order they concern), the paths of missing facts and the warning codes. It follows the same readings
as the rulesets (SOA 2003 ss.80-82 and s.131; CJA 2003 ss.325-327; the civil orders that bring notification) and
is checked against the library's answers on the mix (``bench_all.py`` prints the agreement rate). It is a
benchmark contender, not a second implementation of the law: nothing in the library uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .handwritten_facts import (
    AND,
    NOTICES,
    OR,
    PART2,
    SHPO_SRO,
    SOA1997,
    Tri,
    add_months,
    after,
    age,
    custodial_md,
    kind_of,
    listed,
    span_months,
    term_md,
    term_months,
)

CUSTODIAL = ("imprisonment", "detention_and_training_order", "extended_sentence")
ROW_YEARS = {"ten": 10, "seven": 7, "five": 5, "two": 2}


@dataclass(slots=True)
class Trail:
    reasons: list[tuple[str, str | None]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    warnings: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Answer:
    outcome: str
    value: dict[str, Any]
    dates: dict[str, date]
    trail: Trail


def _first(rules: list[tuple[Tri, Any, str]]) -> tuple[Any, str | None, bool]:
    """First-match over (truth, outcome, rule id): an unknown earlier rule with another outcome leaves it open."""
    blocked: list[Any] = []
    for truth, then, rule in rules:
        if truth is None:
            blocked.append(then)
        elif truth:
            if any(b != then for b in blocked):
                return None, None, False
            return then, rule, True
    return None, None, not blocked


def _aggregate_months(case: Any, d: Any, miss: list[str]) -> float | None:
    """s.82(3)-(4): consecutive and partly concurrent terms for Schedule 3 offences counted as one term."""
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
    listed3 = sorted(spans[x.id] for x in linked if x.id in spans and x.offence.schedule3 is not False)
    if not listed3:
        return 0.0
    if len(listed3) > 1 and any(x.offence.schedule3 is None for x in linked):
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


def _period(case: Any, d: Any, as_of: date, trail: Trail) -> dict[str, Any]:
    """ss.80-82 for one disposal: subject, row, indefinite, last day and the status on ``as_of``."""
    out: dict[str, Any] = {"subject": None, "indefinite": None, "last_day": None, "on": None, "decided": False}
    relevant = d.relevant_date
    as_at = max(relevant or as_of, PART2)
    kind = kind_of(d)
    sch3 = listed(case, d, "soa2003.sch3", d.offence.schedule3, as_at, trail.warnings)
    pre97 = None if relevant is None else relevant < SOA1997
    dealt = d.dealt_with_status_1997
    conviction, caution = d.trigger == "conviction", d.trigger == "caution"
    subject, rule, ok = _first([
        (AND(conviction, None if kind is None else kind == "absolute_discharge"), False, "absolute_discharge"),
        (None if sch3 is None else not sch3, False, "not_schedule3"),
        (AND(pre97, caution), False, "pre_1997_caution"),
        (AND(pre97, None if dealt is None else not dealt), False, "pre_1997_not_dealt_with"),
        (AND(pre97, dealt, sch3), True, "pre_1997_qualifying"),
        (AND(sch3, None if pre97 is None else not pre97), True, "relevant_offender"),
    ])
    if not ok:
        trail.missing.append(f"disposals[{d.id}].subject")
        return out
    trail.reasons.append(("notification.subject." + str(rule), d.id))
    out["subject"] = bool(subject)
    if not subject:
        out["on"], out["decided"] = False, True
        return out
    months = _aggregate_months(case, d, trail.missing) if kind in CUSTODIAL else 0.0
    restricted = d.sentence.restriction_order if kind == "hospital_order" else False
    custodial = None if kind is None else kind in CUSTODIAL
    m = None if kind not in CUSTODIAL else months
    row, rule, ok = _first([
        (None if kind is None else kind == "life", "indefinite", "life"),
        (None if kind is None else kind == "ipp" and as_at >= date(2005, 4, 4), "indefinite", "ipp"),
        (AND(custodial, None if m is None else m >= 30), "indefinite", "imprisonment_30_months_or_more"),
        (AND(None if kind is None else kind == "hospital_order", restricted), "indefinite",
         "hospital_with_restriction"),
        (AND(custodial, None if m is None else 6 < m < 30), "ten", "imprisonment_more_than_6_less_than_30_months"),
        (AND(custodial, None if m is None else m <= 6), "seven", "imprisonment_6_months_or_less"),
        (AND(None if kind is None else kind == "hospital_order", None if restricted is None else not restricted),
         "seven", "hospital_without_restriction"),
        (None if kind is None else kind == "caution", "two", "caution"),
        (None if kind is None else kind == "conditional_discharge", "cd", "conditional_discharge"),
        (None if kind is None else kind in ("community_order", "fine", "guardianship_order", "other",
                                            "absolute_discharge"), "five", "any_other"),
    ])
    if not ok or row is None:
        trail.missing.append(f"disposals[{d.id}].row")
        return out
    trail.reasons.append(("notification.period." + str(rule), d.id))
    assert relevant is not None
    if row == "indefinite":
        out.update(indefinite=True, on=relevant <= as_of, decided=True)
        return out
    out["indefinite"] = False
    if row == "cd":
        cm, cd = term_md(d.sentence.period)
        end = after(relevant, cm, cd) - timedelta(days=1)
        out.update(last_day=end, on=relevant <= as_of <= end, decided=True)
        return out
    full = ROW_YEARS[row] * 12
    born = case.person.date_of_birth
    if born is None:
        trail.missing.append("person.date_of_birth")
        ends = [add_months(relevant, n) - timedelta(days=1) for n in (full, full // 2)]
        ons = [relevant <= as_of <= e for e in ends]
        out["on"] = ons[0] if ons[0] == ons[1] else None
        return out
    months = full // 2 if age(born, relevant) < 18 else full
    trail.warnings.add("time.beginning_with_convention")
    end = add_months(relevant, months) - timedelta(days=1)
    out.update(last_day=end, on=relevant <= as_of <= end, decided=True)
    return out


def _order_on(order: Any, as_of: date, trail: Trail) -> Tri:
    """Whether a civil order makes the person subject to notification on ``as_of`` (None: unknown)."""
    kind, made, route = order.kind, order.made, order.route
    if made is None:
        return None
    if kind in ("shpo", "interim_shpo", "sro", "interim_sro"):
        if made < SHPO_SRO:
            return False
        if kind == "interim_shpo" and route is not None and route != "application":
            return False
        if kind == "shpo" and route in ("conviction", "finding") and order.offence_listed == "not_listed":
            return False
        if kind in ("sro", "interim_sro") and route is not None and route != "application":
            return False
        full: Tri = True if kind in ("shpo", "interim_shpo") else order.breached
    else:
        if made < PART2:
            return False
        if kind in ("foreign_travel_order", "rsho", "interim_rsho", "interim_sopo", "notification_order",
                    "interim_notification_order") and route is not None and route != "application":
            return False
        if kind == "notification_notice" and made < NOTICES:
            return False
        notification_order = kind in ("notification_order", "interim_notification_order")
        if notification_order and made >= NOTICES and order.application_date is not None \
                and order.application_date >= NOTICES:
            return False
        if not notification_order and kind != "notification_notice" and made >= SHPO_SRO and (
                (route is not None and route != "application")
                or (order.application_date is not None and order.application_date >= SHPO_SRO)):
            return False
        full = {"sopo": True, "interim_sopo": True, "interim_notification_order": True}.get(
            kind, order.breached if kind in ("rsho", "interim_rsho") else False)
    if full is None:
        trail.missing.append(f"orders[{order.id}].breached")
        return None
    if not full:
        return False
    start = order.breach_date if kind in ("sro", "interim_sro", "rsho", "interim_rsho") else made
    if start is None:
        return None
    trail.reasons.append(("orders.notification." + kind, order.id))
    if as_of < start or as_of < made or (order.ceased_on is not None and as_of > order.ceased_on):
        return False
    if not order.terms:
        return True if order.ceased_on is not None else None
    unknown = False
    for term in order.terms:
        duration = term.duration or ("fixed_period" if term.period is not None else None)
        if duration == "until_further_order":
            return True
        begins = term.takes_effect or (None if term.kind == "foreign_travel_prohibition" else made)
        if duration is None or term.period is None or begins is None:
            unknown = True
            continue
        if as_of <= after(begins, *term_md(term.period)) - timedelta(days=1):
            return True
    return None if unknown else False


def notification_period(case: Any, as_of: date) -> Answer:
    trail = Trail()
    periods = [(d, _period(case, d, as_of, trail)) for d in case.disposals]
    orders = [_order_on(o, as_of, trail) for o in case.orders]
    subject = [(d, p) for d, p in periods if p["subject"]]
    undecided = any(not p["decided"] for _, p in periods)
    value: dict[str, Any] = {"subject": bool(subject) or (None if undecided else False)}
    dates: dict[str, date] = {}
    indefinite = next(((d, p) for d, p in subject if p["indefinite"]), None)
    if indefinite is not None:
        controlling = indefinite
    elif undecided or not subject:
        controlling = None
    else:
        controlling = max(subject, key=lambda dp: dp[1]["last_day"] or date.min)
    if controlling is None:
        on = OR(*[p["on"] for _, p in periods]) if periods else False
        on = OR(on, *orders) if on is not True else True
        if not periods:
            trail.missing.append("disposals")
        value.update(indefinite=None, subject_on_as_of=on)
        outcome = "undetermined" if undecided or not periods or on is None else "no"
        return Answer(outcome, value, dates, trail)
    d, p = controlling
    on = True if any(q["on"] for _, q in subject) else p["on"]
    value.update(controlling_disposal=d.id, indefinite=p["indefinite"], subject_on_as_of=OR(on, *orders))
    dates["relevant_date"] = d.relevant_date
    if p["last_day"] is not None:
        dates["period_last_day"] = p["last_day"]
    return Answer("yes", value, dates, trail)


def _category2(case: Any, as_of: date, trail: Trail) -> Tri:
    unknown = False
    for d in case.disposals:
        kind = kind_of(d)
        sch15 = listed(case, d, "cja2003.sch15", d.offence.schedule15, as_of, trail.warnings)
        murder, s327 = d.offence.murder, d.offence.s327_4a
        conviction = d.trigger == "conviction"
        months = None if d.sentence is None else term_months(d, False)
        court = None if d.court is None else d.court != "england_wales"

        def is_kind(*kinds: str, kind: str | None = kind) -> bool | None:
            return None if kind is None else kind in kinds

        suspended = bool(getattr(d.sentence, "suspended", False))
        verdict, rule, ok = _first([
            (OR(court, d.trigger == "caution"), False, "not_england_wales"),
            (AND(None if murder is None else not murder, None if sch15 is None else sch15 not in ("part_1", "part_2"),
                 None if s327 is None else not s327), False, "offence_not_specified"),
            (AND(conviction, OR(is_kind("extended_sentence"), AND(is_kind("imprisonment"), not suspended)),
                 None if months is None else months >= 12), "i", "imprisonment_12_months"),
            (AND(conviction, is_kind("detention_and_training_order"), None if months is None else months >= 12),
             "iii", "training_order_12_months"),
            (AND(conviction, is_kind("life", "ipp")), "ii", "life_or_public_protection"),
            (is_kind("hospital_order", "guardianship_order"), "iv", "hospital_or_guardianship"),
            (AND(is_kind("imprisonment"), suspended, None if months is None else months >= 12), "unresolved",
             "suspended_unresolved"),
            (True, False, "no_qualifying_disposal"),
        ])
        if not ok:
            trail.missing.append(f"disposals[{d.id}].category2")
            unknown = True
            continue
        trail.reasons.append(("mappa.category2." + str(rule), d.id))
        if verdict == "unresolved":
            trail.warnings.add("mappa.category2.suspended_unresolved")
            unknown = True
            continue
        if not verdict:
            continue
        if kind == "life":
            return True
        if d.supervision_end is None:
            trail.missing.append(f"disposals[{d.id}].supervision_end")
            unknown = True
        elif as_of <= d.supervision_end:
            return True
    return None if unknown else False


def mappa_category(case: Any, as_of: date, notification: Answer | None = None) -> Answer:
    period = notification or notification_period(case, as_of)
    trail = Trail(list(period.trail.reasons), list(period.trail.missing), set(period.trail.warnings))
    cat1 = period.value["subject_on_as_of"]
    cat2 = _category2(case, as_of, trail)
    harm, multi = case.risk.may_cause_serious_harm, case.risk.needs_multi_agency_management
    has = bool(case.disposals)
    cat3, _, ok3 = _first([
        (not has, False, "no_offence"), (AND(has, harm, multi), True, "other_dangerous_offender"),
        (OR(None if harm is None else not harm, None if multi is None else not multi), False, "not_met"),
    ])
    if not ok3:
        cat3 = None
        trail.missing.extend(p for p, v in (("risk.may_cause_serious_harm", harm),
                                            ("risk.needs_multi_agency_management", multi)) if v is None)
    category, rule, ok = _first([
        (cat1, 1, "one"), (cat2, 2, "two"), (cat3, 3, "three"),
        (AND(*(None if c is None else not c for c in (cat1, cat2, cat3))), 0, "none"),
    ])
    value: dict[str, Any] = {"categories": {"1": cat1, "2": cat2, "3": cat3}}
    if ok and category is not None:
        trail.reasons.append(("mappa.category." + str(rule), None))
        value.update(category=category or None, eligible=bool(category))
        return Answer("yes" if category else "no", value, {}, trail)
    value.update(category=None, eligible=True if True in (cat1, cat2, cat3) else None)
    return Answer("undetermined", value, {}, trail)


def assess(case: Any, as_of: date) -> dict[str, Answer]:
    """Both questions, the notification period worked out once (as the library's ``assess`` does)."""
    period = notification_period(case, as_of)
    return {"notification-period": period, "category": mappa_category(case, as_of, period)}
