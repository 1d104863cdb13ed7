"""Where the law meets the engine: the bundled rulesets, loaded with the vocabularies their conditions read and
the offence catalogue, into the rule book every question uses."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .engine import Catalogue, NotInForce, RuleBook
from .engine import load_rulebook as load_with
from .legal_time import HolidaysOf
from .offences.names import OFFENCES
from .vocabulary import VOCABULARIES

__all__ = ["BANK_HOLIDAYS", "CACHE_VARIABLE", "CATALOGUES", "INSTRUMENT_NAMES", "bank_holidays", "cache_dir",
           "default_rulebook", "load_rulebook", "ruleset_root"]

BANK_HOLIDAYS = "time.working_days.bank_holidays"
"""The parameter listing, year by year, the weekdays that are not working days in England and Wales."""



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


CACHE_VARIABLE = "MAPPA_RULES_CACHE_DIR"
"""The environment variable naming the folder where parsed rulesets are kept (empty: keep none)."""


def cache_dir() -> Path | None:
    """Where parsed rulesets are kept between processes: ``$MAPPA_RULES_CACHE_DIR`` if set (empty: nowhere), else
    ``mappa-rules`` in the user's cache folder (``$XDG_CACHE_HOME``, ``~/Library/Caches`` on macOS,
    ``%LOCALAPPDATA%`` on Windows, else ``~/.cache``); None when there is no such folder (then nothing is kept)."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    try:
        if os.environ.get("XDG_CACHE_HOME"):
            base = Path(os.environ["XDG_CACHE_HOME"])
        elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
            base = Path(os.environ["LOCALAPPDATA"])
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):  # no home folder
        return None
    return base / "mappa-rules" if base.is_absolute() else None


def load_rulebook(root: Path | None = None, *, lazy_catalogue: bool = False) -> RuleBook:
    """Load and compile the rulesets under ``root`` (default: the bundled ones) against the law's vocabularies.

    The offence catalogue is compiled at once unless ``lazy_catalogue``, then on first use. The parsed files are
    kept in :func:`cache_dir` for the next process, under the hash of the files (a changed ruleset is parsed
    afresh).
    """
    return load_with(ruleset_root() if root is None else root, VOCABULARIES, CATALOGUES,
                     lazy_catalogues=lazy_catalogue, instrument_names=INSTRUMENT_NAMES, cache_dir=cache_dir())


@cache
def default_rulebook() -> RuleBook:
    """The bundled rulesets, loaded once per process (the rule book is immutable, so sharing it is safe)."""
    return load_rulebook(lazy_catalogue=True)


def bank_holidays(book: RuleBook) -> HolidaysOf:
    """The holidays of England and Wales by year, as the rulesets list them (parameter :data:`BANK_HOLIDAYS`, one
    value a year from 1 January), for :func:`mappa_rules.legal_time.working_days_after`: None for a year not
    listed."""
    parameter = book.parameter(BANK_HOLIDAYS)

    def holidays_of(year: int) -> tuple[date, ...] | None:
        try:
            listed: tuple[date, ...] = parameter.value_at(date(year, 1, 1))
        except NotInForce:
            return None
        return listed

    return holidays_of
