"""What the MAPPA category rules read about one disposal beyond the notification vocabulary: whether it had
happened by the date asked about, the form of an indeterminate sentence (CJA 2003 s.327(3)(b)), and the facts
that make an offence a relevant terrorist offence (s.327(4F)).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Gap, Scope
from ..engine.conditions import UNKNOWN
from ..facts import Disposal
from .sentences import disposal_path
from .values import Values, subject, values

__all__ = ["OFFENDER_VALUES"]


def _disposal(scope: Scope) -> Disposal:
    return subject(scope, Disposal)


def _offence_fact(field: str) -> Callable[[Scope], Any]:
    def read(scope: Scope) -> Any:
        disposal = _disposal(scope)
        value = getattr(disposal.offence, field)
        return Gap((disposal_path(scope.case, disposal, f"offence.{field}"),)) if value is None else value

    return read


def _dealt_with_by_as_of(scope: Scope) -> Any:
    """On the date asked about the person had been convicted (or found to have done the act) and the sentence or
    order had been passed: the conviction, finding or caution is dated (``relevant_date``) on or before it, and so
    is the sentence (``sentence_date``; a sentence with no date of its own is dated with the conviction, as the
    library dates it elsewhere). A conviction, sentence or order after that date does not count as at it."""
    disposal = _disposal(scope)
    convicted = disposal.relevant_date
    if convicted is None:
        return Gap((disposal_path(scope.case, disposal, "relevant_date"),))
    sentenced = disposal.sentence_date or convicted
    return convicted <= scope.as_at and sentenced <= scope.as_at


def _sentence_form(scope: Scope) -> Any:
    """The form of a life sentence (``imprisonment_for_life``, ``custody_for_life``, ``detention_for_life``,
    ``detention_during_his_majestys_pleasure``), of imprisonment or detention for public protection
    (``imprisonment_for_public_protection``, ``detention_for_public_protection``) or of a term of imprisonment
    (``imprisonment``, ``young_offender_institution``, ``s91_s250_detention``, ``s252a_detention``); for any other
    disposal its kind."""
    disposal = _disposal(scope)
    sentence = disposal.sentence
    if sentence is None:
        if disposal.trigger == "caution":
            return "caution"
        return Gap((disposal_path(scope.case, disposal, "sentence"),))
    return str(getattr(sentence, "form", sentence.kind))


def _relevant_terrorist_offence(scope: Scope) -> Any:
    """The offence is a relevant terrorist offence: specified in Part 1 or 2 of Schedule 19ZA (or a service
    offence whose civil counterpart is), or determined to have a terrorist connection (CJA 2003 s.327(4F))."""
    listed = scope.lookup("schedule19za")
    connected = scope.lookup("terrorist_connection")
    if listed is True or connected is True:
        return True
    if listed is False and connected is False:
        return False
    return Gap(scope.gaps_of([n for n, v in (("schedule19za", listed), ("terrorist_connection", connected))
                              if v is UNKNOWN]))


OFFENDER_VALUES: Values = values(
    ("dealt_with_by_as_of", _dealt_with_by_as_of),
    ("sentence_form", _sentence_form),
    ("schedule19za", _offence_fact("schedule19za")),
    ("terrorist_connection", _offence_fact("terrorist_connection")),
    ("relevant_terrorist_offence", _relevant_terrorist_offence),
)
