"""A seeded synthetic MAPPA caseload for benchmarks and property tests: JSON Lines records of the report's
caseload format (a case and its management history), in a realistic mix.

The proportions follow the published area reports (``/work/shared/mappa-reports.md``): mostly registered sexual
offenders at Level 1, a quarter as many violent offenders on licence, a few Category 3 cases at Level 2, a few per
cent managed at Level 2 or 3 in a year; sentences from cautions to life, custody spells and recalls, SHPOs (some
with a foreign travel prohibition) and the older SOPOs, notification orders, SROs (some breached), notification
breaches, review determinations and serious further offences; and about 2% of cases with a fact missing (date of
birth, release date, sentence date, level history), as real exports have. Sentences are passed on the day of
conviction and the sentence date is given, so the relevant date is known (SOA 2003 s.132). Each case is drawn
from its own generator seeded by (seed, index), so a caseload is the same however it is produced, and case ``i``
is the same in any size of caseload.

    python bench/caseload_gen.py --cases 200000 --seed 14 --out /tmp/caseload.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

AS_AT = date(2024, 3, 31)
"""The day the synthetic export was taken: nothing happens after it."""
SHPO_FROM = date(2015, 3, 8)
"""SHPOs replaced SOPOs on this day (ASBCPA 2014 s.113; SI 2015/373)."""
SOPO_FROM = date(2004, 5, 1)
"""SOPOs and notification orders began on this day (SOA 2003 ss.97-113)."""


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _months(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, min(start.day, 28))


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class _Case:
    """One synthetic person, built step by step."""

    def __init__(self, index: int, seed: int) -> None:
        self.rng = random.Random(f"{seed}:{index}")
        self.case: dict[str, Any] = {"case_id": f"C{index:07d}", "disposals": [], "intervals": [], "orders": []}
        self.history: dict[str, list[dict[str, Any]]] = {"levels": [], "notification_breaches": [],
                                                         "returns_to_custody": [], "serious_further_offences": []}
        self.higher: tuple[date, date] | None = None

    def person(self, convicted: date, youth: float) -> date:
        rng = self.rng
        age = rng.randint(14, 17) if rng.random() < youth else rng.randint(18, 75)
        born = date(convicted.year - age - 1, rng.randint(1, 12), rng.randint(1, 28))
        self.case["person"] = {"date_of_birth": None if rng.random() < 0.01 else born.isoformat()}
        return born

    def custody(self, convicted: date, months: int) -> tuple[date | None, date]:
        """Serve half the term in custody (a spell), then licence to the end of the term; None if still inside."""
        released = _months(convicted, max(1, months // 2))
        expiry = _months(convicted, months)
        if released > AS_AT:
            self.case["intervals"].append({"kind": "serving_sentence", "start": convicted.isoformat(), "end": None})
            return None, expiry
        self.case["intervals"].append({"kind": "serving_sentence", "start": convicted.isoformat(),
                                       "end": (released - timedelta(days=1)).isoformat()})
        return released, expiry

    def disposal(self, convicted: date, offence: dict[str, Any], sentence: dict[str, Any], released: date | None,
                 expiry: date | None, court: str = "england_wales") -> None:
        trigger = "caution" if sentence["kind"] == "caution" else "conviction"
        if self.rng.random() < 0.005 and released is not None:
            released = None  # an export that lost the release date
            self.case["intervals"] = []
        sentenced = None if trigger == "caution" or self.rng.random() < 0.005 else convicted  # or lost it
        self.case["disposals"].append({
            "id": f"d{len(self.case['disposals']) + 1}", "trigger": trigger, "relevant_date": convicted.isoformat(),
            "court": court, "offence": offence, "sentence": sentence, "sentence_date": _iso(sentenced),
            "release_date": _iso(released), "supervision_end": _iso(expiry)})

    def levels(self, start: date, end: date | None, higher: float, category3: bool = False) -> None:
        """Level 1 from ``start`` to ``end`` with, now and then, a spell at Level 2 or 3 (Category 3: only that)."""
        rng = self.rng
        if rng.random() < 0.005 or start > AS_AT:
            return  # no level history recorded
        last = min(end or AS_AT, AS_AT)
        if category3 or rng.random() < higher:
            level = 3 if rng.random() < 0.15 else 2
            up = start if category3 else _day(rng, start, last)
            down = min(_months(up, rng.randint(3, 24)), last)
            if up > start:
                self.history["levels"].append({"level": 1, "start": start.isoformat(),
                                               "end": (up - timedelta(days=1)).isoformat()})
            if up <= down:
                self.higher = (up, down)
                finished = down < last or (end is not None and end <= AS_AT)
                self.history["levels"].append({"level": level, "start": up.isoformat(),
                                               "end": down.isoformat() if finished else None})
                if not category3 and down < last:
                    self.history["levels"].append({"level": 1, "start": (down + timedelta(days=1)).isoformat(),
                                                   "end": _iso(end if end and end <= AS_AT else None)})
                if rng.random() < 0.03:
                    self.history["serious_further_offences"].append(
                        {"date": _day(rng, up, down).isoformat(), "stage": rng.choice(["charged", "convicted"])})
            return
        self.history["levels"].append({"level": 1, "start": start.isoformat(),
                                       "end": _iso(end if end and end <= AS_AT else None)})

    def recall(self, released: date, expiry: date, reason: str) -> None:
        """A return to custody while on licence: within the Level 2/3 spell if there is one, else any time."""
        rng = self.rng
        first, last = released + timedelta(days=1), min(expiry, AS_AT)
        if self.higher is not None and self.higher[0] <= last and self.higher[1] >= first:
            first, last = max(first, self.higher[0]), min(last, self.higher[1])
        if last <= first:
            return
        when = _day(rng, first, last)
        back = min(_months(when, rng.randint(1, 9)), AS_AT)
        self.history["returns_to_custody"].append({"date": when.isoformat(), "reason": reason})
        self.case["intervals"].append({"kind": "serving_sentence", "start": when.isoformat(),
                                       "end": None if back >= AS_AT else back.isoformat()})

    def record(self) -> dict[str, Any]:
        return {"case": self.case, "history": {k: v for k, v in self.history.items() if v}}


def _sexual(c: _Case) -> None:
    rng = c.rng
    convicted = _day(rng, date(2000, 1, 1), AS_AT)
    born = c.person(convicted, youth=0.06)
    roll = rng.random()
    offence = {"schedule3": True, "schedule15": "part_2"}
    released: date | None = convicted
    expiry: date | None = None
    if roll < 0.55:
        months = rng.choice([8, 12, 18, 24, 30, 36, 48, 60, 72, 96, 120])
        sentence: dict[str, Any] = {"kind": "imprisonment", "term": {"months": months}}
        released, expiry = c.custody(convicted, months)
        years: int | None = None if months >= 30 else 10
    elif roll < 0.65:
        sentence = {"kind": "imprisonment", "term": {"months": rng.choice([6, 12, 18, 24])}, "suspended": True}
        years = 10
    elif roll < 0.85:
        sentence, years = {"kind": "community_order"}, 5
    elif roll < 0.95:
        sentence, years = {"kind": "caution"}, 2
    else:
        sentence, years = {"kind": "conditional_discharge", "period": {"months": rng.choice([12, 24])}}, 1
    c.disposal(convicted, offence, sentence, released, expiry)
    period = None if years is None else 12 * years
    if period is not None and convicted.year - born.year < 18:
        period //= 2  # SOA 2003 s.82(2): half the period for those under 18
    ends = None if period is None else _months(convicted, period)
    _orders(c, convicted, released, ends)
    start = released or convicted
    c.levels(start - timedelta(days=rng.randint(0, 60)), None if c.case["orders"] else ends, higher=0.05)
    if released is not None and rng.random() < 0.03:
        last = min(ends or AS_AT, AS_AT)
        if last > released:
            when = _day(rng, released, last)
            offence_day = None if rng.random() < 0.3 else when - timedelta(days=rng.randint(1, 90))
            c.history["notification_breaches"].append({
                "date": when.isoformat(), "outcome": "caution" if rng.random() < 0.3 else "conviction",
                "offence_date": _iso(offence_day if offence_day and offence_day >= released else None)})
    if released is not None and expiry is not None and rng.random() < (0.4 if c.higher else 0.06):
        c.recall(released, expiry, "breach_of_licence")
    if years is None and released is not None and not c.case["orders"] and rng.random() < 0.3:
        _review(c, released)


def _orders(c: _Case, convicted: date, released: date | None, ends: date | None) -> None:
    rng = c.rng
    if convicted >= SOPO_FROM and rng.random() < 0.3:
        shpo = convicted >= SHPO_FROM
        terms: list[dict[str, Any]] = [{"id": "p1", "kind": "prohibition", "duration": "until_further_order"}
                                       if rng.random() < 0.5 else {"id": "p1", "kind": "prohibition",
                                                                   "duration": "fixed_period",
                                                                   "period": {"years": rng.choice([5, 7, 10])}}]
        if shpo and rng.random() < 0.07:
            terms.append({"id": "t1", "kind": "foreign_travel_prohibition", "duration": "fixed_period",
                          "period": {"years": rng.choice([2, 3, 5])}})
        c.case["orders"].append({"id": "o1", "kind": "shpo" if shpo else "sopo", "route": "conviction",
                                 "offence_listed": "schedule3", "conviction_date": convicted.isoformat(),
                                 "made": convicted.isoformat(), "served": convicted.isoformat(), "terms": terms})
        if released is not None and rng.random() < 0.03:
            last = min(ends or AS_AT, AS_AT)
            if last > released:
                when = _day(rng, released, last)
                c.history["returns_to_custody"].append({"date": when.isoformat(),
                                                        "reason": "breach_of_sexual_harm_order"})
    elif convicted >= SOPO_FROM and rng.random() < 0.01:
        made = min(convicted + timedelta(days=rng.randint(30, 400)), AS_AT)
        c.case["orders"].append({"id": "n1", "kind": "notification_order", "route": "application",
                                 "application_date": (made - timedelta(days=20)).isoformat(),
                                 "made": made.isoformat(), "served": made.isoformat()})


def _review(c: _Case, released: date) -> None:
    rng = c.rng
    qualifying = date(released.year + 15, released.month, min(released.day, 28))
    if qualifying >= AS_AT:
        return
    received = _day(rng, qualifying, AS_AT)
    decided = received + timedelta(days=rng.randint(40, 84))
    if decided > AS_AT:
        c.case["review"] = {"relevant_notification_date": released.isoformat(),
                            "subject_to_order_excluding_review": False,
                            "applications": [{"received": received.isoformat(), "determination": "pending"}]}
        return
    outcome = "discharged" if rng.random() < 0.6 else "refused"
    application: dict[str, Any] = {"received": received.isoformat(), "determination": outcome,
                                   "determination_date": decided.isoformat(),
                                   "notice_received": (decided + timedelta(days=3)).isoformat()}
    if outcome == "refused":
        application["further_period_years"] = 8
    c.case["review"] = {"relevant_notification_date": released.isoformat(),
                        "subject_to_order_excluding_review": False,
                        "applications": [application]}


def _violent(c: _Case) -> None:
    rng = c.rng
    convicted = _day(rng, date(2010, 1, 1), AS_AT)
    c.person(convicted, youth=0.05)
    roll = rng.random()
    offence: dict[str, Any] = {"schedule3": False, "schedule15": "part_1", "murder": False, "s327_4a": False}
    if roll < 0.03:
        offence["murder"] = True
        c.case["intervals"].append({"kind": "serving_sentence", "start": convicted.isoformat(), "end": None})
        c.disposal(convicted, offence, {"kind": "life"}, None, None)
        c.levels(convicted, None, higher=0.2)
        return
    if roll < 0.05:
        detained = rng.random() < 0.5
        discharged = None if detained else _months(convicted, rng.randint(12, 60))
        if discharged is not None and discharged > AS_AT:
            discharged = None
        c.case["intervals"].append({"kind": "hospital", "start": convicted.isoformat(),
                                    "end": _iso(discharged - timedelta(days=1) if discharged else None)})
        ends = _months(discharged, 60) if discharged else None
        c.disposal(convicted, offence, {"kind": "hospital_order", "restriction_order": True}, discharged, ends)
        if discharged:
            c.levels(discharged, ends, higher=0.2)
        return
    months = rng.choice([12, 18, 24, 30, 36, 48, 60, 84, 120])
    released, expiry = c.custody(convicted, months)
    c.disposal(convicted, offence, {"kind": "imprisonment", "term": {"months": months}}, released, expiry)
    c.levels((released or expiry) - timedelta(days=rng.randint(0, 120)), expiry, higher=0.06)
    if released is not None and rng.random() < (0.4 if c.higher else 0.1):
        c.recall(released, expiry, "breach_of_licence")


def _other(c: _Case) -> None:
    """Category 3: a conviction outside the categories, judged to pose a risk needing Level 2 or 3."""
    rng = c.rng
    convicted = _day(rng, date(2012, 1, 1), AS_AT)
    c.person(convicted, youth=0.02)
    c.disposal(convicted, {"schedule3": False, "schedule15": "not_listed", "murder": False, "s327_4a": False},
               {"kind": "community_order"}, None, None)
    c.case["risk"] = {"may_cause_serious_harm": True, "needs_multi_agency_management": rng.random() < 0.9}
    c.levels(convicted + timedelta(days=rng.randint(10, 200)), None, higher=1.0, category3=True)


def _sro(c: _Case) -> None:
    """A Sexual Risk Order on application (no sexual conviction), sometimes breached."""
    rng = c.rng
    convicted = _day(rng, date(2008, 1, 1), date(2020, 1, 1))
    c.person(convicted, youth=0.0)
    c.disposal(convicted, {"schedule3": False, "schedule15": "not_listed", "murder": False, "s327_4a": False},
               {"kind": "fine"}, None, None)
    made = _day(rng, SHPO_FROM, AS_AT - timedelta(days=30))
    order: dict[str, Any] = {"id": "s1", "kind": "sro", "route": "application",
                             "application_date": (made - timedelta(days=30)).isoformat(), "made": made.isoformat(),
                             "served": made.isoformat(), "already_subject": False,
                             "terms": [{"id": "p1", "kind": "prohibition", "duration": "fixed_period",
                                        "period": {"years": rng.choice([2, 3, 5])}}], "breached": False}
    if rng.random() < 0.5:
        order.update(breached=True, breach_date=_day(rng, made + timedelta(days=10), AS_AT).isoformat())
    c.case["orders"].append(order)


KINDS = ((_sexual, 0.59), (_violent, 0.34), (_other, 0.05), (_sro, 0.02))


def generate(cases: int, seed: int = 14) -> Iterator[dict[str, Any]]:
    """``cases`` synthetic caseload records, case ``i`` drawn from its own seed."""
    makers = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    for index in range(cases):
        c = _Case(index, seed)
        c.rng.choices(makers, weights)[0](c)
        yield c.record()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    try:
        for record in generate(args.cases, args.seed):
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
