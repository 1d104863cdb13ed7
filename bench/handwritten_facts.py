"""Hand-written helpers for :mod:`bench.handwritten`: calendar arithmetic, sentence lengths and the offence catalogue.

The practical limit the library is measured against: plain Python over the validated ``Case``, written once for
the questions benchmarked, with the same readings as the rulesets (corresponding-date rule with the next-day
convention, halves in calendar months, three-valued facts where ``None`` is unknown). The catalogue's entries are
read from its YAML files (data); each distinct entry condition is a hand-written Python predicate below.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

from .mix import catalogue

PART2 = date(2004, 5, 1)
SOA1997 = date(1997, 9, 1)
SHPO_SRO = date(2015, 3, 8)
NOTICES = date(2022, 11, 29)
Tri = bool | None


def add_months(start: date, months: int) -> date:
    """The corresponding day ``months`` later (a missing day becomes the first of the next month)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    length = calendar.monthrange(year, month)[1]
    if start.day <= length:
        return date(year, month, start.day)
    return date(year, month, length) + timedelta(days=1)


def after(start: date, months: int, days: int) -> date:
    """The day a term of ``months`` and ``days`` beginning with ``start`` has run out (its day after the end)."""
    return add_months(start, months) + timedelta(days=days)


def age(born: date, on: date) -> int:
    years = on.year - born.year
    return years if add_months(born, 12 * years) <= on else years - 1


def span_months(start: date, end: date) -> float:
    """[start, end) in calendar months: whole when exact by the corresponding-date rule, else N + 0.5."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return float(months) if add_months(start, months) == end else months + 0.5


def term_md(term: Any) -> tuple[int, int]:
    """A pronounced term as (months, days); weeks count as 7 days."""
    return term.years * 12 + term.months, term.weeks * 7 + term.days


def halve_md(start: date, months: int, days: int) -> tuple[int, int]:
    if months % 2 == 0 and days == 0:
        return months // 2, 0
    return 0, ((after(start, months, days) - start).days + 1) // 2


def measure(anchor: date | None, months: int, days: int) -> float | None:
    if days == 0:
        return float(months)
    if anchor is None:
        return None
    return span_months(anchor, after(anchor, months, days))


def custodial_md(d: Any, for_notification: bool) -> tuple[int, int] | bool | None:
    """The custodial term of one disposal as (months, days); None if not custodial; False if unknown."""
    s = d.sentence
    if s is None:
        return False
    kind = s.kind
    if kind == "imprisonment":
        return term_md(s.term)
    if kind == "extended_sentence":
        cm, cd = term_md(s.custodial_term)
        em, ed = term_md(s.extension_period)
        return cm + em, cd + ed
    if kind == "detention_and_training_order":
        months, days = term_md(s.term)
        if not for_notification:
            return months, days
        anchor = d.sentence_date or d.relevant_date
        return False if anchor is None else halve_md(anchor, months, days)
    return None


def term_months(d: Any, for_notification: bool) -> float | None:
    """This disposal's own term in months (0.0 if not custodial), None if unknown."""
    md = custodial_md(d, for_notification)
    if md is False:
        return None
    if md is None or md is True:
        return 0.0
    return measure(d.sentence_date or d.relevant_date, md[0], md[1])


def kind_of(d: Any) -> str | None:
    if d.sentence is None:
        return "caution" if d.trigger == "caution" else None
    return str(d.sentence.kind)


def AND(*values: Tri) -> Tri:
    if False in values:
        return False
    return None if None in values else True


def OR(*values: Tri) -> Tri:
    if True in values:
        return True
    return None if None in values else False


def cmp(value: Any, op: str, limit: Any) -> Tri:
    if value is None:
        return None
    return bool(value < limit if op == "<" else value >= limit if op == ">=" else value > limit)


class OffenceFacts:
    """The facts the catalogue's conditions read, for one disposal, computed on first use."""

    __slots__ = ("_cache", "case", "d")

    def __init__(self, case: Any, d: Any) -> None:
        self.case, self.d = case, d
        self._cache: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        cache_ = self._cache
        if name not in cache_:
            cache_[name] = getattr(self, "_" + name)()
        return cache_[name]

    def _victim_age(self) -> Any:
        return self.d.offence.victim_age

    def _intended_victim_age(self) -> Any:
        return self.d.offence.intended_victim_age

    def _offender_age(self) -> Any:
        o = self.d.offence
        if o.offender_age is not None:
            return o.offender_age
        born = self.case.person.date_of_birth
        return None if born is None or o.offence_date is None else age(born, o.offence_date)

    def _imprisonment_months(self) -> Any:
        return 0.0 if self.d.trigger == "caution" else term_months(self.d, True)

    def _sentenced(self) -> Any:
        months, kind = self.imprisonment_months, kind_of(self.d)
        return None if months is None or kind is None else months > 0 or kind in ("life", "ipp")

    def _hospital(self) -> Any:
        kind = kind_of(self.d)
        return None if kind is None else kind == "hospital_order"

    def _restricted(self) -> Any:
        kind = kind_of(self.d)
        if kind != "hospital_order":
            return None if kind is None else False
        return self.d.sentence.restriction_order

    def _community(self) -> Any:
        kind = kind_of(self.d)
        if kind != "community_order":
            return None if kind is None else 0.0
        length = self.d.sentence.length
        if length is None:
            return None
        return measure(self.d.sentence_date or self.d.relevant_date, *term_md(length))

    def _before_part2(self) -> Any:
        relevant = self.d.relevant_date
        return None if relevant is None else relevant < PART2

    def _flag(self, name: str) -> Any:
        return getattr(self.d.offence, name)


def _young_custody_or_adult(extra: Callable[[OffenceFacts], Tri]) -> Callable[[OffenceFacts], Tri]:
    """(offender under 18 and 12 months' imprisonment) or (offender 18 or over and ``extra``)."""
    return lambda f: OR(AND(cmp(f.offender_age, "<", 18), cmp(f.imprisonment_months, ">=", 12)),
                        AND(cmp(f.offender_age, ">=", 18), extra(f)))


def _disposed(f: OffenceFacts, community: bool = True) -> Tri:
    return OR(f.sentenced, f.hospital, cmp(f.community, ">=", 12) if community else False)


def _not(value: Tri) -> Tri:
    return None if value is None else not value


def _flag(name: str) -> Callable[[OffenceFacts], Tri]:
    return lambda f: f.d.offence.__getattribute__(name)


CONDITIONS: dict[str, Callable[[OffenceFacts], Tri]] = {
    "offender_age >= 18 or imprisonment_months >= 12":
        lambda f: OR(cmp(f.offender_age, ">=", 18), cmp(f.imprisonment_months, ">=", 12)),
    "(offender_age < 18 and imprisonment_months >= 12) or (offender_age >= 18 and (victim_age < 18 or "
    "sentenced_to_imprisonment or detained_in_hospital or community_sentence_months >= 12))":
        _young_custody_or_adult(lambda f: OR(cmp(f.victim_age, "<", 18), _disposed(f))),
    "sentenced_to_imprisonment or detained_in_hospital or community_sentence_months >= 12": _disposed,
    "(offender_age < 18 and imprisonment_months >= 12) or (offender_age >= 18 and (sentenced_to_imprisonment or "
    "detained_in_hospital))": _young_custody_or_adult(lambda f: _disposed(f, community=False)),
    "(offender_age < 18 and imprisonment_months >= 12) or (offender_age >= 18 and (sentenced_to_imprisonment or "
    "detained_in_hospital or community_sentence_months >= 12))": _young_custody_or_adult(_disposed),
    "images_showed_person_under_16 and (conviction_before_part2_commencement or offender_age >= 18 or "
    "imprisonment_months >= 12)":
        lambda f: AND(f.d.offence.images_showed_person_under_16, OR(
            f.before_part2, cmp(f.offender_age, ">=", 18), cmp(f.imprisonment_months, ">=", 12))),
    "victim_age < 18": lambda f: cmp(f.victim_age, "<", 18),
    "victim_age < 18 or imprisonment_months >= 30 or admitted_to_hospital_with_restriction_order":
        lambda f: OR(cmp(f.victim_age, "<", 18), cmp(f.imprisonment_months, ">=", 30), f.restricted),
    "offender_age >= 20": lambda f: cmp(f.offender_age, ">=", 20),
    "offender_age >= 20 and victim_age < 18": lambda f: AND(cmp(f.offender_age, ">=", 20), cmp(f.victim_age, "<", 18)),
    "offender_age >= 18 and imprisonment_months >= 24":
        lambda f: AND(cmp(f.offender_age, ">=", 18), cmp(f.imprisonment_months, ">=", 24)),
    "not involves_murder": lambda f: _not(f.d.offence.involves_murder),
    "(offender_age < 18 and imprisonment_months >= 12) or (offender_age >= 18 and (intended_victim_age < 18 or "
    "sentenced_to_imprisonment or detained_in_hospital or community_sentence_months >= 12))":
        _young_custody_or_adult(lambda f: OR(cmp(f.intended_victim_age, "<", 18), _disposed(f))),
    "victim_age < 16 and (offender_age >= 18 or imprisonment_months >= 12)":
        lambda f: AND(cmp(f.victim_age, "<", 16), OR(cmp(f.offender_age, ">=", 18),
                                                     cmp(f.imprisonment_months, ">=", 12))),
    "sexual_exploitation_purpose": _flag("sexual_exploitation_purpose"),
    "purpose_sexual_gratification and ((offender_age < 18 and imprisonment_months >= 12) or (offender_age >= 18 "
    "and (victim_age < 18 or sentenced_to_imprisonment or detained_in_hospital or community_sentence_months >= "
    "12)))":
        lambda f: AND(f.d.offence.purpose_sexual_gratification, _young_custody_or_adult(
            lambda g: OR(cmp(g.victim_age, "<", 18), _disposed(g)))(f)),
    "not sexual_exploitation_purpose": lambda f: _not(f.d.offence.sexual_exploitation_purpose),
    "not charged_as_arson": lambda f: _not(f.d.offence.charged_as_arson),
    "charged_as_arson": _flag("charged_as_arson"),
    'burglary_intent == "rape"': lambda f: None if f.d.offence.burglary_intent is None else
        f.d.offence.burglary_intent == "rape",
    'burglary_intent == "inflict_gbh" or burglary_intent == "unlawful_damage"':
        lambda f: None if f.d.offence.burglary_intent is None else
        f.d.offence.burglary_intent in ("inflict_gbh", "unlawful_damage"),
    "imprisonment_months >= 12": lambda f: cmp(f.imprisonment_months, ">=", 12),
    "aggravated_vehicle_taking_caused_death": _flag("aggravated_vehicle_taking_caused_death"),
}


class Entry:
    """One catalogue entry: in force from/to, Part (Schedule 15), verified or not, and its condition."""

    __slots__ = ("condition", "end", "part", "start", "unverified")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.start, self.end = raw["in_force"]["from"], raw["in_force"].get("to")
        self.part = f"part_{raw['part']}" if raw.get("part") else None
        self.unverified = raw["status"] == "unverified"
        text = raw.get("condition")
        self.condition = None if text is None else CONDITIONS[text]


@cache
def entries() -> dict[str, dict[str, Entry]]:
    return {schedule: {e["offence"]: Entry(e) for e in listed} for schedule, listed in catalogue().items()}


def listed(case: Any, d: Any, schedule: str, flag: Any, day: date, warnings: set[str]) -> Any:
    """Listed in ``schedule`` on ``day`` with its conditions met: True / False / None (unknown); the flag where
    the catalogue does not know the id or leaves the answer open; for Schedule 15 the Part or ``not_listed``."""
    ident = d.offence.offence_id
    if ident is None:
        return flag
    book = entries()
    by_id = book[schedule]
    entry = by_id.get(ident)
    if entry is None and not any(ident in other for other in book.values()):
        warnings.add("offences.unknown_id")
        return flag
    if entry is None or not (entry.start <= day and (entry.end is None or day <= entry.end)):
        answer: Any = False
    else:
        if entry.unverified:
            warnings.add(f"offences.{schedule}.{ident}")
        answer = True if entry.condition is None else entry.condition(OffenceFacts(case, d))
        if answer is None:
            return flag
    if schedule == "cja2003.sch15":
        answer = entry.part if answer and entry is not None else "not_listed"
    if flag is not None and flag != answer:
        warnings.add("offences.conflict")
    return answer
