"""The bundled example cases (``examples/*.yaml``, installed as the package data ``mappa_rules.examples``)."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from .models import Example

_EXPLAIN = re.compile(r"mappa-rules explain (\S+)")


@cache
def bundled() -> tuple[Example, ...]:
    """Each example with its leading comment as the description and the question that comment names, if any."""
    found = []
    for entry in sorted(files("mappa_rules.examples").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        text = entry.read_text(encoding="utf-8")
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("# ").strip())
        question = next((m.group(1) for line in comment if (m := _EXPLAIN.search(line))), None)
        description = " ".join(line for line in comment if not _EXPLAIN.search(line)).removesuffix(":")
        found.append(Example(name=entry.name.removesuffix(".yaml"), description=description, question=question,
                             yaml=text))
    return tuple(found)
