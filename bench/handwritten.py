"""A hand-written answer to "MAPPA category + notification period" over a validated ``Case``: the practical limit.

Plain Python, written once for these two questions, with a cheap trail: the rule ids that decided (with the
disposal or order they concern), the paths of missing facts and the warning codes. It follows the same readings
as the rulesets (SOA 2003 ss.80-82, 91A-91E, 131-132; CJA 2003 ss.325-327; the civil orders that bring
notification) and is checked against the library's answers on the mix (``bench_all.py`` prints the agreement
rate). It is a benchmark contender, not a second implementation of the law: nothing in the library uses it.

Each thing that makes the person subject - a disposal, a civil order, a stated status - is a *source* with the days
it covers (known exactly, or only between two days); a review or appeal that ends the indefinite requirements cuts
the indefinite sources; the source that keeps the person subject longest controls (the record's before an order's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .handwritten_facts import NOTICES, PART2, SHPO_SRO, after, term_md
from .handwritten_mappa import mappa_category
from .handwritten_period import disposal_period
from .handwritten_trail import Answer, Trail, Tri, first

SCHEME = date(2012, 7, 30)  # notification.review.scheme_commencement
__all__ = ["Answer", "Trail", "assess", "notification_period"]


@dataclass(frozen=True, slots=True)
class Source:
    """Days a source makes the person subject: first day between ``first``, last day between ``last`` (None: no
    limit known); ``open_ended`` None while unknown; ``certain`` False while it may not make the person subject."""

    kind: str
    ref: str
    first: tuple[date | None, date | None]
    last: tuple[date | None, date | None]
    open_ended: Tri
    indefinite: Tri
    certain: bool = True
    relevant: date | None = None
    period: dict[str, Any] | None = None
    silent_before: bool = False

    @property
    def decided(self) -> bool:
        lo, hi = self.first
        return self.certain and lo is not None and lo == hi and (
            self.open_ended is True or (self.last[0] is not None and self.last[0] == self.last[1]))

    def on(self, day: date) -> Tri:
        (f_lo, f_hi), (l_lo, l_hi) = self.first, self.last
        if f_lo is not None and day < f_lo:
            return None if self.silent_before else False
        if l_hi is not None and day > l_hi and self.open_ended is not True:
            return False
        if not self.certain:
            return None
        if f_hi is not None and f_hi <= day and (self.open_ended is True or (l_lo is not None and day <= l_lo)):
            return True
        return None

    def ends_after(self) -> date:
        return date.max if self.open_ended is not False or self.last[1] is None else self.last[1]


def _disposal_source(p: dict[str, Any]) -> Source | None:
    if p["subject"] is False:
        return None
    d = p["d"]
    cands = p["cands"] or ((p["relevant"],) if p["relevant"] is not None else ())
    common: dict[str, Any] = {"kind": "disposal", "ref": d.id, "relevant": p["relevant"], "period": p,
                              "first": (min(cands), max(cands)) if cands else (d.relevant_date, None)}
    if p["subject"] is None:
        return Source(last=(None, None), open_ended=None, indefinite=None, certain=False, **common)
    if p["trial"] is not None:
        return Source(last=(p["trial"], p["trial"]), open_ended=False, indefinite=False, **common)
    if p["indefinite"]:
        return Source(last=(None, None), open_ended=True, indefinite=True, **common)
    if p["last_day"] is not None:
        return Source(last=(p["last_day"], p["last_day"]), open_ended=False, indefinite=p["indefinite"], **common)
    if p["ends"]:
        return Source(last=(min(p["ends"]), max(p["ends"])), open_ended=False, indefinite=False, **common)
    return Source(last=(p["at_least"], None), open_ended=None if p["indefinite"] is None else False,
                  indefinite=p["indefinite"], **common)


def _stated_source(case: Any) -> Source | None:
    s = case.stated.notification
    if s is None:
        return None
    return Source("stated", "stated.notification", (s.since, s.since), (s.until, s.until), s.until is None,
                  bool(s.indefinite), relevant=s.relevant_date, silent_before=True)


def _ends(case: Any) -> list[tuple[date | None, date]]:
    """Each review application that ended (or may have ended) the indefinite requirements (ss.91C(4), 91E(4)):
    (the first day not subject if known, the earliest it can be)."""
    out: list[tuple[date | None, date]] = []
    for a in case.review.applications:
        appeal = a.appeal
        allowed: Tri = False if appeal is None else None if appeal.outcome is None else appeal.outcome == "allowed"
        determination = a.determination
        verdict, rule, ok = first([
            (allowed, "appeal", "on_appeal_order"),
            (None if determination is None else determination == "discharged", "notice", "on_notice"),
            (None if determination is None or allowed is None else
             determination in ("refused", "pending") and not allowed, None, "not_ended"),
        ])
        if ok and verdict is None and rule is not None:
            continue
        if not ok or rule is None:
            out.append((None, max(SCHEME, a.received or SCHEME)))
            continue
        day = appeal.order_date if verdict == "appeal" else a.notice_received
        steps = [a.determination_date, a.received] + ([appeal.lodged if appeal else None, a.notice_received]
                                                      if verdict == "appeal" else [])
        out.append((day, day if day is not None else max([SCHEME, *(x for x in steps if x is not None)])))
    return sorted(out, key=lambda e: e[1])


def _cut(source: Source, end: tuple[date | None, date]) -> Source:
    """s.91A(3): an indefinite source that began before the end stops the day before it."""
    if source.indefinite is not True or source.open_ended is False or not source.certain:
        return source
    day, earliest = end
    began = source.first[0]
    if began is not None and day is not None and began >= day:
        return source
    if day is not None and source.first[1] is not None and source.first[1] < day:
        last = day - timedelta(days=1)
        lower = last if source.open_ended is True else min(source.last[0] or last, last)
        return replace(source, last=(lower, last), open_ended=False)
    lower = (earliest if began is None else max(earliest, began)) - timedelta(days=1)
    if source.last[0] is not None:
        lower = min(lower, source.last[0])
    return replace(source, last=(lower, None), open_ended=None)


def _unavailable(order: Any) -> bool:
    """Facts that describe an order that could not have been made (its kind, route or dates)."""
    kind, made, route, app = order.kind, order.made, order.route, order.application_date
    other_route = route is not None and route != "application"
    if kind in ("shpo", "interim_shpo", "sro", "interim_sro"):
        return made < SHPO_SRO or (kind != "shpo" and other_route) or (
            kind == "shpo" and route in ("conviction", "finding") and order.offence_listed == "not_listed")
    notification_order = kind in ("notification_order", "interim_notification_order")
    return made < PART2 or (kind in ("foreign_travel_order", "rsho", "interim_rsho", "interim_sopo")
                            and other_route) or (notification_order and other_route) or (
        kind == "notification_notice" and made < NOTICES) or (
        notification_order and made >= NOTICES and app is not None and app >= NOTICES) or (
        not notification_order and kind != "notification_notice" and made >= SHPO_SRO
        and (other_route or (app is not None and app >= SHPO_SRO)))


def _term_last(order: Any, term: Any) -> date | bool | None:
    """A term's last day; None until further order; False if unknown."""
    duration = term.duration or ("fixed_period" if term.period is not None else None)
    if duration == "until_further_order":
        return None
    begins = term.takes_effect or (None if term.kind == "foreign_travel_prohibition" else order.made)
    if duration is None or term.period is None or begins is None:
        return False
    return after(begins, *term_md(term.period)) - timedelta(days=1)


def _order_source(order: Any, as_of: date, trail: Trail) -> Source | None:
    """A civil order that brings notification, from the making (or the breach conviction) while it has effect."""
    kind, made = order.kind, order.made
    if made is None:
        return None
    if _unavailable(order):
        trail.missing.append(f"orders[{order.id}]")
        return Source("order", order.id, (made, None), (None, order.ceased_on), None, False, certain=False)
    full = {"shpo": True, "interim_shpo": True, "sopo": True, "interim_sopo": True,
            "interim_notification_order": True}.get(kind, order.breached if kind in (
                "sro", "interim_sro", "rsho", "interim_rsho") else False)
    if full is False:
        return None
    if full is None:
        trail.missing.append(f"orders[{order.id}].breached")
        return Source("order", order.id, (made, None), (None, order.ceased_on), None, False, certain=False)
    start = order.breach_date if kind in ("sro", "interim_sro", "rsho", "interim_rsho") else made
    trail.reasons.append(("orders.notification." + kind, order.id))
    ends = [_term_last(order, t) for t in order.terms]
    known = [e for e in ends if e is not False]
    ceased = order.ceased_on
    last: date | bool | None
    if not order.terms:
        last = ceased if ceased is not None else False
    elif ceased is not None and any(e is None or (isinstance(e, date) and e >= ceased) for e in known):
        last = ceased
    elif None in known:
        last = None
    elif False in ends:
        last = False
    else:
        latest = max(e for e in known if isinstance(e, date))
        last = latest if ceased is None else min(latest, ceased)
    first_day = (start, start) if start is not None else (made, None)
    if last is None:
        return Source("order", order.id, first_day, (None, None), True, False)
    if isinstance(last, date):
        return Source("order", order.id, first_day, (last, last), False, False)
    on = None if start is None else False if as_of < start else _in_effect(order, as_of, ends)
    upper = ceased
    if on is False and start is not None and start <= as_of:
        upper = as_of - timedelta(days=1) if upper is None else min(upper, as_of - timedelta(days=1))
    return Source("order", order.id, first_day, (as_of if on else None, upper), None, False)


def _in_effect(order: Any, day: date, ends: list[Any]) -> Tri:
    if day < order.made or (order.ceased_on is not None and day > order.ceased_on):
        return False
    if not order.terms:
        return True if order.ceased_on is not None else None
    if any(e is None or (isinstance(e, date) and day <= e) for e in ends):
        return True
    return None if False in ends else False


def _any_on(states: list[Tri], has_record: bool) -> Tri:
    if True in states:
        return True
    if not has_record:
        return None
    return False if all(s is False for s in states) else None


def notification_period(case: Any, as_of: date) -> Answer:
    trail = Trail()
    periods = [disposal_period(case, d, as_of, trail) for d in case.disposals]
    recorded = [s for s in map(_disposal_source, periods) if s is not None]
    stated = _stated_source(case)
    if stated is not None:
        recorded.append(stated)
        trail.reasons.append(("stated.notification", None))
    cutting: list[tuple[date | None, date]] = []
    for end in _ends(case):
        cut = [_cut(s, end) for s in recorded]
        if cut != recorded:
            cutting.append(end)
        recorded = cut
    orders = [s for s in (_order_source(o, as_of, trail) for o in case.orders) if s is not None]
    sources = recorded + orders
    has_record = bool(case.disposals) or stated is not None
    if stated is not None and stated.first[0] is not None and as_of >= stated.first[0]:
        spell_end = None if stated.open_ended else stated.last[1]
        sources = [s for s in sources if s.kind != "disposal" or (
            spell_end is not None and s.first[0] is not None and s.first[0] > spell_end)]
    on = _any_on([s.on(as_of) for s in sources], has_record)
    subject = [p for p in periods if p["subject"]]
    undecided = any(not _decided(p) for p in periods)
    exact = [s.last[0] for s in sources if s.open_ended is False and s.last[0] == s.last[1]]
    value: dict[str, Any] = {"subject": bool(subject) or (None if undecided else False), "subject_on_as_of": on,
                             "last_days": exact}
    dates: dict[str, date] = {}
    if cutting and cutting[0][0] is not None:  # the end of the indefinite requirements on review (s.91A(3))
        dates["requirements_ended"] = cutting[0][0]
    certain = [s for s in sources if s.certain]
    preferred = [s for s in certain if s.kind != "order"] or certain
    controlling = max(preferred, key=lambda s: (s.ends_after(), s.indefinite is True, s.kind == "stated"),
                      default=None)
    uncertain = any(not s.decided for s in sources)
    if controlling is None or uncertain or (not has_record and on is not True):
        value.update(indefinite=None)
        if not has_record:
            trail.missing.append("disposals")
        outcome = "no" if controlling is None and not uncertain and has_record else "undetermined"
        return Answer(outcome, value, dates, trail)
    value["indefinite"] = controlling.indefinite
    if controlling.relevant is not None:
        dates["relevant_date"] = controlling.relevant
    if controlling.kind == "disposal":
        value["controlling_disposal"] = controlling.ref
        p = controlling.period
        assert p is not None
        value["indefinite"] = p["indefinite"]
        if p["last_day"] is not None:
            dates["period_last_day"] = p["last_day"]
    elif controlling.kind == "stated" and controlling.last[0] is not None and \
            controlling.last[0] == controlling.last[1]:
        dates["period_last_day"] = controlling.last[0]
    return Answer("yes", value, dates, trail)


def _decided(p: dict[str, Any]) -> bool:
    return p["subject"] is False or (p["relevant"] is not None and (
        p["indefinite"] is True or p["last_day"] is not None))


def assess(case: Any, as_of: date) -> dict[str, Answer]:
    """Both questions, the notification period worked out once (as the library's ``assess`` does)."""
    period = notification_period(case, as_of)
    return {"notification-period": period, "category": mappa_category(case, as_of, period)}
