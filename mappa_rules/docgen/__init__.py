"""Generated documentation: pages written from the repository's own sources, so that they cannot drift.

Run from a checkout::

    python -m mappa_rules.docgen            # (re)write the generated pages under docs/
    python -m mappa_rules.docgen --check    # exit 1, listing the stale pages, if any is out of date

It writes, under ``docs/``:

* ``rules/<area>/<topic>.md`` - the rule catalogue, one page per ruleset file (``rulesets/<area>/<topic>.yaml``):
  every rule with its plain-English statement, condition, citation, in-force dates, status and the tests that
  exercise it, and every parameter with its dated values;
* ``offences/<schedule>.md`` - the offence catalogues (the files of ``rulesets/offences/`` whose top-level
  key is ``schedule``);
* ``properties/<area>/<topic>.md`` - the legal propositions of ``tests/law/<area>/test_<topic>.py``, read with
  :mod:`ast`, never imported;
* ``open-questions.md`` - every unverified rule or parameter and every declared convention;
* ``casebook/<area>/<topic>.md`` - the worked examples of ``tests/casebook/<area>/<topic>.yaml``, run through the
  questions;
* ``cli.md`` - the command-line reference, read from :func:`mappa_rules.cli.build_parser`;
* ``reference/case-format.md`` - every field of a case, read from the case model's exported JSON Schema, with
  examples from ``examples/`` and the casebook.

The folders ``docs/rules``, ``docs/offences``, ``docs/properties`` and ``docs/casebook`` belong to the generator:
a page there that it would not write is stale. Output is deterministic (sorted, no timestamps), so the check
compares text. Only files under the repository root are read. One module per page kind; :mod:`.site` lists them.
"""

from .site import GENERATED_DIRS, GENERATED_FILES, generate, main, stale_pages, write_pages
from .sources import Sources, find_root, read_sources

__all__ = [
    "GENERATED_DIRS",
    "GENERATED_FILES",
    "Sources",
    "find_root",
    "generate",
    "main",
    "read_sources",
    "stale_pages",
    "write_pages",
]
