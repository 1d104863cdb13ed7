"""Where the law meets the engine: the bundled rulesets, loaded with the vocabularies their conditions read and
the offence catalogue, into the rule book every question uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .engine import Catalogue, RuleBook
from .engine import load_rulebook as load_with
from .offences.names import OFFENCES
from .vocabulary import VOCABULARIES

__all__ = ["CATALOGUES", "INSTRUMENT_NAMES", "default_rulebook", "load_rulebook", "ruleset_root"]



def _offence_catalogue(files: Mapping[str, Any], known: Callable[[str], bool]) -> object:
    from .offences.catalogue import build_catalogue  # only when an offence id is first looked up

    return build_catalogue(files, known)


CATALOGUES = (Catalogue(OFFENCES, "disposal", _offence_catalogue),)
"""The offence catalogue (``rulesets/offences/``): its entries' conditions read the disposal vocabulary."""

INSTRUMENT_NAMES = ("Act", "Order", "Regulations", "Guidance", "SOA", "SA", "ASBCPA", "PCSC", "PCA", "CJA", "CJCSA",
                    "CJIA")
"""Words and abbreviations that name an instrument: a citation's provision names none of them, so that it never
reads as if a provision of one instrument were in another (the others are listed under ``citations``)."""


def ruleset_root() -> Path:
    """The bundled rulesets (``rulesets/`` in a checkout, ``mappa_rules/rulesets`` once installed)."""
    return Path(str(resources.files("mappa_rules.rulesets")))


def load_rulebook(root: Path | None = None, *, lazy_catalogue: bool = False) -> RuleBook:
    """Load and compile the rulesets under ``root`` (default: the bundled ones) against the law's vocabularies.

    The offence catalogue is compiled at once unless ``lazy_catalogue``, then on first use.
    """
    return load_with(ruleset_root() if root is None else root, VOCABULARIES, CATALOGUES,
                     lazy_catalogues=lazy_catalogue, instrument_names=INSTRUMENT_NAMES)


@cache
def default_rulebook() -> RuleBook:
    """The bundled rulesets, loaded once per process (the rule book is immutable, so sharing it is safe)."""
    return load_rulebook(lazy_catalogue=True)
