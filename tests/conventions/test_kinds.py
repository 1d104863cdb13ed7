"""Every value a rule condition may read declares its kind, so that the loader can refuse a rule comparing it
with a value of another kind."""

from __future__ import annotations

from mappa_rules.vocabulary import VOCABULARIES
from mappa_rules.vocabulary.kinds import KINDS


def test_every_vocabulary_value_declares_its_kind() -> None:
    undeclared = sorted(f"{scope}.{name}" for scope, values in VOCABULARIES.items() for name, value in values.items()
                        if not value.kinds)
    assert not undeclared, "add to mappa_rules/vocabulary/kinds.py: " + ", ".join(undeclared)
    stale = sorted(f"{scope}.{name}" for scope, names in KINDS.items() for name in names
                   if name not in VOCABULARIES.get(scope, {}))
    assert not stale, "remove from mappa_rules/vocabulary/kinds.py: " + ", ".join(stale)
