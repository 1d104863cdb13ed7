"""Whether CJA 2003 Schedule 15 lists a disposal's offence, and in which Part, for the person as sentenced.

Schedule 15 lists some offences differently for persons sentenced at different times. The twelve terrorism
offences of Part 1 (paras 59A-59D, 60A-60C, 63B-63F, from 12 January 2010) were omitted by the Counter-Terrorism
and Border Security Act 2019 Sch 4 para 9(2), and Part 3 (paras 154-174) was inserted by its s.9, each only for
persons sentenced on or after 12 April 2019 (s.25(3)). So the Part that lists an offence turns on the day the
person was sentenced for it (``disposals[].sentence_date``). When that day is not given, every entry a sentence
passed between the conviction and the date asked about could fall under is tried, and the answer names the
sentence date only where they disagree. When the case names no catalogued offence, the caller's
``offence.schedule15`` is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..decision import Reason
from ..engine import Gap, Scope
from ..facts import Disposal
from ..offences.names import SCHEDULE_15
from .sentences import disposal_path
from .values import Values, subject, values

__all__ = ["NOT_LISTED", "SCHEDULE15_VALUES"]

NOT_LISTED = "not_listed"


def _parts(scope: Scope) -> frozenset[str] | Gap:
    """The Parts of Schedule 15 that may list the offence for this person (``not_listed`` for none): one, or more
    while the sentence date that decides between them is unknown; worked out once per disposal."""
    return scope.remember("schedule15.parts", _work_out_parts)


def _work_out_parts(scope: Scope) -> frozenset[str] | Gap:
    disposal = subject(scope, Disposal)
    offence = disposal.offence
    flag = offence.schedule15
    flag_path = disposal_path(scope.case, disposal, "offence.schedule15")
    stated = Gap((flag_path,)) if flag is None else frozenset({flag})
    if offence.offence_id is None:
        return stated
    from ..offences.catalogue import (  # only when an offence id is given
        liability_reason,
        listing_answer,
        not_reached_reason,
        offence_catalogue,
        sentenced_candidates,
    )

    catalogue = offence_catalogue(scope.book)
    if not catalogue.known(offence.offence_id):
        scope.warn(f"offences.unknown_id.{offence.offence_id}",
                   f"Offence id {offence.offence_id!r} is not in the offence catalogue (Schedules 3 and 15); "
                   "the caller's schedule15 flag is used.")
        return stated
    group = catalogue.variants.get(SCHEDULE_15, {}).get(offence.offence_id, ())
    if not group:
        _, reason = listing_answer(scope, SCHEDULE_15, offence.offence_id, scope.as_at, disposal.id)
        return _checked(scope, frozenset({NOT_LISTED}), [reason], flag, offence.offence_id)
    sentenced = disposal.sentence_date
    candidates = sentenced_candidates(scope, group, sentenced, disposal.relevant_date, scope.as_at)
    found: set[str] = set()
    reasons: list[Reason | None] = []
    gaps: list[str] = []
    for listing in candidates:
        if listing is None:
            found.add(NOT_LISTED)
            if sentenced is not None:
                reasons.append(not_reached_reason(group, sentenced, disposal.id))
            continue
        answer, reason = listing_answer(scope, SCHEDULE_15, offence.offence_id, scope.as_at, disposal.id, listing)
        if isinstance(answer, Gap):
            gaps.extend(answer.paths)
            continue
        reasons.append(reason)
        found.add(str(listing.part) if answer else NOT_LISTED)
    if gaps:
        if len(candidates) > 1:
            gaps.append(disposal_path(scope.case, disposal, "sentence_date"))
        if flag is not None:
            scope.warn("offences.unconfirmed.schedule15",
                       f"The offence catalogue could not confirm schedule15={flag!r} for {offence.offence_id}: its "
                       f"condition needs {', '.join(dict.fromkeys(gaps))}. The caller's flag is used.")
            return stated
        return Gap(tuple(dict.fromkeys(gaps)))
    if offence.liability not in (None, "principal") and found - {NOT_LISTED}:
        covered, why = liability_reason(scope, SCHEDULE_15, offence.offence_id, offence.liability, scope.as_at,
                                        disposal.id)
        reasons.append(why)
        if not covered:
            found = {NOT_LISTED}
    return _checked(scope, frozenset(found), reasons, flag, offence.offence_id)


def _checked(
    scope: Scope, parts: frozenset[str], reasons: list[Reason | None], flag: str | None, offence_id: str
) -> frozenset[str]:
    """Record the catalogue's reasons, and warn where the caller's flag contradicts a decided answer."""
    scope.reasons.extend(r for r in reasons if r is not None)
    if flag is not None and len(parts) == 1 and flag not in parts:
        scope.warn("offences.conflict.schedule15",
                   f"The case says schedule15={flag!r} for {offence_id}, but the offence catalogue gives "
                   f"{next(iter(parts))!r}; the catalogue is used.")
    return parts


def _from_parts(decide: Callable[[str], Any]) -> Callable[[Scope], Any]:
    """A value that is the same whichever Part may list the offence, or a gap naming the sentence date."""

    def compute(scope: Scope) -> Any:
        parts = _parts(scope)
        if isinstance(parts, Gap):
            return parts
        answers = {decide(part) for part in parts}
        if len(answers) == 1:
            return answers.pop()
        disposal = subject(scope, Disposal)
        return Gap((disposal_path(scope.case, disposal, "sentence_date"),))

    return compute


def _schedule15(scope: Scope) -> Any:
    """The Part of CJA 2003 Schedule 15 that lists the offence for this person (``part_1``, ``part_2``,
    ``part_3``) or ``not_listed``: from the offence catalogue, by the day the person was sentenced (CTBSA 2019
    s.25(3)), or the caller's ``offence.schedule15``."""
    return _from_parts(lambda part: part)(scope)


def _schedule15_listed(scope: Scope) -> Any:
    """Schedule 15 lists the offence for this person, in any Part (CJA 2003 s.327(3)(a), (4)(a) before 28 April
    2022: "an offence specified in Schedule 15")."""
    return _from_parts(lambda part: part != NOT_LISTED)(scope)


def _schedule15_part_1_or_2(scope: Scope) -> Any:
    """Schedule 15 Part 1 or Part 2 lists the offence for this person (CJA 2003 s.327(3)(a), (4)(a) from 28 April
    2022: "an offence specified in Part 1 or 2 of Schedule 15")."""
    return _from_parts(lambda part: part in ("part_1", "part_2"))(scope)


SCHEDULE15_VALUES: Values = values(
    ("schedule15", _schedule15),
    ("schedule15_listed", _schedule15_listed),
    ("schedule15_part_1_or_2", _schedule15_part_1_or_2),
)
