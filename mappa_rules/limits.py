"""The library's machinery limits, in one place: how much input it accepts and which dates it computes with.

These are not law. They bound the cost of one case (so that a batch or a server cannot be stalled by one hostile
input) and keep every date the library computes inside the calendar Python can represent. Each is checked when the
input is read or validated, and the error names the limit.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "MAX_CASE_BYTES",
    "MAX_CASE_ITEMS",
    "MAX_CONDITION_CHARS",
    "MAX_CONDITION_DEPTH",
    "MAX_DAY",
    "MAX_ITEMS",
    "MAX_LINE_BYTES",
    "MAX_NESTING",
    "MAX_RULESET_BYTES",
    "MAX_RULESET_NODES",
    "MAX_YAML_NODES",
    "MIN_DAY",
]

# --- Dates ---------------------------------------------------------------------------------------------------------

MIN_DAY = date(1800, 1, 1)
"""The earliest date a case (or an as-at date) may give. The library steps back from input dates by at most the
longest term a case can state (about 870 years, for a partly concurrent overlap), so this leaves the calendar's
start (year 1) out of reach."""

MAX_DAY = date(7999, 12, 31)
"""The latest date a case (or an as-at date) may give: 9999-12-31 less 2,000 years, more than the longest period
the library adds to one input date (an extended sentence of two terms at their limits, about 1,730 years, then a
notification or review period). Arithmetic that still leaves the calendar (a chain of consecutive terms of
centuries) gives an undetermined decision of kind ``beyond_calendar``, never an error."""

# --- Size of one case ----------------------------------------------------------------------------------------------

MAX_CASE_BYTES = 1_048_576
"""Bytes in one case file or standard input (1 MiB; a case of 100 disposals is about 50 KB)."""

MAX_LINE_BYTES = MAX_CASE_BYTES
"""Bytes in one line of a ``batch`` file (one case per line)."""

MAX_NESTING = 32
"""Levels of nested mappings and lists in a case (the case model itself is 6 deep)."""

MAX_YAML_NODES = 100_000
"""Values in a YAML case after its aliases are expanded, so that an alias bomb is refused before it is built."""

MAX_ITEMS: dict[str, int] = {
    "disposals": 100,
    "orders": 20,
    "orders[].terms": 20,
    "intervals": 200,
    "notifications": 300,
    "changes": 200,
    "changes[].stays": 100,
    "trips": 200,
    "review.applications": 20,
    "review.applications[].bodies_notified_on": 20,
}
"""The most items a case may list, by list."""

MAX_CASE_ITEMS = 250
"""The most items a case may list in all its lists together (those of :data:`MAX_ITEMS`). With these limits the
slowest case of the fuzz suite's generated mix, large cases included, answers every question within 100 times the
median case (``python -m tests.fuzz.long``); the cost of a case grows with its items, and with disposals times
orders, whose dates each call for the disposals' status."""

# --- Rulesets (``load_rulebook``) ----------------------------------------------------------------------------------

MAX_RULESET_BYTES = 4_194_304
"""Bytes in one ruleset or catalogue file (4 MiB; the largest bundled file is under 200 KB)."""

MAX_RULESET_NODES = 500_000
"""Values in one ruleset file after its YAML aliases are expanded."""

MAX_CONDITION_CHARS = 2_000
"""Characters in one rule condition (the longest bundled condition is under 300)."""

MAX_CONDITION_DEPTH = 32
"""Levels of nesting in one rule condition (``not``, ``and``/``or``, comparisons, brackets)."""
