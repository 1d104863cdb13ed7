"""The offence catalogue: Schedule 3 (SOA 2003) and Schedule 15 (CJA 2003), entry by entry, as data.

``rulesets/offences/*.yaml`` list each offence with a stable id (e.g. ``soa2003.s3``), its enactment and section,
the schedule paragraph, the entry's conditions as a condition over the disposal vocabulary (the victim's age,
the offender's age, the sentence), its in-force dates and verification status. A condition is compiled at load
time against the same vocabulary as the rules, so an entry that names an unknown fact fails to load.

:func:`listing_answer` says whether an offence is listed *with its conditions met* for one disposal: True,
False, or unknown with the facts that would decide it, and the reason, citing the paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import ValidationError

from ..decision import Citation, Reason, Status, make_reason
from ..engine import RuleBook, RulesetError
from ..engine.conditions import UNKNOWN, Compiled, ConditionError, compile_condition
from ..engine.evaluator import Gap, Scope
from .names import OFFENCES, SCHEDULE_3, SCHEDULE_15
from .spec import CatalogueSpec, EntrySpec, GeneralParagraph, SentencedRange

_INSTRUMENTS = {SCHEDULE_3: ("Sexual Offences Act 2003", "Sch 3"), SCHEDULE_15: ("Criminal Justice Act 2003", "Sch 15")}


SENTENCING_FACTS = frozenset({
    "imprisonment_months", "sentenced_to_imprisonment", "detained_in_hospital", "community_sentence_months",
    "admitted_to_hospital_with_restriction_order",
})
"""The facts of how the offender was dealt with: a condition that reads one is a sentencing condition (s.132(1))."""

Limb = Literal["other", "sentencing"]


@dataclass(frozen=True, slots=True)
class Listing:
    """One offence as one schedule lists it, ready to be evaluated.

    ``condition`` is the whole test; where it has a sentencing element (SOA 2003 s.132(1)) it is split into the
    limb of another description (``other``: None with ``has_other`` False when there is none) and the sentencing
    limb (``sentencing``), so that the limb that lists the offence can be told.
    """

    schedule: str
    entry: EntrySpec
    condition: Compiled | None
    citation: Citation
    other: Compiled | None = None
    has_other: bool = True
    sentencing: Compiled | None = None

    @property
    def part(self) -> str | None:
        return None if self.entry.part is None else f"part_{self.entry.part}"


@dataclass(frozen=True)
class OffenceCatalogue:
    """Every listed offence by schedule and id, with the files' general paragraphs.

    ``listings`` holds one entry per id: the one that reaches persons sentenced today. ``variants`` holds every
    entry of an id, where a schedule lists it differently for persons sentenced at different times (Schedule 15's
    terrorism offences: Part 1 for persons sentenced before 12 April 2019, Part 3 from then, CTBSA 2019 s.25(3)).
    """

    listings: Mapping[str, Mapping[str, Listing]]
    specs: Mapping[str, CatalogueSpec]
    variants: Mapping[str, Mapping[str, tuple[Listing, ...]]] = field(default_factory=dict)

    def find(self, offence_id: str) -> list[Listing]:
        return [listing for by_id in self.variants.values() for listing in by_id.get(offence_id, ())]

    def known(self, offence_id: str) -> bool:
        return any(offence_id in by_id for by_id in self.listings.values())

    def search(self, text: str) -> list[Listing]:
        words = text.lower().split()
        found = []
        for by_id in self.variants.values():
            for listing in (listing for group in by_id.values() for listing in group):
                e = listing.entry
                haystack = f"{e.offence} {e.title} {e.enactment} s.{e.section} para {e.paragraph}".lower()
                if all(w in haystack for w in words):
                    found.append(listing)
        return found


def offence_catalogue(book: RuleBook) -> OffenceCatalogue:
    """The rule book's offence catalogue (compiled on first use)."""
    catalogue = book.catalogue(OFFENCES)
    assert isinstance(catalogue, OffenceCatalogue)
    return catalogue


def build_catalogue(raw: Mapping[str, Any], is_known_name: Callable[[str], bool]) -> OffenceCatalogue:
    """Validate and compile the catalogue files (``raw``: file name -> parsed YAML). Raises RulesetError."""
    variants: dict[str, dict[str, tuple[Listing, ...]]] = {}
    specs: dict[str, CatalogueSpec] = {}
    for name, data in raw.items():
        try:
            spec = CatalogueSpec.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise RulesetError(OFFENCES, f"{name}: " + ".".join(str(p) for p in err["loc"]), err["msg"]) from None
        instrument, schedule = _INSTRUMENTS[spec.schedule]
        by_id = variants.setdefault(spec.schedule, {})
        specs[spec.schedule] = spec
        for entry in spec.entries:
            _check_twice(spec.schedule, entry, by_id.get(entry.offence, ()))
            if spec.schedule == SCHEDULE_15 and entry.part is None:
                raise RulesetError(OFFENCES, entry.offence, "a Schedule 15 entry needs its part")
            try:
                condition = None if entry.condition is None else compile_condition(entry.condition, is_known_name)
            except ConditionError as exc:
                raise RulesetError(OFFENCES, entry.offence, str(exc)) from None
            part = f" (Part {entry.part})" if entry.part else ""
            provision = f"{schedule} para {entry.paragraph}{part}"
            citation = Citation(instrument=instrument, provision=provision, url=entry.url)
            listing = _limbs(Listing(spec.schedule, entry, condition, citation), is_known_name)
            by_id[entry.offence] = (*by_id.get(entry.offence, ()), listing)
    listings = {name: {ident: _current(group) for ident, group in by_id.items()} for name, by_id in variants.items()}
    return OffenceCatalogue(listings, specs, variants)


def _check_twice(schedule: str, entry: EntrySpec, earlier: tuple[Listing, ...]) -> None:
    """An id may be listed twice in a schedule only for persons sentenced in days that do not overlap."""
    for other in earlier:
        mine, theirs = entry.applies_to_sentenced, other.entry.applies_to_sentenced
        if mine is None or theirs is None or not _disjoint(mine, theirs):
            raise RulesetError(OFFENCES, entry.offence, f"offence id listed twice in {schedule} for the same persons")


def _disjoint(a: SentencedRange, b: SentencedRange) -> bool:
    return (a.before is not None and b.start is not None and a.before <= b.start) or (
        b.before is not None and a.start is not None and b.before <= a.start)


def _current(group: tuple[Listing, ...]) -> Listing:
    """The entry that reaches persons sentenced today (no end to its range), else the last one listed."""
    return next((g for g in group if g.entry.applies_to_sentenced is None
                 or g.entry.applies_to_sentenced.before is None), group[-1])


def _limbs(listing: Listing, is_known_name: Callable[[str], bool]) -> Listing:
    """The listing with its limbs compiled: a sentencing fact may appear only in the sentencing limb."""
    entry = listing.entry
    if entry.sentencing_condition is None:
        if entry.other_condition is not None:
            raise RulesetError(OFFENCES, entry.offence, "other_condition is given without sentencing_condition")
        if listing.condition is not None and listing.condition.names & SENTENCING_FACTS:
            raise RulesetError(OFFENCES, entry.offence, "a condition that reads a sentencing fact must be split into "
                               "other_condition and sentencing_condition (s.132)")
        return Listing(listing.schedule, entry, listing.condition, listing.citation, listing.condition, True, None)
    try:
        other = None if entry.other_condition is None else compile_condition(entry.other_condition, is_known_name)
        sentencing = compile_condition(entry.sentencing_condition, is_known_name)
    except ConditionError as exc:
        raise RulesetError(OFFENCES, entry.offence, str(exc)) from None
    if other is not None and other.names & SENTENCING_FACTS:
        found = ", ".join(sorted(other.names & SENTENCING_FACTS))
        raise RulesetError(OFFENCES, entry.offence, f"other_condition reads a sentencing fact ({found})")
    return Listing(listing.schedule, entry, listing.condition, listing.citation, other, other is not None,
                   sentencing)


def listing_limb(scope: Scope, schedule: str, offence_id: str) -> Limb | bool | Gap:
    """Which limb of the entry lists ``offence_id`` for the scope's disposal (SOA 2003 s.132(1)-(2)): ``"other"``
    when a condition of another description is met (whether or not the sentencing one is too), ``"sentencing"``
    when only the sentencing condition is, False when neither is, or a gap naming the facts that would tell.
    The catalogue's entry is assumed to be in force (see :func:`listing_answer`)."""
    listing = offence_catalogue(scope.book).listings.get(schedule, {}).get(offence_id)
    if listing is None:
        return False
    other = _truth(scope, listing.other) if listing.has_other else False
    if other is True:
        return "other"
    sentencing = _truth(scope, listing.sentencing) if listing.sentencing is not None else False
    if other is False:
        return "sentencing" if sentencing is True else sentencing
    return other  # the other limb is unknown: which limb lists the offence (if any) is unknown


def other_limb(scope: Scope, schedule: str, offence_id: str) -> bool | Gap:
    """Whether a condition of another description (no sentencing element) lists the offence; True for an entry
    with no condition at all, False for one listed only by its sentencing condition."""
    listing = offence_catalogue(scope.book).listings.get(schedule, {}).get(offence_id)
    if listing is None or not listing.has_other:
        return False
    return _truth(scope, listing.other)


def _truth(scope: Scope, condition: Compiled | None) -> bool | Gap:
    if condition is None:
        return True
    truth = condition.evaluate(scope)
    if truth is UNKNOWN:
        return Gap(scope.gaps_of(condition.ordered_names))
    return bool(truth)


LIABILITY = {
    "attempt": ("(a)", "an attempt to commit"), "conspiracy": ("(a)", "a conspiracy to commit"),
    "incitement": ("(a)", "incitement to commit"),
    "aiding_abetting_counselling_procuring": ("(b)", "aiding, abetting, counselling or procuring"),
}
"""How a person may be liable for a listed offence other than as principal, with the limb of the general paragraph
that lists it (SOA 2003 Sch 3 para 94; CJA 2003 Sch 15 paras 64, 153, 174)."""
ENCOURAGING = "encouraging_or_assisting"


def liability_reason(scope: Scope, schedule: str, offence_id: str, liability: str, day: date,
                     subject: str | None = None) -> tuple[bool, Reason | None]:
    """Whether the general paragraph on inchoate and secondary liability lists an offence committed other than as
    principal (``liability``) as the offence itself, and the reason citing it. The listing is the substantive
    paragraph's, on the same conditions; encouraging or assisting (SCA 2007 Part 2) is listed only from the day its
    paragraph came into force."""
    catalogue = offence_catalogue(scope.book)
    listing = catalogue.listings.get(schedule, {}).get(offence_id)
    paragraph = liability_paragraph(scope.book, schedule, offence_id, liability)
    if listing is None or paragraph is None:
        return True, None
    instrument, sched = _INSTRUMENTS[schedule]
    limb, words = LIABILITY.get(liability, ("", "encouraging or assisting (SCA 2007 Part 2) in relation to"))
    citation = Citation(instrument=instrument, provision=f"{sched} para {paragraph.paragraph}{limb}", url=paragraph.url)
    rule_id = f"offences.{schedule}.para_{paragraph.paragraph.lower()}"
    facts: dict[str, Any] = {"offence": offence_id, "title": listing.entry.title, "liability": liability,
                             "paragraph": listing.entry.paragraph, "general_paragraph": paragraph.paragraph}
    if not paragraph.in_force.covers(day):
        facts["day"] = day
        return False, make_reason(
            rule_id, paragraph.title, citation, paragraph.status,
            f"Para {paragraph.paragraph}, which lists {words} {{title}} ({{offence}}) as the offence itself, was "
            "not in force on {day}.", facts, subject)
    return True, make_reason(
        rule_id, paragraph.title, citation, paragraph.status,
        f"{words[0].upper()}{words[1:]} {{title}} ({{offence}}) is listed as the offence itself: {sched} para "
        f"{paragraph.paragraph}{limb} reads the reference to the offence in para {{paragraph}} as including it, on "
        "the same conditions.", facts, subject)


def liability_paragraph(book: RuleBook, schedule: str, offence_id: str,
                        liability: str | None) -> GeneralParagraph | None:
    """The general paragraph that lists ``offence_id`` committed other than as principal (``liability``), or None
    when none applies (liability as principal, an offence the schedule does not list)."""
    catalogue = offence_catalogue(book)
    listing = catalogue.listings.get(schedule, {}).get(offence_id)
    if listing is None or liability not in (*LIABILITY, ENCOURAGING):
        return None
    wanted = _general_paragraph(schedule, listing.entry.part, liability)
    return next((g for g in catalogue.specs[schedule].general_paragraphs if g.paragraph == wanted), None)


def _general_paragraph(schedule: str, part: int | None, liability: str) -> str:
    if schedule == SCHEDULE_3:
        return "94A" if liability == ENCOURAGING else "94"
    return {1: "64", 2: "153", 3: "174"}.get(part or 1, "64")


def listing_answer(
    scope: Scope, schedule: str, offence_id: str, day: date, subject: str | None = None,
    listing: Listing | None = None,
) -> tuple[Any, Reason | None]:
    """Is ``offence_id`` listed in ``schedule`` on ``day`` with its conditions met, for the scope's disposal?

    ``listing`` names one of the id's entries (see :attr:`OffenceCatalogue.variants`); by default the current one.
    Returns (True | False | Gap, the reason citing the paragraph or None when the catalogue is silent).
    """
    catalogue = offence_catalogue(scope.book)
    if listing is None:
        listing = catalogue.listings.get(schedule, {}).get(offence_id)
    instrument, sched = _INSTRUMENTS[schedule]
    if listing is None:
        reason = make_reason(
            f"offences.{schedule}.not_listed", f"Not listed in {sched}",
            Citation(instrument=instrument, provision=sched, url=catalogue.specs[schedule].url),
            Status.DERIVED, "Offence {offence} is not listed in " + f"{sched} of the {instrument}.",
            {"offence": offence_id}, subject)
        return False, reason
    entry = listing.entry
    facts: dict[str, Any] = {"offence": offence_id, "title": entry.title, "paragraph": entry.paragraph}
    rule_id = f"offences.{schedule}.{offence_id}"
    head = f"{entry.title} ({offence_id}) is listed in {sched} para {entry.paragraph}"
    if entry.applies_to_sentenced is not None:
        head += f" for {entry.applies_to_sentenced.words()}"
    if not entry.in_force.covers(day):
        template = f"{head}, but that entry was not in force on {{day}}."
        facts["day"] = day
        return False, make_reason(rule_id, entry.title, listing.citation, entry.status, template, facts, subject)
    if entry.status is Status.UNVERIFIED:
        scope.warn(rule_id, f"Relies on a Schedule entry whose text is unverified: {sched} para {entry.paragraph} "
                   f"({entry.title}).", entry.status, listing.citation)
    if listing.condition is None:
        return True, make_reason(rule_id, entry.title, listing.citation, entry.status,
                                 f"{head}, with no further condition.", facts, subject)
    truth = listing.condition.evaluate(scope)
    read = scope.known_values(listing.condition.ordered_names)
    if truth is UNKNOWN:
        return Gap(scope.gaps_of(listing.condition.ordered_names)), None
    facts.update(read)
    shown = ", ".join(f"{name}={{{name}}}" for name in read)
    verdict = "is met" if truth else "is not met"
    words = (entry.condition_text or entry.condition or "").replace("{", "(").replace("}", ")")
    template = f"{head} where: {words} On the facts ({shown}) that condition {verdict}."
    return bool(truth), make_reason(rule_id, entry.title, listing.citation, entry.status, template, facts, subject)


def sentenced_candidates(
    scope: Scope, group: tuple[Listing, ...], sentenced: date | None, earliest: date | None, latest: date
) -> list[Listing | None]:
    """The entries of one id that may reach the person, by the day they were sentenced: ``sentenced`` when known,
    else any day from ``earliest`` (the conviction: a sentence is never passed before it) to ``latest`` (the date
    asked about: a later sentence does not count then). ``None`` in the list stands for "no entry reaches a person
    sentenced then". An entry's ``earlier_sentences`` parameter is read (and warned of) only where a sentence
    before the entry came into force is possible."""
    found: list[Listing | None] = []
    for listing in group:
        reach = listing.entry.applies_to_sentenced
        if reach is None:
            found.append(listing)
            continue
        if not (reach.covers(sentenced) if sentenced is not None else reach.meets(earliest, latest)):
            continue
        start = listing.entry.in_force.start
        earlier_possible = (sentenced < start) if sentenced is not None else (earliest is None or earliest < start)
        if (reach.earlier_sentences is not None and earlier_possible
                and scope.param(reach.earlier_sentences, start) != "apply"):
            if sentenced is not None:
                continue
            found.append(None)
        found.append(listing)
    if sentenced is not None:
        return found or [None]
    ranges = [g.entry.applies_to_sentenced for g in group]
    if not _covered(earliest, latest, [r for r in ranges if r is not None], any(r is None for r in ranges)):
        found.append(None)
    return list(dict.fromkeys(found))


def _covered(earliest: date | None, latest: date, ranges: list[SentencedRange], unlimited: bool) -> bool:
    """Whether every day from ``earliest`` (every day, if None) to ``latest`` falls in one of ``ranges``."""
    if unlimited:
        return True
    point = earliest
    for reach in sorted(ranges, key=lambda r: r.start or date.min):
        if reach.start is not None and (point is None or reach.start > point):
            return False
        if reach.before is None or reach.before > latest:
            return True
        point = reach.before if point is None else max(point, reach.before)
    return False


def not_reached_reason(group: tuple[Listing, ...], sentenced: date, subject: str | None) -> Reason:
    """Why an offence some entries list is not listed for a person sentenced on ``sentenced``."""
    first = group[0]
    entries = "; ".join(
        f"para {g.entry.paragraph}" + (f" for {g.entry.applies_to_sentenced.words()}"
                                       if g.entry.applies_to_sentenced is not None else "")
        for g in group)
    _, sched = _INSTRUMENTS[first.schedule]
    template = (f"{first.entry.title} ({first.entry.offence}) is listed in {sched} {entries}. The person was "
                "sentenced for it on {sentenced}, so no entry reaches them.")
    return make_reason(f"offences.{first.schedule}.{first.entry.offence}", first.entry.title, first.citation,
                       first.entry.status, template, {"sentenced": sentenced}, subject)
