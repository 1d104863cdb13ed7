"""A toy law for the engine's own tests: parcels and postage, nothing of the real law.

Scope ``parcel`` reads a mapping of facts about one parcel; a missing fact is a gap naming ``parcel.<name>``.
The catalogue folder ``labels/`` holds label entries whose conditions read the same scope.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mappa_rules.engine import Catalogue, Gap, RuleBook, RulesetError, Scope, ValueDef, compile_condition, load_rulebook

HERE = Path(__file__).parent
GOOD = HERE / "good"
BAD = HERE / "bad"


def _fact(name: str) -> Callable[[Scope], Any]:
    def read(scope: Scope) -> Any:
        value = scope.subject.get(name)
        return Gap((f"parcel.{name}",)) if value is None else value

    return read


KINDS = {"weight_kg": "number", "destination": "text", "fragile": "boolean", "declared_value": "number"}
PARCEL = {name: ValueDef(name, f"The parcel's {name}.", _fact(name), frozenset({kind})) for name, kind in KINDS.items()}
VOCABULARIES: Mapping[str, Mapping[str, ValueDef]] = {"parcel": PARCEL}


def build_labels(files: Mapping[str, Any], known: Callable[[str], bool]) -> dict[str, Any]:
    """A toy catalogue: label name -> its compiled condition."""
    labels: dict[str, Any] = {}
    for name, data in files.items():
        for label in data["labels"]:
            try:
                labels[label["name"]] = compile_condition(label["when"], known)
            except ValueError as exc:
                raise RulesetError(name, label["name"], str(exc)) from None
    return labels


CATALOGUES = (Catalogue("labels", "parcel", build_labels),)


def load(root: Path = GOOD, *, lazy: bool = False) -> RuleBook:
    return load_rulebook(root, VOCABULARIES, CATALOGUES, lazy_catalogues=lazy)
