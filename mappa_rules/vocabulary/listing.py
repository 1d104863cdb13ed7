"""Whether a disposal's offence is listed in Schedule 3 (SOA 2003) or Schedule 15 (CJA 2003), and by which limb.

The offence catalogue decides when the case names the offence by an id it knows; otherwise the caller's flags
(``offence.schedule3``, ``offence.schedule15``, ``offence.schedule3_sentencing_condition``) are used. Where the
catalogue cannot decide on the facts given (a condition needs a fact that is missing) and the caller's flag says,
the flag is used with a warning that the catalogue could not confirm it, naming the facts it needs; where the
catalogue decides and the flag disagrees, the catalogue is used with a warning. So adding an offence id never loses
an answer, and an answer that rests on an unconfirmed flag always says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Gap, Scope
from ..engine.conditions import UNKNOWN
from ..engine.schema import InForce
from ..facts import Disposal
from ..offences.names import SCHEDULE_3, SCHEDULE_15
from .sentences import disposal_path
from .values import subject

__all__ = ["listed", "listed_by_sentencing_condition"]

CANNOT_MEET = frozenset({"caution", "fine", "absolute_discharge", "conditional_discharge", "guardianship_order",
                         "other"})
"""Disposals that meet no Schedule 3 sentencing condition (none is imprisonment, a hospital order or a community
sentence)."""


def _disposal(scope: Scope) -> Disposal:
    return subject(scope, Disposal)


def listed(schedule: str, flag_field: str) -> Callable[[Scope], Any]:
    """Whether the offence is listed in a schedule with its conditions met: from the offence catalogue when the
    offence id is known to it, otherwise the caller's flag. A conflict between the two is a warning, and so is a
    flag the catalogue could not confirm."""

    def compute(scope: Scope) -> Any:
        disposal = _disposal(scope)
        offence = disposal.offence
        flag = getattr(offence, flag_field)
        flag_path = disposal_path(scope.case, disposal, f"offence.{flag_field}")
        if offence.offence_id is None:
            return Gap((flag_path,)) if flag is None else flag
        from ..offences.catalogue import (  # only for an offence id
            liability_paragraph,
            liability_reason,
            listing_answer,
            offence_catalogue,
        )

        if not offence_catalogue(scope.book).known(offence.offence_id):
            scope.warn(f"offences.unknown_id.{offence.offence_id}",
                       f"Offence id {offence.offence_id!r} is not in the offence catalogue (Schedules 3 and 15); "
                       f"the caller's {flag_field} flag is used.")
            return Gap((flag_path,)) if flag is None else flag
        answer, reason = listing_answer(scope, schedule, offence.offence_id, scope.as_at, disposal.id)
        undated = Gap((disposal_path(scope.case, disposal, "relevant_date"),))
        entry = offence_catalogue(scope.book).listings[schedule].get(offence.offence_id)
        if answer is False and entry is not None and _in_force_on_another_day(scope, disposal, entry.entry.in_force):
            answer, reason = undated, None
        why = None
        if not isinstance(answer, Gap) and offence.liability not in (None, "principal"):
            covered, why = liability_reason(scope, schedule, offence.offence_id, offence.liability, scope.as_at,
                                            disposal.id)
            general = liability_paragraph(scope.book, schedule, offence.offence_id, offence.liability)
            if answer and not covered and general is not None and _in_force_on_another_day(
                    scope, disposal, general.in_force):
                answer, reason, why = undated, None, None
            else:
                answer = answer and covered
        if isinstance(answer, Gap):
            if flag is None:
                return answer
            scope.warn(f"offences.unconfirmed.{flag_field}",
                       f"The offence catalogue could not confirm {flag_field}={flag!r} for {offence.offence_id}: "
                       f"its condition needs {', '.join(answer.paths)}. The caller's flag is used.")
            return flag
        scope.reasons.extend(r for r in (reason, why) if r is not None)
        if schedule == SCHEDULE_15:
            listing = offence_catalogue(scope.book).listings[schedule].get(offence.offence_id)
            answer = listing.part if answer and listing is not None else "not_listed"
        if flag is not None and flag != answer:
            scope.warn(f"offences.conflict.{flag_field}",
                       f"The case says {flag_field}={flag!r} for {offence.offence_id}, but the offence catalogue "
                       f"gives {answer!r}; the catalogue is used.")
        return answer

    compute.__doc__ = listed.__doc__
    return compute


def _in_force_on_another_day(scope: Scope, disposal: Disposal, in_force: InForce) -> bool:
    """The disposal's date is unknown and the entry, not in force on the day its law is read as at (the as-at
    date), is in force on some day the conviction, finding or caution may fall: not before the offence, not after
    the sentence (a disposal dated after the as-at date is answered under the law of its own day). Whether the
    offence is listed then turns on that date (SOA 2003 s.80(1): "convicted of an offence listed in Schedule 3")."""
    if disposal.relevant_date is not None or in_force.covers(scope.as_at):
        return False
    earliest, latest = disposal.offence.offence_date, disposal.sentence_date
    return (latest is None or in_force.start <= latest) and (
        earliest is None or in_force.end is None or earliest <= in_force.end)


def listed_by_sentencing_condition(scope: Scope) -> Any:
    """Schedule 3 lists the offence, for this offender, only because of how the offender was dealt with (a
    sentencing condition, SOA 2003 s.132(1)-(2)): from the catalogue's limbs, or the caller's flag
    ``offence.schedule3_sentencing_condition``; False when the offence is not listed or the disposal can meet no
    sentencing condition (a caution, fine, discharge, guardianship order, other disposal, or a community order
    shorter than 12 months)."""
    disposal = _disposal(scope)
    offence = disposal.offence
    if _cannot_meet(scope, disposal) is True:
        return False
    listed_value = scope.lookup("schedule3")
    if listed_value is False:
        return False
    if listed_value is UNKNOWN and offence.schedule3_sentencing_condition is None:
        return Gap(scope.gaps_of(["schedule3"]))
    flag = offence.schedule3_sentencing_condition
    flag_path = disposal_path(scope.case, disposal, "offence.schedule3_sentencing_condition")
    if offence.offence_id is None:
        return Gap((flag_path,)) if flag is None else flag
    from ..offences.catalogue import listing_limb, offence_catalogue, other_limb  # only for an offence id

    if not offence_catalogue(scope.book).known(offence.offence_id):
        return Gap((flag_path,)) if flag is None else flag
    limb = listing_limb(scope, SCHEDULE_3, offence.offence_id)
    if isinstance(limb, Gap) and listed_value is True:
        # Listed (by the caller's flag, the catalogue being unable to tell): the limb follows from the other limb.
        other = other_limb(scope, SCHEDULE_3, offence.offence_id)
        limb = other if isinstance(other, Gap) else ("other" if other else "sentencing")
    if isinstance(limb, Gap):
        if flag is None:
            return limb
        scope.warn("offences.unconfirmed.schedule3_sentencing_condition",
                   f"The offence catalogue could not tell whether {offence.offence_id} is listed only by its "
                   f"sentencing condition: it needs {', '.join(limb.paths)}. The caller's flag is used.")
        return flag
    answer = limb == "sentencing"
    if flag is not None and flag != answer:
        scope.warn("offences.conflict.schedule3_sentencing_condition",
                   f"The case says schedule3_sentencing_condition={flag!r} for {offence.offence_id}, but the offence "
                   f"catalogue gives {answer!r}; the catalogue is used.")
    return answer


def _cannot_meet(scope: Scope, disposal: Disposal) -> bool | None:
    """True when the disposal meets no Schedule 3 sentencing condition whatever the offence."""
    if disposal.trigger == "caution":
        return True
    sentence = disposal.sentence
    if sentence is None:
        return None
    if sentence.kind in CANNOT_MEET:
        return True
    if sentence.kind == "community_order":
        months = scope.lookup("community_sentence_months")
        return None if months is UNKNOWN else bool(months < 12)
    return False

