"""Bounded YAML reading, for rulesets and for cases: the safe loader only, duplicate keys refused, and the size of
the document (after its aliases are expanded) and its nesting checked on the parser's events before anything is
built, so that an alias bomb or a deeply nested document is refused quickly and in bounded memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError

__all__ = ["YamlLimits", "YamlProblem", "load_yaml"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,63}")


@dataclass(frozen=True)
class YamlLimits:
    """How large a document may be: values after aliases are expanded, and levels of nesting."""

    max_nodes: int
    max_depth: int


class YamlProblem(ValueError):
    """A document that cannot be read: the reason, and the line it was found at (1-based) when known. The message
    never repeats the document's content."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason, self.line = reason, line
        super().__init__(reason if line is None else f"{reason} (line {line})")


def key_name(key: object) -> str:
    """A mapping key as an error may name it: a plain name as written, anything else only as 'a key'."""
    return f"'{key}'" if isinstance(key, str) and _NAME.fullmatch(key) else "a key"


class _KeyProblem(ConstructorError):
    """A mapping key given twice, or one that is not a plain value."""


class _NoDuplicates(_Base):  # type: ignore[misc]
    """The safe loader, refusing a mapping that gives the same key twice (the later one would silently win)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:
                    raise _KeyProblem(None, None, "a mapping key is not a plain value", key_node.start_mark) from None
                if duplicate:
                    raise _KeyProblem(None, None, f"the key {key_name(key)} is given twice", key_node.start_mark)
        return super().construct_mapping(node, deep)


class _TextDates(_NoDuplicates):
    """As :class:`_NoDuplicates`, leaving dates as text (so that a model can name a bad date's field)."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def load_yaml(text: str | bytes, limits: YamlLimits, *, dates_as_text: bool = False) -> Any:
    """Parse one YAML (or JSON) document within ``limits``; :class:`YamlProblem` says what is wrong and where."""
    _check_events(text, limits)
    loader = _TextDates if dates_as_text else _NoDuplicates
    try:
        return yaml.load(text, Loader=loader)
    except _KeyProblem as exc:
        raise YamlProblem(str(exc.problem), _line(exc)) from None
    except ConstructorError as exc:
        raise YamlProblem("not valid YAML: a tag or value the safe loader does not read", _line(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("not valid YAML or JSON", _line(exc)) from None
    except RecursionError:  # pragma: no cover - the event check bounds the nesting first
        raise YamlProblem(f"nested more than {limits.max_depth} levels deep") from None


def _line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


def _event_line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return None if mark is None else int(mark.line) + 1


def _check_events(text: str | bytes, limits: YamlLimits) -> None:
    """Walk the parser's events (no objects are built): count the values an alias stands for as often as it is
    used, and the depth of nesting, stopping at the first limit passed."""
    loader = _Base(text)
    sizes: dict[str, int] = {}
    open_at: list[tuple[str | None, int]] = []
    total = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                total += sizes.get(event.anchor or "", 1)
            elif isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                total += 1
                open_at.append((event.anchor, total))
                if len(open_at) > limits.max_depth:
                    raise YamlProblem(f"nested more than {limits.max_depth} levels deep", _event_line(event))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                anchor, started = open_at.pop()
                if anchor:
                    sizes[anchor] = total - started + 1
            if total > limits.max_nodes:
                raise YamlProblem(f"more than {limits.max_nodes} values (aliases expanded)", _event_line(event))
    except yaml.YAMLError as exc:
        if getattr(exc, "problem", None) == _LIBYAML_TOO_DEEP:  # libyaml's own cap, met before ours when scanning ahead
            raise YamlProblem(f"nested more than {limits.max_depth} levels deep", _line(exc)) from None
        raise YamlProblem("not valid YAML or JSON", _line(exc)) from None
    finally:
        loader.dispose()
