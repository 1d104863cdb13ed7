"""The citation lint, applied at load: a citation names one provision of one instrument.

A rule or parameter that rests on several instruments (an Act and its commencement order, two regimes with the same
words) gives one primary ``citation`` and lists the others under ``citations``, one instrument each. So that a
citation never reads as if a provision of one instrument were in another, the loader rejects:

* an ``instrument`` that names two instruments (joined by ";");
* a ``provision`` that names a statutory instrument other than the one linked ("SI 2012/1876" where the link is not
  to that SI), or any of the instrument names and abbreviations the law hands the loader ("SOA", "Act", ...);
* a ``provision`` that states a doubt ("unverified", "believed", or a "?" outside a quoted title): doubt belongs
  in the status and the notes;
* a legislation.gov.uk link whose year is not the year in the instrument's title.

The engine knows no law: the names to look for are handed in.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..decision import Citation

__all__ = ["citation_problem"]

_SI = re.compile(r"\bSI (\d{4})/(\d+)")
_LINK = re.compile(r"legislation\.gov\.uk/(?:id/)?[a-z]+/(\d{4})/(\d+)")
_DOUBT = re.compile(r"\bunverified\b|\bbelieved\b|\?", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"\b(\d{4})$")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def citation_problem(citation: Citation, instrument_names: Collection[str] = ()) -> str | None:
    """What is wrong with ``citation`` as a citation of one provision of one instrument, or None."""
    if ";" in citation.instrument:
        return (f"the instrument {citation.instrument!r} names more than one instrument: cite one, and list the "
                "others under citations")
    provision = citation.provision
    if _DOUBT.search(_QUOTED.sub("", provision)):
        return f"the provision {provision!r} states a doubt: say it in the status and the notes"
    link = _LINK.search(citation.url or "")
    for year, number in _SI.findall(provision):
        if link is None or link.groups() != (year, number):
            return (f"the provision {provision!r} names SI {year}/{number}, which is not the instrument linked: cite "
                    "it under citations")
    for name in instrument_names:
        if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", provision):
            return (f"the provision {provision!r} names another instrument ({name}): cite it under citations")
    title_year = _TITLE_YEAR.search(citation.instrument)
    if link is not None and title_year is not None and link.group(1) != title_year.group(1):
        return f"the link {citation.url} is not to {citation.instrument} (its year is {link.group(1)})"
    return None
