"""The offence catalogue: Schedule 3 (SOA 2003) and Schedule 15 (CJA 2003), entry by entry, as data
(``rulesets/offences/``), compiled by :mod:`.catalogue` against the disposal vocabulary."""

from .catalogue import (
    OFFENCES,
    SCHEDULE_3,
    SCHEDULE_15,
    Listing,
    OffenceCatalogue,
    build_catalogue,
    liability_reason,
    listing_answer,
    listing_limb,
    offence_catalogue,
    other_limb,
)

__all__ = [
    "OFFENCES",
    "SCHEDULE_3",
    "SCHEDULE_15",
    "Listing",
    "OffenceCatalogue",
    "build_catalogue",
    "liability_reason",
    "listing_answer",
    "listing_limb",
    "offence_catalogue",
    "other_limb",
]
