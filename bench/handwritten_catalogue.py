"""The hand-written contenders' reading of the offence catalogue (``rulesets/offences/*.yaml``, read as data):
each entry's dates, Part and conditions (hand-written predicates from :mod:`bench.handwritten_facts`), the s.132
limbs, Schedule 15's Part by the day the person was sentenced (CTBSA 2019 s.25(3)), and the general paragraphs on
inchoate and secondary liability (SOA 2003 Sch 3 paras 94, 94A; CJA 2003 Sch 15 paras 64, 153, 174)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

import yaml

from .handwritten_facts import CONDITIONS, OffenceFacts, Tri
from .mix import catalogue, offences_dir


class Entry:
    """One catalogue entry: in force from/to, Part (Schedule 15), verified or not, and its condition."""

    __slots__ = ("condition", "end", "other", "part", "sentencing", "start", "unverified")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.start, self.end = raw["in_force"]["from"], raw["in_force"].get("to")
        self.part = f"part_{raw['part']}" if raw.get("part") else None
        self.unverified = raw["status"] == "unverified"
        self.condition, self.sentencing = _predicate(raw.get("condition")), _predicate(raw.get("sentencing_condition"))
        # s.132: the limb of another description; an entry without a sentencing limb is all "other".
        self.other = self.condition if self.sentencing is None else _predicate(raw.get("other_condition"))

    def limb(self, f: OffenceFacts) -> Any:
        """"other" when a condition of another description lists the offence, "sentencing" when only the
        sentencing condition does, False when neither, None when unknown."""
        other = self.other_limb(f)
        if other:
            return "other"
        if other is None:
            return None
        sentencing = False if self.sentencing is None else self.sentencing(f)
        return "sentencing" if sentencing else sentencing


    def other_limb(self, f: OffenceFacts) -> Tri:
        """A condition of another description (no sentencing element) lists the offence."""
        if self.sentencing is not None and self.other is None:
            return False
        return True if self.other is None else self.other(f)


def _predicate(text: str | None) -> Callable[[OffenceFacts], Tri] | None:
    return None if text is None else CONDITIONS[text]


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
    if answer and entry is not None and not _liability_covered(d, schedule, entry.part, day):
        answer = False
    if schedule == "cja2003.sch15":
        answer = entry.part if answer and entry is not None else "not_listed"
    if flag is not None and flag != answer:
        warnings.add("offences.conflict")
    return answer


@cache
def _general_paragraphs() -> dict[str, date]:
    """The general paragraphs on inchoate and secondary liability, by number, with the day each came into force."""
    out: dict[str, date] = {}
    for path in sorted(offences_dir().glob("*.yaml")):
        for paragraph in yaml.safe_load(path.read_text(encoding="utf-8")).get("general_paragraphs", []):
            out[str(paragraph["paragraph"])] = paragraph["in_force"]["from"]
    return out


def _liability_covered(d: Any, schedule: str, part: str | None, day: date) -> bool:
    """An offence committed other than as principal is listed as the offence itself on the same conditions while
    the general paragraph is in force: SOA 2003 Sch 3 para 94 (para 94A for encouraging or assisting, SCA 2007
    Part 2); CJA 2003 Sch 15 paras 64, 153, 174 (by Part)."""
    liability = d.offence.liability
    if liability in (None, "principal"):
        return True
    if schedule == "soa2003.sch3":
        paragraph = "94A" if liability == "encouraging_or_assisting" else "94"
    else:
        paragraph = {"part_1": "64", "part_2": "153", "part_3": "174"}.get(part or "part_1", "64")
    start = _general_paragraphs().get(paragraph)
    return start is None or start <= day


@cache
def _sch15_variants() -> dict[str, list[tuple[Entry, date | None, date | None]]]:
    """The Schedule 15 entries that reach persons by the day they were sentenced (CTBSA 2019 s.25(3))."""
    out: dict[str, list[tuple[Entry, date | None, date | None]]] = {}
    for raw in catalogue()["cja2003.sch15"]:
        reach = raw.get("applies_to_sentenced")
        if reach:
            out.setdefault(raw["offence"], []).append((Entry(raw), reach.get("from"), reach.get("before")))
    return out


def schedule15_parts(case: Any, d: Any, day: date, warnings: set[str]) -> frozenset[str] | None:
    """The Parts of Schedule 15 that may list the offence on ``day`` for this person as sentenced (``not_listed``
    for none): more than one while the sentence date that decides between them is unknown; None if unknown."""
    variants = _sch15_variants().get(d.offence.offence_id or "")
    if not variants:
        answer = listed(case, d, "cja2003.sch15", d.offence.schedule15, day, warnings)
        return None if answer is None else frozenset({answer})
    sentenced, earliest = d.sentence_date, d.relevant_date
    if sentenced is not None:
        reach = [e for e, start, before in variants
                 if (start is None or start <= sentenced) and (before is None or sentenced < before)]
        parts = set() if reach else {"not_listed"}
    else:
        reach = [e for e, start, before in variants
                 if (before is None or earliest is None or earliest < before) and (start is None or start <= day)]
        spans = sorted((start or date.min, before or date.max) for _, start, before in variants)
        point, covered = earliest or date.min, False
        for start, before in spans:
            if start > point:
                break
            if before > day:
                covered = True
                break
            point = max(point, before)
        parts = set() if covered else {"not_listed"}
    for entry in reach:
        if not (entry.start <= day and (entry.end is None or day <= entry.end)):
            parts.add("not_listed")
            continue
        truth = True if entry.condition is None else entry.condition(OffenceFacts(case, d))
        if truth is None:
            flag = d.offence.schedule15
            return None if flag is None else frozenset({flag})
        parts.add(str(entry.part) if truth else "not_listed")
    current = entries()["cja2003.sch15"][d.offence.offence_id]
    if parts - {"not_listed"} and not _liability_covered(d, "cja2003.sch15", current.part, day):
        return frozenset({"not_listed"})
    return frozenset(parts)
