"""The offence catalogue: Schedule 3 (SOA 2003) and Schedule 15 (CJA 2003), entry by entry, as data
(``rulesets/offences/``), compiled by :mod:`.catalogue` against the disposal vocabulary."""

from .catalogue import (
    OFFENCES,
    SCHEDULE_3,
    SCHEDULE_15,
    Listing,
    OffenceCatalogue,
    SentencedRange,
    build_catalogue,
    listing_answer,
    not_reached_reason,
    offence_catalogue,
    sentenced_candidates,
)

__all__ = [
    "OFFENCES",
    "SCHEDULE_3",
    "SCHEDULE_15",
    "Listing",
    "OffenceCatalogue",
    "SentencedRange",
    "build_catalogue",
    "listing_answer",
    "not_reached_reason",
    "offence_catalogue",
    "sentenced_candidates",
]
