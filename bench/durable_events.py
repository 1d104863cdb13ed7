"""The adapter of the durable_rules contender (:mod:`bench.durable_contender`): the validated ``Case`` as flat JSON
events, one ``n`` (notification, SOA 2003 ss.80-82), ``v`` (Category 2, CJA 2003 s.327(3)-(4)) and ``t``
(Category 4, s.327(4D)) event per disposal, one ``o`` event per civil order, a ``p`` (Category 3) and a ``q``
(Category 4: CTA 2008 notification, terrorism risk) event for the person.

It computes only what durable_rules cannot (it has no calendar and cannot add two fields of an event): dates as
day ordinals and (month index, day) pairs; the s.82(6) relevant date (s.132: the sentence date where Schedule 3
lists the offence only by its sentence); the first month and day of a conditional discharge's period (from the
order); the offender's age on the relevant date; terms in months (s.131, the DTO half, s.82(3)-(4) aggregation,
or the least the aggregate can be); the catalogue's listings (Schedule 15's Part by the sentence date); the day a
review ended the indefinite requirements; whether an order's terms still run. These use the hand-written
contender's helpers; the rules decide.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from .handwritten_catalogue import listed, schedule15_parts
from .handwritten_facts import (
    NOTICES,
    PART2,
    SHPO_SRO,
    SOA1997,
    after,
    kind_of,
    term_md,
    term_months,
)
from .handwritten_facts import age as age_on
from .handwritten_period import CUSTODIAL, aggregate_months, by_sentence_only, relevant_date
from .handwritten_trail import Trail

PCSCA_2022 = date(2022, 4, 28)
SCHEME = date(2012, 7, 30)


def tri(value: bool | None) -> int:
    return -1 if value is None else int(value)


def _month(day: date) -> tuple[int, int]:
    return day.year * 12 + day.month - 1, day.day


def _ord(day: date | None) -> int:
    return -1 if day is None else day.toordinal()


def _review_ends(case: Any) -> list[tuple[date | None, date]]:
    """(the first day not subject if known, the earliest it can be) for each application that ended, or may have
    ended, the indefinite requirements (ss.91C(4), 91E(4))."""
    out: list[tuple[date | None, date]] = []
    for a in case.review.applications:
        appeal = a.appeal
        allowed = False if appeal is None else None if appeal.outcome is None else appeal.outcome == "allowed"
        if allowed:
            out.append((appeal.order_date, appeal.order_date or max(SCHEME, *(x for x in (
                a.determination_date, a.received, appeal.lodged, a.notice_received) if x is not None))))
        elif a.determination == "discharged" and allowed is not None:
            out.append((a.notice_received, a.notice_received or max(SCHEME, *(x for x in (
                a.determination_date, a.received) if x is not None))))
        elif a.determination is None or allowed is None:
            out.append((None, max(SCHEME, a.received or SCHEME)))
    return out


def _cut(began: tuple[date | None, date | None], ends: list[tuple[date | None, date]]) -> tuple[int, int]:
    """How a review cuts an indefinite period that began between ``began``: (0, -1) not at all; (1, the first day
    not subject); (2, the last day known still subject, after which it is unknown)."""
    for day, earliest in sorted(ends, key=lambda e: e[1]):
        lo, hi = began
        if lo is not None and day is not None and lo >= day:
            continue
        if day is not None and hi is not None and hi < day:
            return 1, day.toordinal()
        return 2, ((earliest if lo is None else max(earliest, lo)) - timedelta(days=1)).toordinal()
    return 0, -1


def _notification(case: Any, d: Any, as_of: date, ends: list[tuple[date | None, date]]) -> dict[str, Any]:
    kind = kind_of(d) or "unknown"
    trail = Trail()
    trigger = d.relevant_date
    sch3 = listed(case, d, "soa2003.sch3", d.offence.schedule3, max(trigger or as_of, PART2), trail.warnings)
    relevant, cands = relevant_date(d, by_sentence_only(case, d, sch3, trail))
    born = case.person.date_of_birth
    as_at = max(relevant or trigger or as_of, PART2)
    n: dict[str, Any] = {
        "sid": "0", "t": "n", "sch3": tri(sch3), "trig": d.trigger, "kind": kind, "dw": tri(d.dealt_with_status_1997),
        "pre97": int(relevant < SOA1997) if relevant is not None else 0 if trigger and trigger >= SOA1997 else -1,
        "ippok": int(as_at >= date(2005, 4, 4)), "asofo": as_of.toordinal(), "trigo": _ord(trigger),
        "relo": _ord(relevant), "cmaxo": _ord(max(cands)) if cands else -1, "cmino": _ord(min(cands)) if cands else -1,
        "covered": 0, "mo": -1, "mofl": -1,
        "age": -1 if born is None or relevant is None else age_on(born, relevant),
        "trialo": _ord(d.trial_concluded_on if d.trigger == "disability_finding" else None),
    }
    n["asofm"], n["asofd"] = _month(as_of)
    if kind == "hospital_order":
        s = d.sentence
        n["restr"] = tri(True if s.restriction_order is None and s.without_limit_of_time else s.restriction_order)
    if kind in CUSTODIAL:
        months = aggregate_months(case, d, sch3, max(trigger or as_of, PART2), trail.warnings)
        if months is not None:
            n["mo"] = months
        elif sch3 is not False and (own := term_months(d, True)) is not None:
            n["mofl"] = max(0.0, float(math.floor(own) - 1))
    n["cut"], n["endo"] = _cut((min(cands), max(cands)) if cands else (relevant, relevant) if relevant else
                               (trigger, None), ends)
    if cands:  # the relevant date is one of these days: the earliest and latest periods bound the answer
        (n["clm"], n["cld"]), (n["chm"], n["chd"]) = _month(cands[0]), _month(cands[-1])
        adult = {age_on(born, c) >= 18 for c in cands} if born is not None else {True, False}
        n["cage"] = -1 if len(adult) > 1 else 18 if adult.pop() else 0  # adult on each possible day, or under 18
    if relevant is not None:
        n["relm"], n["reld"] = _month(relevant)
        if kind == "conditional_discharge":
            base = d.sentence_date or relevant
            cdm, cdd = term_md(d.sentence.period)
            n["cdk"] = int(d.sentence_date is not None)
            n["cdendm"], n["cdsd"] = _month(base)[0] + cdm, base.day
            n["cdam"], n["cdad"] = _month(as_of - timedelta(days=cdd))
    return n


def _supervised(case: Any, d: Any, as_of: date) -> int:
    s = d.sentence
    if s is not None and s.kind == "life":
        return 1
    stated = case.stated.supervision
    if stated is not None and stated.disposal == d.id:
        return int(stated.no_end or as_of <= stated.until)
    if d.supervision_open_ended or getattr(s, "without_limit_of_time", None):
        return 1
    return -1 if d.supervision_end is None else int(as_of <= d.supervision_end)


def _offender(case: Any, d: Any, as_of: date) -> list[dict[str, Any]]:
    """The Category 2 and Category 4 events of one disposal."""
    kind = kind_of(d) or "unknown"
    st = None if d.sentence is None else term_months(d, False)
    suspended = bool(getattr(d.sentence, "suspended", False))
    specified = ("part_1", "part_2") if as_of >= PCSCA_2022 else ("part_1", "part_2", "part_3")
    parts = schedule15_parts(case, d, as_of, set())
    listed15 = None if parts is None else {p in specified for p in parts}
    murder, s327 = d.offence.murder, d.offence.s327_4a
    spec = 1 if murder is True or s327 is True or listed15 == {True} else \
        0 if murder is False and s327 is False and listed15 == {False} else -1
    court = -1 if d.court is None else int(d.court != "england_wales")
    form = None if d.sentence is None else getattr(d.sentence, "form", kind)
    dealt = -1 if d.relevant_date is None else int(
        d.relevant_date <= as_of and (d.sentence_date or d.relevant_date) <= as_of)
    common = {"sid": "0", "trig": d.trigger, "kind": kind, "susp": int(suspended), "st": -1 if st is None else st,
              "dealt": dealt}
    v = {**common, "t": "v", "court": court, "spec": spec, "sup": _supervised(case, d, as_of),
         "indet": int(kind in ("life", "ipp") and (as_of >= PCSCA_2022 or form != "custody_for_life"))}
    out = [v]
    if as_of >= PCSCA_2022:
        rto = 1 if True in (d.offence.schedule19za, d.offence.terrorist_connection) else \
            0 if d.offence.schedule19za is False and d.offence.terrorist_connection is False else -1
        out.append({**common, "t": "t", "rto": rto, "outside": -1 if d.court is None else int(d.court == "outside_uk")})
    return out


def _order(order: Any, as_of: date) -> dict[str, Any]:
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
    ceased = order.ceased_on
    return {"sid": "0", "t": "o", "kind": kind, "unavailable": int(unavailable), "breach": int(breach),
            "breached": tri(order.breached), "started": -1 if start is None else int(as_of >= start),
            "made": int(as_of >= made), "inrange": int(made <= as_of and (ceased is None or as_of <= ceased)),
            "effect": tri(_in_effect(order, as_of))}


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


def _stated(case: Any, as_of: date, ends: list[tuple[date | None, date]]) -> list[dict[str, Any]]:
    """A stated notification status ("registered since") and a recorded MAPPA category, as events."""
    out: list[dict[str, Any]] = []
    s = case.stated.notification
    if s is not None:
        cut, endo = _cut((s.since, s.since), ends) if s.indefinite and s.until is None else (0, -1)
        out.append({"sid": "0", "t": "s", "asofo": as_of.toordinal(), "sinceo": s.since.toordinal(),
                    "fixed": int(s.until is not None), "untilo": _ord(s.until), "cut": cut, "endo": endo})
    c = case.stated.mappa_category
    if c is not None:
        sup = case.stated.supervision
        ends_known = [d for d in case.disposals if d.supervision_end is not None or d.supervision_open_ended]
        risk = case.risk
        out.append({
            "sid": "0", "t": "c", "cat": c.category, "active": int(c.since <= as_of),
            "ssup": -1 if sup is None else int(sup.no_end or (sup.until is not None and as_of <= sup.until)),
            "dsup": -1 if not ends_known else int(any(
                d.supervision_open_ended or as_of <= d.supervision_end for d in ends_known)),
            "harm": tri(risk.may_cause_serious_harm), "multi": tri(risk.needs_multi_agency_management),
            "c1end": int(c.category == 1 and c.since <= as_of and _ended_since(case, as_of, c.since)),
        })
    return out


def _ended_since(case: Any, as_of: date, since: date) -> bool:
    """For a recorded Category 1: a period, a stated spell or the indefinite requirements ended after the category
    was recorded. The last days are calendar work, read from the hand-written contender's sources."""
    from .handwritten import notification_period

    answer = notification_period(case, as_of)
    ended = answer.dates.get("requirements_ended")
    return (ended is not None and since < ended <= as_of) or any(
        last is not None and since <= last < as_of for last in answer.value["last_days"])


def events(case: Any, as_of: date) -> list[dict[str, Any]]:
    """The case as flat events for the ruleset (the adapter's work is part of the contender's time)."""
    ends = _review_ends(case)
    out = _stated(case, as_of, ends)
    stated = case.stated.notification
    for d in case.disposals:
        n = _notification(case, d, as_of, ends)
        if stated is not None and as_of >= stated.since:  # the statement stands in for the disposals it covers
            first_day = n["cmino"] if n["cmino"] != -1 else n["relo"] if n["relo"] != -1 else n["trigo"]
            n["covered"] = int(stated.until is None or first_day == -1 or first_day <= stated.until.toordinal())
        out.append(n)
        out.extend(_offender(case, d, as_of))
    out.extend(_order(o, as_of) for o in case.orders)
    risk = case.risk
    has = any(d.relevant_date is not None and d.relevant_date <= as_of for d in case.disposals)
    out.append({"sid": "0", "t": "p", "has": int(has), "harm": tri(risk.may_cause_serious_harm),
                "multi": tri(risk.needs_multi_agency_management)})
    out.append({"sid": "0", "t": "q", "from2022": int(as_of >= PCSCA_2022), "has": int(has),
                "cta": tri(case.counter_terrorism.cta2008_notification), "trisk": tri(risk.terrorism_risk)})
    return out
