"""The offence catalogue: Schedule 3 (SOA 2003) and Schedule 15 (CJA 2003), entry by entry, as data
(``rulesets/offences/``), compiled by :mod:`.catalogue` against the disposal vocabulary. The compiler is imported on
first use of one of its names, so that a question that never names an offence id does not pay for it."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .names import OFFENCES, SCHEDULE_3, SCHEDULE_15

if TYPE_CHECKING:
    from .catalogue import (
        Listing,
        OffenceCatalogue,
        build_catalogue,
        liability_reason,
        listing_answer,
        listing_limb,
        not_reached_reason,
        offence_catalogue,
        other_limb,
        sentenced_candidates,
    )
    from .spec import SentencedRange

_CATALOGUE = frozenset({"Listing", "OffenceCatalogue", "build_catalogue", "liability_reason",
                        "listing_answer", "listing_limb", "not_reached_reason", "offence_catalogue", "other_limb",
                        "sentenced_candidates"})


def __getattr__(name: str) -> Any:
    if name == "SentencedRange":
        return getattr(import_module(".spec", __name__), name)
    if name in _CATALOGUE:
        return getattr(import_module(".catalogue", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "OFFENCES",
    "SCHEDULE_3",
    "SCHEDULE_15",
    "Listing",
    "OffenceCatalogue",
    "SentencedRange",
    "build_catalogue",
    "liability_reason",
    "listing_answer",
    "listing_limb",
    "not_reached_reason",
    "offence_catalogue",
    "other_limb",
    "sentenced_candidates",
]
