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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..decision import Citation, Reason, Status, make_reason
from ..engine import RuleBook, RulesetError
from ..engine.conditions import UNKNOWN, Compiled, ConditionError, compile_condition
from ..engine.evaluator import Gap, Scope
from ..engine.schema import InForce

OFFENCES = "offences"
"""The folder of the rulesets that holds the catalogue."""
SCHEDULE_3 = "soa2003.sch3"
SCHEDULE_15 = "cja2003.sch15"
_INSTRUMENTS = {SCHEDULE_3: ("Sexual Offences Act 2003", "Sch 3"), SCHEDULE_15: ("Criminal Justice Act 2003", "Sch 15")}


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SentencedRange(_Spec):
    """The persons an entry reaches, by the day they were sentenced for the offence (a transitional provision such
    as CTBSA 2019 s.25(3)): from ``from`` (inclusive) and before ``before``; null: no limit that way."""

    start: date | None = Field(default=None, alias="from")
    before: date | None = None
    earlier_sentences: str | None = Field(
        default=None, description="A parameter (value 'apply' or 'not_apply') saying whether the entry reaches a "
        "person sentenced before it came into force, where the text that would say is unread; read only then.")

    @model_validator(mode="after")
    def _ordered(self) -> SentencedRange:
        if self.start is not None and self.before is not None and self.before <= self.start:
            raise ValueError(f"applies_to_sentenced: before ({self.before}) is not after from ({self.start})")
        return self

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.before is None or day < self.before)

    def meets(self, earliest: date | None, latest: date) -> bool:
        """Whether a sentence passed between ``earliest`` (any day if None) and ``latest`` can fall in the range."""
        return (self.before is None or earliest is None or earliest < self.before) and (
            self.start is None or self.start <= latest)

    def words(self) -> str:
        if self.start is not None and self.before is not None:
            return f"persons sentenced from {self.start.isoformat()} and before {self.before.isoformat()}"
        if self.start is not None:
            return f"persons sentenced on or after {self.start.isoformat()}"
        assert self.before is not None
        return f"persons sentenced before {self.before.isoformat()}"


class EntrySpec(_Spec):
    offence: str = Field(min_length=3)
    title: str = Field(min_length=3)
    part: Literal[1, 2, 3] | None = None
    enactment: str = Field(min_length=3)
    section: str | None
    paragraph: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")
    in_force: InForce
    dates_status: Status
    status: Status
    condition: str | None = None
    condition_text: str | None = None
    applies_to_sentenced: SentencedRange | None = Field(
        default=None, description="Only for persons sentenced within these days (one offence id may then be listed "
        "twice in a schedule, for persons sentenced at different times).")
    notes: str | None = None


class VocabularyAddition(_Spec):
    name: str
    type: str
    meaning: str


class GeneralParagraph(_Spec):
    """A paragraph about how the schedule is read (service offences, inchoate offences, ...): shown, not applied."""

    paragraph: str
    part: Literal[1, 2, 3] | None = None
    title: str
    url: str
    in_force: InForce
    dates_status: Status
    status: Status
    summary: str
    notes: str | None = None


class UnreadParagraph(_Spec):
    """A paragraph known to exist whose text could not be read: it asserts no offence and is never used."""

    paragraph_id: str
    title: str
    part: Literal[1, 2, 3] | None = None
    paragraph: str
    url: str
    dates_status: Status
    status: Status
    notes: str | None = None


class CatalogueSpec(_Spec):
    schedule: Literal["soa2003.sch3", "cja2003.sch15"]
    title: str
    url: str
    source_note: str
    vocabulary_additions: list[VocabularyAddition] = Field(default_factory=list)
    entries: list[EntrySpec] = Field(min_length=1)
    general_paragraphs: list[GeneralParagraph] = Field(default_factory=list)
    unread_paragraphs: list[UnreadParagraph] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Listing:
    """One offence as one schedule lists it, ready to be evaluated."""

    schedule: str
    entry: EntrySpec
    condition: Compiled | None
    citation: Citation

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
            by_id[entry.offence] = (*by_id.get(entry.offence, ()), Listing(spec.schedule, entry, condition, citation))
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
