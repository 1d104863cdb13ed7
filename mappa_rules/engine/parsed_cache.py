"""A cache of parsed ruleset files, so that a new process need not parse the same YAML again (the parse is most of
the cost of loading a rule book).

An entry is one JSON file named by a key: the SHA-256 of the ruleset files' paths and bytes, of the source of the
YAML reader and of the limits it applied, and the cache's format. A changed ruleset, or a changed reading of YAML,
gives another key, so an entry is never stale; what is read back is checked and validated as a freshly parsed file
would be (schema, conditions, citations). Only plain data is kept (mappings with text keys, lists, text, numbers,
booleans, null and dates, tagged); anything else is simply not cached. Nothing in an entry is executed.

The cache is best effort: an entry that cannot be read (missing, unreadable, owned by another user, not valid) is
ignored, and one that cannot be written (no such folder, not writable) is not written; the files are then parsed as
if there were no cache.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

__all__ = ["cache_key", "read_entry", "write_entry"]

FORMAT = 1
"""The layout of an entry; part of the key."""

KEEP = 8
"""Entries kept per name: a few versions of the rulesets side by side (another checkout, another ruleset folder)."""

_DATE = "$date"
_READER = Path(__file__).with_name("yaml_reader.py")


def cache_key(files_digest: str, limits: object) -> str | None:
    """The key of the entry for ruleset files whose paths and bytes hash to ``files_digest``, read within
    ``limits``; None when the YAML reader's source cannot be read (then nothing is cached)."""
    try:
        reader = _READER.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{yaml.__version__}\0{limits!r}\0{files_digest}\0".encode())
    digest.update(reader)
    return digest.hexdigest()


def read_entry(directory: Path | None, key: str | None, name: str) -> dict[str, Any] | None:
    """The parsed files kept under ``key`` for ``name`` (their path -> their data), or None."""
    if directory is None or key is None:
        return None
    path = directory / f"{name}-{key}.json"
    try:
        with path.open("rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # written by someone else: not trusted
            entry = json.loads(handle.read(), object_hook=_decode)
    except (OSError, ValueError, RecursionError):
        return None
    if not (isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("files"), dict)):
        return None
    files: dict[str, Any] = entry["files"]
    return files


def write_entry(directory: Path | None, key: str | None, name: str, files: Mapping[str, Any]) -> None:
    """Keep ``files`` (path -> parsed data) under ``key``, if they are plain data and the folder can be written
    (the file is replaced whole, so that a reader never sees half of it)."""
    if directory is None or key is None or not all(_plain(data) for data in files.values()):
        return
    try:
        text = json.dumps({"key": key, "files": files}, default=_encode, ensure_ascii=False, allow_nan=False)
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, directory / f"{name}-{key}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(directory, name)
    except (OSError, ValueError, TypeError):
        return


def _prune(directory: Path, name: str) -> None:
    """Keep the newest :data:`KEEP` entries of ``name`` (older rulesets are not read again)."""
    entries = sorted(directory.glob(f"{name}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _plain(data: Any, depth: int = 0) -> bool:
    """Data that JSON (with tagged dates) gives back exactly."""
    if depth > 200:
        return False
    if data is None or isinstance(data, (str, bool, int)):
        return True
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, date):
        return not isinstance(data, datetime)
    if isinstance(data, list):
        return all(_plain(item, depth + 1) for item in data)
    if isinstance(data, dict):
        return _DATE not in data and all(
            isinstance(k, str) and _plain(v, depth + 1) for k, v in data.items())
    return False


def _encode(value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"not plain data: {type(value).__name__}")


def _decode(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and _DATE in mapping:
        return date.fromisoformat(mapping[_DATE])
    return mapping
