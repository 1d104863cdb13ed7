"""MAPPA categorisation on durable_rules 2.0.28 (the ``durable`` extra): the contender for figure (c).

How it works, per case: a Python adapter turns the validated ``Case`` into flat JSON events - one ``n`` event
(notification, SOA 2003 ss.80-82) and one ``v`` event (Category 2, CJA 2003 s.327(3)-(4)) per disposal, one
``o`` event per civil order, one ``p`` event for the person (Category 3) - and posts them in one batch. The
durable_rules ruleset below decides each event (first match by priority, unknown facts encoded as -1 or
``"unknown"``); each action records its verdict (True / False / None for undetermined). Python then combines
the verdicts three-valued (any disposal or order makes the person subject; any current Category 2 disposal)
and records the lowest category, as the MAPPA guidance says.

What the adapter computes, because durable_rules has no calendar (and cannot add two fields of an event):
dates as day ordinals and as (month index, day) pairs, and the month a conditional discharge runs to, so that
"the period of N months beginning with the relevant date covers the as-at date" is a rule condition; the
offender's age on the relevant date; the terms in months (s.131, the DTO half, aggregation of consecutive terms,
s.82(3)-(4)); whether the offence is listed (the catalogue's entry conditions); whether an
order's terms still run on the as-at date. These use the same helpers as the hand-written contender.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from .handwritten import CUSTODIAL, _aggregate_months, _first
from .handwritten_facts import NOTICES, OR, PART2, SHPO_SRO, SOA1997, after, kind_of, listed, term_md, term_months
from .handwritten_facts import age as age_on

RULESET = "mappa_category_bench"
_IDS = itertools.count()
_VERDICTS: list[tuple[str, bool | None]] = []
_host: Any = None


def _tri(value: bool | None) -> int:
    return -1 if value is None else int(value)


def _month(day: date) -> tuple[int, int]:
    return day.year * 12 + day.month - 1, day.day


def _define() -> Any:
    """Register the ruleset with durable_rules (once) and return its host."""
    from durable.lang import get_host, m, pri, ruleset, when_all  # type: ignore[import-untyped]

    def record(kind: str, verdict: bool | None) -> Any:
        def action(c: Any) -> None:
            _VERDICTS.append((kind, verdict))

        action.__name__ = f"{kind}_{verdict}"
        return action

    def covers(months: int) -> Any:
        """The period of ``months`` beginning with the relevant date includes the as-at date."""
        ends = (m.asofm < m.relm + months) | ((m.asofm == m.relm + months) & (m.asofd < m.reld))
        return (m.relo <= m.asofo) & ends

    def kind_in(*kinds: str) -> Any:
        expression = m.kind == kinds[0]
        for k in kinds[1:]:
            expression = expression | (m.kind == k)
        return expression

    custodial = kind_in(*CUSTODIAL)
    rows = {
        120: (m.t == "n") & custodial & (m.mo > 6) & (m.mo < 30),
        84: (m.t == "n") & ((custodial & (m.mo >= 0) & (m.mo <= 6)) | ((m.kind == "hospital_order") & (m.restr == 0))),
        24: (m.t == "n") & (m.kind == "caution"),
        60: (m.t == "n") & kind_in("community_order", "fine", "guardianship_order", "other", "absolute_discharge"),
    }
    indefinite = (m.t == "n") & ((m.kind == "life") | ((m.kind == "ipp") & (m.ippok == 1)) | (custodial & (m.mo >= 30))
                                 | ((m.kind == "hospital_order") & (m.restr == 1)))
    t2_route = (m.t == "v") & (m.clean == 1) & (
        ((m.trig == "conviction") & ((m.kind == "extended_sentence") | ((m.kind == "imprisonment") & (m.susp == 0))
                                     | (m.kind == "detention_and_training_order")) & (m.st >= 12))
        | ((m.trig == "conviction") & (m.kind == "ipp")) | kind_in("hospital_order", "guardianship_order"))
    long_or_unknown = (m.st >= 12) | (m.st == -1)
    possible2 = ((m.kind == "unknown") | kind_in("hospital_order", "guardianship_order")
                 | ((m.trig == "conviction") & kind_in("life", "ipp"))
                 | ((m.trig == "conviction") & custodial & long_or_unknown)
                 | ((m.kind == "imprisonment") & (m.susp == 1) & long_or_unknown))
    rules: list[tuple[int, Any, str, bool | None]] = [
        # Notification (SOA 2003 ss.80-82): not a relevant offender, or not known to be one.
        (1, (m.t == "n") & ((m.sch3 == 0) | ((m.trig == "conviction") & (m.kind == "absolute_discharge"))
                            | ((m.pre97 == 1) & (m.trig == "caution")) | ((m.pre97 == 1) & (m.dw == 0))), "n", False),
        (2, (m.t == "n") & ((m.sch3 == -1) | ((m.trig == "conviction") & (m.kind == "unknown")) | (m.pre97 == -1)
                            | ((m.pre97 == 1) & (m.dw == -1))), "n", None),
        (3, indefinite & (m.relo <= m.asofo), "n", True),
        (4, indefinite, "n", False),
        (5, (m.t == "n") & ((m.kind == "unknown") | (custodial & (m.mo == -1)) | ((m.kind == "ipp") & (m.ippok == 0))
                            | ((m.kind == "hospital_order") & (m.restr == -1))), "n", None),
    ]
    for months, row in rows.items():
        rules.append((6, row & (((m.age >= 18) & covers(months)) | ((m.age < 18) & covers(months // 2))), "n", True))
        rules.append((7, row & (m.age == -1) & covers(months), "n", None))
    cd = (m.relo <= m.asofo) & ((m.cdam < m.cdendm) | ((m.cdam == m.cdendm) & (m.cdad < m.reld)))
    rules += [
        (6, (m.t == "n") & (m.kind == "conditional_discharge") & cd, "n", True),
        (9, m.t == "n", "n", False),
        # Category 2 (CJA 2003 s.327(3)-(4)) and whether the licence or hospital order still runs.
        (1, (m.t == "v") & ((m.trig == "caution") | (m.court == 1)), "v", False),
        (2, (m.t == "v") & (m.murder == 0) & ((m.s15 == "not_listed") | (m.s15 == "part_3")) & (m.s327 == 0),
         "v", False),
        (3, (m.t == "v") & (m.clean == 0) & possible2, "v", None),
        (4, (m.t == "v") & (m.clean == 0), "v", False),
        (5, (m.t == "v") & (m.trig == "conviction") & (m.kind == "life"), "v", True),
        (5, (m.t == "v") & (m.trig == "conviction") & kind_in(*CUSTODIAL) & (m.st == -1), "v", None),
        (6, t2_route & (m.sup == 1), "v", True),
        (6, t2_route & (m.sup == 0), "v", False),
        (7, t2_route, "v", None),
        (8, (m.t == "v") & ((m.kind == "unknown") | ((m.kind == "imprisonment") & (m.susp == 1) & (m.st >= 12))),
         "v", None),
        (9, m.t == "v", "v", False),
        # Civil orders that bring notification while they have effect.
        (1, (m.t == "o") & (m.unavailable == 1), "o", False),
        (2, (m.t == "o") & ((m.kind == "foreign_travel_order") | (m.kind == "notification_order")
                            | (m.kind == "notification_notice") | ((m.breach == 1) & (m.breached == 0))), "o", False),
        (3, (m.t == "o") & (((m.breach == 1) & (m.breached == -1)) | (m.started == -1)), "o", None),
        (4, (m.t == "o") & (m.started == 0), "o", False),
        (5, (m.t == "o") & (m.effect == 1), "o", True),
        (5, (m.t == "o") & (m.effect == 0), "o", False),
        (9, m.t == "o", "o", None),
        # Category 3: the Responsible Authority's two judgements, supplied as facts.
        (1, (m.t == "p") & (m.has == 0), "p", False),
        (2, (m.t == "p") & (m.harm == 1) & (m.multi == 1), "p", True),
        (3, (m.t == "p") & ((m.harm == 0) | (m.multi == 0)), "p", False),
        (9, m.t == "p", "p", None),
    ]
    with ruleset(RULESET):
        for priority, condition, kind, verdict in rules:
            when_all(pri(priority), condition)(record(kind, verdict))
    return get_host()


def events(case: Any, as_of: date) -> list[dict[str, Any]]:
    """The case as flat events for the ruleset (the adapter's work is part of the contender's time)."""
    asofm, asofd = _month(as_of)
    asofo = as_of.toordinal()
    out: list[dict[str, Any]] = []
    warnings: set[str] = set()
    for d in case.disposals:
        kind = kind_of(d) or "unknown"
        relevant = d.relevant_date
        as_at = max(relevant or as_of, PART2)
        sch3 = listed(case, d, "soa2003.sch3", d.offence.schedule3, as_at, warnings)
        born = case.person.date_of_birth
        n: dict[str, Any] = {
            "sid": "0", "t": "n", "sch3": _tri(sch3), "trig": d.trigger, "kind": kind,
            "pre97": -1 if relevant is None else int(relevant < SOA1997), "dw": _tri(d.dealt_with_status_1997),
            "ippok": int(as_at >= date(2005, 4, 4)), "asofo": asofo, "asofm": asofm, "asofd": asofd,
            "restr": _tri(d.sentence.restriction_order) if kind == "hospital_order" else 0,
            "age": -1 if born is None or relevant is None else age_on(born, relevant),
        }
        if kind in CUSTODIAL:
            months = _aggregate_months(case, d, [])
            n["mo"] = -1 if months is None else months
        if relevant is not None:
            n["relo"], (n["relm"], n["reld"]) = relevant.toordinal(), _month(relevant)
            if kind == "conditional_discharge":
                cdm, cdd = term_md(d.sentence.period)
                n["cdendm"], (n["cdam"], n["cdad"]) = n["relm"] + cdm, _month(as_of - timedelta(days=cdd))
        out.append(n)
        sch15 = listed(case, d, "cja2003.sch15", d.offence.schedule15, as_of, warnings)
        st = None if d.sentence is None else term_months(d, False)
        murder, s327 = d.offence.murder, d.offence.s327_4a
        court = -1 if d.court is None else int(d.court != "england_wales")
        specified = murder is True or sch15 in ("part_1", "part_2") or s327 is True
        out.append({
            "sid": "0", "t": "v", "trig": d.trigger, "kind": kind, "court": court, "murder": _tri(murder),
            "s327": _tri(s327), "s15": sch15 or "unknown", "susp": int(bool(getattr(d.sentence, "suspended", False))),
            "st": -1 if st is None else st, "clean": int(court == 0 and specified),
            "sup": -1 if d.supervision_end is None else int(as_of <= d.supervision_end),
        })
    for order in case.orders:
        out.append(_order_event(order, as_of))
    risk = case.risk
    out.append({"sid": "0", "t": "p", "has": int(bool(case.disposals)), "harm": _tri(risk.may_cause_serious_harm),
                "multi": _tri(risk.needs_multi_agency_management)})
    return out


def _order_event(order: Any, as_of: date) -> dict[str, Any]:
    kind, made, route, app = order.kind, order.made, order.route, order.application_date
    if made is None:
        return {"sid": "0", "t": "o", "kind": kind}
    other_route = route is not None and route != "application"
    if kind in ("shpo", "interim_shpo", "sro", "interim_sro"):
        unavailable = made < SHPO_SRO or (kind != "shpo" and other_route) or (
            kind == "shpo" and route in ("conviction", "finding") and order.offence_listed == "not_listed")
    else:
        notification_order = kind in ("notification_order", "interim_notification_order")
        unavailable = made < PART2 or (kind in ("foreign_travel_order", "rsho", "interim_rsho", "interim_sopo")
                                       and other_route) or (notification_order and other_route) or (
            kind == "notification_notice" and made < NOTICES) or (
            notification_order and made >= NOTICES and app is not None and app >= NOTICES) or (
            not notification_order and kind != "notification_notice" and made >= SHPO_SRO
            and (other_route or (app is not None and app >= SHPO_SRO)))
    breach = kind in ("sro", "interim_sro", "rsho", "interim_rsho")
    start = order.breach_date if breach else made
    return {"sid": "0", "t": "o", "kind": kind, "unavailable": int(unavailable), "breach": int(breach),
            "breached": _tri(order.breached), "started": -1 if start is None else int(as_of >= start),
            "effect": _tri(_in_effect(order, as_of))}


def _in_effect(order: Any, as_of: date) -> bool | None:
    if as_of < order.made or (order.ceased_on is not None and as_of > order.ceased_on):
        return False
    if not order.terms:
        return True if order.ceased_on is not None else None
    unknown = False
    for term in order.terms:
        duration = term.duration or ("fixed_period" if term.period is not None else None)
        if duration == "until_further_order":
            return True
        begins = term.takes_effect or (None if term.kind == "foreign_travel_prohibition" else order.made)
        if duration is None or term.period is None or begins is None:
            unknown = True
        elif as_of <= after(begins, *term_md(term.period)) - timedelta(days=1):
            return True
    return None if unknown else False


def categorise(case: Any, as_of: date) -> int | str | None:
    """The MAPPA category (1, 2, 3), None when none applies, or ``"undetermined"``."""
    global _host
    if _host is None:
        _host = _define()
    _VERDICTS.clear()
    batch = events(case, as_of)
    for event in batch:
        event["id"] = next(_IDS)  # durable_rules drops a message identical to one it has seen
    _host.post_batch(RULESET, batch)
    by_kind: dict[str, list[bool | None]] = {"n": [], "v": [], "o": [], "p": []}
    for kind, verdict in _VERDICTS:
        by_kind[kind].append(verdict)
    cat1 = OR(*by_kind["n"], *by_kind["o"]) if by_kind["n"] or by_kind["o"] else False
    cat2 = OR(*by_kind["v"]) if by_kind["v"] else False
    cat3 = by_kind["p"][0]
    category, _, ok = _first([
        (cat1, 1, "one"), (cat2, 2, "two"), (cat3, 3, "three"),
        (None if None in (cat1, cat2, cat3) else not (cat1 or cat2 or cat3), 0, "none"),
    ])
    return "undetermined" if not ok or category is None else (category or None)


def available() -> bool:
    try:
        import durable.lang  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["available", "categorise", "events"]
