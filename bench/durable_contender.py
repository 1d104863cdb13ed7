"""MAPPA categorisation on durable_rules 2.0.28 (the ``monitor`` extra): the contender for figure (c).

How it works, per case: the adapter (:mod:`bench.durable_events`) turns the validated ``Case`` into flat JSON
events and posts them in one batch. The durable_rules ruleset below decides each event (first match by priority,
unknown facts encoded as -1 or ``"unknown"``); each action records its verdict (True / False / None for
undetermined). Python then combines the verdicts three-valued (any disposal or order makes the person subject; an
empty record is never "not subject"; any current Category 2 disposal; Category 4 from 28 April 2022) and records
the lowest category, as the MAPPA guidance says (CJA 2003 ss.325-327 as amended by the Police, Crime, Sentencing
and Courts Act 2022).
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from .durable_events import PCSCA_2022, events
from .handwritten_facts import AND, OR
from .handwritten_period import CUSTODIAL
from .handwritten_trail import first

RULESET = "mappa_category_bench"
_IDS = itertools.count()
_VERDICTS: list[tuple[str, bool | None]] = []
_host: Any = None


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
        return (m.relo != -1) & (m.relo <= m.asofo) & ends

    def from_first(months: int) -> Any:
        """The period of ``months`` from the earliest possible relevant date includes the as-at date."""
        return (m.asofm < m.clm + months) | ((m.asofm == m.clm + months) & (m.asofd < m.cld))

    def before_last_end(months: int) -> Any:
        """The as-at date is not after the period of ``months`` from the latest possible relevant date."""
        return (m.asofm < m.chm + months) | ((m.asofm == m.chm + months) & (m.asofd < m.chd))

    def kind_in(*kinds: str) -> Any:
        expression = m.kind == kinds[0]
        for k in kinds[1:]:
            expression = expression | (m.kind == k)
        return expression

    n = m.t == "n"
    custodial = kind_in(*CUSTODIAL)
    fixed = {
        120: n & custodial & (m.mo > 6) & (m.mo < 30),
        84: n & ((custodial & (m.mo >= 0) & (m.mo <= 6)) | ((m.kind == "hospital_order") & (m.restr == 0))),
        24: n & (m.kind == "caution"),
        60: n & kind_in("community_order", "fine", "guardianship_order", "other", "absolute_discharge"),
    }
    indefinite = n & ((m.kind == "life") | ((m.kind == "ipp") & (m.ippok == 1))
                      | (custodial & ((m.mo >= 30) | (m.mofl >= 30))) | ((m.kind == "hospital_order") & (m.restr == 1)))
    cd = n & (m.kind == "conditional_discharge")
    cd_covers = (m.relo != -1) & (m.relo <= m.asofo) & (
        (m.cdam < m.cdendm) | ((m.cdam == m.cdendm) & (m.cdad < m.cdsd)))
    qualifying = (m.t == "v") & (m.court == 0) & (m.spec == 1) & (m.dealt == 1) & (
        ((m.trig == "conviction") & ((m.kind == "extended_sentence") | ((m.kind == "imprisonment") & (m.susp == 0))
                                     | (m.kind == "detention_and_training_order")) & (m.st >= 12))
        | ((m.trig == "conviction") & (m.indet == 1)) | kind_in("hospital_order", "guardianship_order"))
    long_or_unknown = (m.st >= 12) | (m.st == -1)
    possible2 = ((m.kind == "unknown") | kind_in("hospital_order", "guardianship_order")
                 | ((m.trig == "conviction") & (m.indet == 1))
                 | ((m.trig == "conviction") & custodial & long_or_unknown)
                 | ((m.kind == "imprisonment") & (m.susp == 1) & long_or_unknown))
    described = ((m.trig == "conviction") & (kind_in("life", "ipp") | (
        kind_in("imprisonment", "extended_sentence") & (m.susp == 0) & (m.st >= 12))
        | ((m.kind == "detention_and_training_order") & (m.st >= 12)))) \
        | kind_in("hospital_order", "guardianship_order")
    possible4 = described | (m.kind == "unknown") | (m.st == -1) | ((m.kind == "imprisonment") & (m.susp == 1)
                                                                   & (m.st >= 12))
    rules: list[tuple[int, Any, str, bool | None]] = [
        # Notification (SOA 2003 ss.80-82, 132): nothing before the conviction; not a relevant offender, or not
        # known to be one; a finding's period ended at a later trial (s.82(5)); indefinite (cut by a review,
        # s.91A(3)); fixed periods, halved under 18 (s.82(2)); a conditional discharge's from the order.
        (0, n & (((m.trigo != -1) & (m.trigo > m.asofo)) | (m.covered == 1)), "n", False),
        (1, n & ((m.sch3 == 0) | ((m.trig == "conviction") & (m.kind == "absolute_discharge"))
                 | ((m.pre97 == 1) & (m.trig == "caution")) | ((m.pre97 == 1) & (m.dw == 0))), "n", False),
        (2, n & ((m.sch3 == -1) | ((m.trig == "conviction") & (m.kind == "unknown")) | (m.pre97 == -1)
                 | ((m.pre97 == 1) & (m.dw == -1))), "n", None),
        (3, n & (m.trialo != -1) & (m.asofo > m.trialo), "n", False),
        (4, indefinite & (m.cut == 1) & (m.asofo >= m.endo), "n", False),
        (4, indefinite & (m.cut == 2) & (m.asofo > m.endo), "n", None),
        (5, indefinite & (m.relo != -1) & (m.relo <= m.asofo), "n", True),
        (5, indefinite & (m.relo == -1) & (m.cmaxo != -1) & (m.cmaxo <= m.asofo), "n", True),
        (6, indefinite & (m.relo != -1), "n", False),
        (6, indefinite, "n", None),
        (7, n & ((m.kind == "unknown") | (custodial & (m.mo == -1)) | ((m.kind == "ipp") & (m.ippok == 0))
                 | ((m.kind == "hospital_order") & (m.restr == -1))), "n", None),
        (8, cd & cd_covers, "n", True),
        (8, cd & (m.cdk == 0) & (m.relo != -1) & (m.relo <= m.asofo), "n", None),
    ]
    for months, row in fixed.items():
        rules.append((8, row & covers(months // 2), "n", True))  # whatever the age: the half is covered
        rules.append((8, row & (m.age >= 18) & covers(months), "n", True))
        rules.append((9, row & (m.age == -1) & covers(months), "n", None))
        # The relevant date one of several days: covered from the latest start to the earliest end, or not at all
        # after the latest end.
        some = row & (m.relo == -1) & (m.cmaxo != -1)
        started = some & (m.cmaxo <= m.asofo)
        rules.append((8, started & from_first(months // 2), "n", True))
        rules.append((8, started & (m.cage >= 18) & from_first(months), "n", True))
        rules.append((9, some & ((m.cage >= 18) | (m.cage == -1)) & before_last_end(months), "n", None))
        rules.append((9, some & (m.cage >= 0) & (m.cage < 18) & before_last_end(months // 2), "n", None))
        rules.append((9, row & (m.relo == -1) & (m.cmaxo == -1), "n", None))
    rules += [
        (10, n, "n", False),
        # Category 2 (CJA 2003 s.327(3)-(4), in the words in force on the date), while the licence or order runs;
        # a conviction, finding or sentence after the date does not count.
        (1, (m.t == "v") & ((m.trig == "caution") | (m.court == 1) | (m.dealt == 0) | (m.spec == 0)), "v", False),
        (3, (m.t == "v") & ((m.court == -1) | (m.spec == -1) | (m.dealt == -1)) & possible2, "v", None),
        (4, (m.t == "v") & ((m.court == -1) | (m.spec == -1) | (m.dealt == -1)), "v", False),
        (5, (m.t == "v") & (m.trig == "conviction") & custodial & (m.st == -1), "v", None),
        (6, qualifying & (m.sup == 1), "v", True),
        (6, qualifying & (m.sup == 0), "v", False),
        (7, qualifying, "v", None),
        (8, (m.t == "v") & ((m.kind == "unknown") | ((m.kind == "imprisonment") & (m.susp == 1) & (m.st >= 12))),
         "v", None),
        (9, m.t == "v", "v", False),
        # Category 4 by a disposal: a relevant terrorist offence with a sentence CTA 2008 s.45 describes (s.327(4D)).
        (1, (m.t == "t") & ((m.dealt == 0) | (m.rto == 0) | (m.outside == 1)), "t", False),
        (2, (m.t == "t") & (m.dealt == 1) & (m.rto == 1) & (m.outside == 0) & described, "t", True),
        (3, (m.t == "t") & possible4, "t", None),
        (9, m.t == "t", "t", False),
        # Civil orders that bring notification while they have effect; facts of an order that could not have been
        # made leave what it brings unknown.
        (1, (m.t == "o") & (m.unavailable == 1) & (m.inrange == 0), "o", False),
        (1, (m.t == "o") & (m.unavailable == 1), "o", None),
        (2, (m.t == "o") & ((m.kind == "foreign_travel_order") | (m.kind == "notification_order")
                            | (m.kind == "notification_notice") | ((m.breach == 1) & (m.breached == 0))), "o", False),
        (3, (m.t == "o") & (m.made == 0), "o", False),
        (3, (m.t == "o") & (((m.breach == 1) & (m.breached == -1)) | (m.started == -1)), "o", None),
        (4, (m.t == "o") & (m.started == 0), "o", False),
        (5, (m.t == "o") & (m.effect == 1), "o", True),
        (5, (m.t == "o") & (m.effect == 0), "o", False),
        (9, m.t == "o", "o", None),
        # A stated status ("registered since"): silent before it began; a fixed spell ends; a review may end an
        # indefinite one (s.91A(3)).
        (1, (m.t == "s") & (m.asofo < m.sinceo), "s", None),
        (2, (m.t == "s") & (m.fixed == 1) & (m.asofo > m.untilo), "s", False),
        (2, (m.t == "s") & (m.cut == 1) & (m.asofo >= m.endo), "s", False),
        (2, (m.t == "s") & (m.cut == 2) & (m.asofo > m.endo), "s", None),
        (9, m.t == "s", "s", True),
        # A recorded MAPPA category while what keeps the person in it lasts (MAPPA Guidance exit rules); for
        # Category 1, None: it holds unless the person is not subject now.
        (1, (m.t == "c") & (m.active == 0), "c", False),
        (2, (m.t == "c") & (m.cat == 3) & (m.harm != 0) & (m.multi != 0), "c", True),
        (2, (m.t == "c") & (m.cat == 2) & ((m.ssup == 1) | ((m.ssup == -1) & (m.dsup != 0))), "c", True),
        (2, (m.t == "c") & (m.cat == 1) & (m.c1end == 0), "c", True),
        (3, (m.t == "c") & (m.cat == 1), "c", None),
        (9, m.t == "c", "c", False),
        # Category 3: the Responsible Authority's two judgements, supplied as facts (an offence by the date).
        (2, (m.t == "p") & (m.has == 1) & (m.harm == 1) & (m.multi == 1), "p", True),
        (3, (m.t == "p") & ((m.harm == 0) | (m.multi == 0)), "p", False),
        (9, m.t == "p", "p", None),
        # Category 4 for the person (s.325(2)(aa), (c)), from 28 April 2022.
        (1, (m.t == "q") & (m.from2022 == 0), "q", False),
        (2, (m.t == "q") & ((m.cta == 1) | ((m.has == 1) & (m.trisk == 1))), "q", True),
        (3, (m.t == "q") & (m.cta == 0) & (m.trisk == 0), "q", False),
        (9, m.t == "q", "q", None),
    ]
    with ruleset(RULESET):
        for priority, condition, kind, verdict in rules:
            when_all(pri(priority), condition)(record(kind, verdict))
    return get_host()


def _any(verdicts: list[bool | None]) -> bool | None:
    """True if one is True, False if all are False (and there is one), else unknown."""
    if True in verdicts:
        return True
    return False if verdicts and all(v is False for v in verdicts) else None


def categorise(case: Any, as_of: date) -> int | str | None:
    """The MAPPA category (1 to 4), None when none applies, or ``"undetermined"``."""
    global _host
    if _host is None:
        _host = _define()
    _VERDICTS.clear()
    batch = events(case, as_of)
    for event in batch:
        event["id"] = next(_IDS)  # durable_rules drops a message identical to one it has seen
    _host.post_batch(RULESET, batch)
    by_kind: dict[str, list[bool | None]] = {"n": [], "v": [], "t": [], "o": [], "p": [], "q": [], "s": [], "c": []}
    for kind, verdict in _VERDICTS:
        by_kind[kind].append(verdict)
    cat1 = _any(by_kind["n"] + by_kind["o"] + by_kind["s"])
    if cat1 is False and not case.disposals and case.stated.notification is None:
        cat1 = None  # an empty record is never "not subject"
    recorded = case.stated.mappa_category
    if recorded is not None and (by_kind["c"][0] or (by_kind["c"][0] is None and cat1 is not False)):
        return int(recorded.category)
    cat2 = _any(by_kind["v"])
    cat3 = by_kind["p"][0]
    cat4 = by_kind["q"][0] if as_of < PCSCA_2022 else OR(by_kind["q"][0], _any(by_kind["t"]))
    category, _, ok = first([
        (cat1, 1, "one"), (cat2, 2, "two"), (cat3, 3, "three"), (cat4, 4, "four"),
        (AND(*(None if c is None else not c for c in (cat1, cat2, cat3, cat4))), 0, "none"),
    ])
    return "undetermined" if not ok or category is None else (category or None)


def available() -> bool:
    try:
        import durable.lang  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["available", "categorise", "events"]
