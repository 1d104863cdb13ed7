"""Hostile and careless variants of a valid case, as the bytes a user would send, with the values an error message
must not repeat."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from mappa_rules.limits import MAX_CASE_BYTES, MAX_DAY, MAX_ITEMS, MIN_DAY
from tests.fuzz.strategies import MARKER

Draw = Callable[[st.SearchStrategy[Any]], Any]
SECRET = "Secret-7Q"
"""Planted in a variant where a value is wrong; it must never reach an error message."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LIMIT_DAYS = {MIN_DAY.isoformat(), MAX_DAY.isoformat()}  # named by the date-range message itself


def values_in(data: Any) -> set[str]:
    """The values of a case an error message must not repeat: its dates and its free text."""
    found: set[str] = set()
    for _, _, value in _leaves(data):
        if isinstance(value, str) and ((_DAY.fullmatch(value) and value not in _LIMIT_DAYS) or MARKER in value):
            found.add(value)
    return found


def _leaves(data: Any) -> list[tuple[Any, Any, Any]]:
    """Every (container, key, value) whose value is not itself a mapping or list."""
    found, todo = [], [data]
    while todo:
        node = todo.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, dict | list):
                todo.append(value)
            else:
                found.append((node, key, value))
    return found


def _mappings(data: Any) -> list[dict[str, Any]]:
    found, todo = [], [data]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            found.append(node)
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return found


def _json(data: Any) -> bytes:
    return json.dumps(data).encode()


def mutated(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    """One variant of ``data`` (bytes as sent) and the values no error may repeat."""
    kind = draw(st.sampled_from(sorted(_MUTATIONS)))
    raw, planted = _MUTATIONS[kind](copy.deepcopy(data), draw)
    return raw, values_in(data) | planted


def _bad_date(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    dates = [(node, key) for node, key, value in _leaves(data) if isinstance(value, str) and _DAY.fullmatch(value)]
    bad = draw(st.sampled_from(["1977-07-07T10:00:00", "20261121", "2026-W47-6", "2015-02-30", "07/07/1977",
                                "1977-07-07 ", "0999-07-07", "+12345-01-01"]))
    if not dates:
        data.setdefault("person", {})["date_of_birth"] = bad
    else:
        node, key = draw(st.sampled_from(dates))
        node[key] = bad
    return _json(data), {bad.strip()}


def _unknown_field(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    draw(st.sampled_from(_mappings(data)))["shoe_size"] = f"{SECRET} {MARKER}"
    return _json(data), {SECRET}


def _wrong_type(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    leaves = [(n, k) for n, k, v in _leaves(data) if isinstance(v, bool | int) and not isinstance(n, list)]
    if not leaves:
        data["person"] = f"{SECRET}"
    else:
        node, key = draw(st.sampled_from(leaves))
        node[key] = f"{SECRET}-{node[key]}"
    return _json(data), {SECRET}


def _bad_word(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    words = [(n, k) for n, k, v in _leaves(data) if k in ("trigger", "kind", "court", "route") and isinstance(n, dict)]
    if not words:
        data["disposals"] = [{"id": "d0", "trigger": SECRET}]
    else:
        node, key = draw(st.sampled_from(words))
        node[key] = SECRET
    return _json(data), {SECRET}


def _before_birth(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    data["person"] = {"date_of_birth": "1977-07-07"}
    data["disposals"] = [{"id": "d0", "trigger": "conviction", "relevant_date": "1970-01-01",
                          "offence": {"description": f"{MARKER} indecent assault"}}]
    return _json(data), {"1977-07-07", "1970-01-01"}


def _duplicate_key(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    text = json.dumps(data)
    text = "{" + '"person": {"date_of_birth": "1990-01-15", "date_of_birth": "2010-01-15"}, ' + text[1:] \
        if "person" not in data else text.replace('"person": {', '"person": {"date_of_birth": "1990-01-15", ', 1)
    return text.encode(), {"1990-01-15", "2010-01-15"}


def _not_utf8(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    raw = _json(data)
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + b"\xff\xfe\xc3" + raw[at:], set()


def _structural(data: dict[str, Any], draw: Draw) -> tuple[bytes, set[str]]:
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 7))
    choice = draw(st.sampled_from(["bomb", "deep_json", "deep_yaml", "too_many", "too_big", "not_mapping",
                                   "empty", "two_documents", "nan"]))
    return {
        "bomb": lambda: bomb.encode(),
        "deep_json": lambda: ("[" * 10000 + "]" * 10000).encode(),
        "deep_yaml": lambda: ("- " * 5000 + "x").encode(),
        "too_many": lambda: _json({"disposals": [{"id": f"d{i}", "trigger": "caution"}
                                                for i in range(MAX_ITEMS["disposals"] + 1)]}),
        "too_big": lambda: b'{"case_id": "' + b"x" * (MAX_CASE_BYTES + 10) + b'"}',
        "not_mapping": lambda: b"- a\n- b\n",
        "empty": lambda: b"   \n",
        "two_documents": lambda: b"person: {}\n---\nperson: {}\n",
        "nan": lambda: b'{"person": {}, "disposals": [{"id": "d0", "trigger": "caution", "offence": '
                       b'{"victim_age": NaN}}]}',
    }[choice](), set()


_MUTATIONS: dict[str, Callable[[dict[str, Any], Draw], tuple[bytes, set[str]]]] = {
    "bad_date": _bad_date,
    "unknown_field": _unknown_field,
    "wrong_type": _wrong_type,
    "bad_word": _bad_word,
    "before_birth": _before_birth,
    "duplicate_key": _duplicate_key,
    "not_utf8": _not_utf8,
    "structural": _structural,
}
