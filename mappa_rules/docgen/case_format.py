"""The case-format reference, ``docs/reference/case-format.md``: every field a case may give, by its path, with its
type, allowed values, meaning and an example, read from the case model's exported JSON Schema (so it cannot
drift from what the library accepts). Each example value is taken from the bundled examples (``examples/``) or
the casebook where one of them gives the field, else made from the type."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..schemas import exported_schema, schema_version
from . import markdown as md
from .sources import Sources, _yaml

__all__ = ["CASE_FORMAT_PAGE", "case_format", "field_rows"]

CASE_FORMAT_PAGE = "docs/reference/case-format.md"
_REF = "#/$defs/"
_MAX_EXAMPLE = 60


@dataclass
class Row:
    """One field: its path in a case as shown, the key its example values are kept under, the schema node, and
    whether it must be given."""

    path: str
    key: str
    node: dict[str, Any]
    required: bool


@dataclass
class Section:
    """The fields of one object of the case (``disposals[].offence``), of one kind of a union, or of a model used in
    several places (``Term``)."""

    key: str
    heading: str
    about: str
    rows: list[Row] = field(default_factory=list)
    depth: int = 2

    @property
    def anchor(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.key.lower())
        while "--" in slug:
            slug = slug.replace("--", "-")
        return "case-" + slug.strip("-")


class _Schema:
    """The case schema, walked into sections; models used from several places get a section of their own."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.defs: dict[str, Any] = schema.get("$defs", {})
        uses: dict[str, int] = {}
        for model in [schema, *self.defs.values()]:
            for prop in model.get("properties", {}).values():
                for name in _refs(prop):
                    uses[name] = uses.get(name, 0) + 1
        self.shared = {name for name, n in uses.items() if n > 1}
        self.sections: list[Section] = []

    def walk(self) -> list[Section]:
        self._model(self.schema, "", "", "The case", 2)
        for name in sorted(self.shared):
            self._model(self.defs[name], name, "", f"{md.code(name)}, used in several places", 2)
        return self.sections

    def _model(self, model: Mapping[str, Any], key: str, shown: str, heading: str, depth: int) -> None:
        section = Section(key or "case", heading, str(model.get("description", "")), depth=min(depth, 4))
        self.sections.append(section)
        required = set(model.get("required", []))
        nested: list[tuple[str, str, dict[str, Any]]] = []
        for name, prop in model.get("properties", {}).items():
            path = f"{shown}.{name}" if shown else name
            lookup = f"{key}.{name}" if key else name
            section.rows.append(Row(path, lookup, prop, name in required))
            node, many = _strip(prop)
            suffix = "[]" if many else ""
            if "oneOf" in node or ((ref := _ref_name(node)) and ref not in self.shared):
                nested.append((path + suffix, lookup + suffix, node))
        for path, lookup, node in nested:
            if "oneOf" in node:
                self._union(path, lookup, node, depth + 1)
            else:
                self._model(self.defs[str(_ref_name(node))], lookup, path, md.code(path), depth + 1)

    def _union(self, path: str, lookup: str, node: Mapping[str, Any], depth: int) -> None:
        tag = node.get("discriminator", {}).get("propertyName", "kind")
        for choice in node["oneOf"]:
            model = self.defs[str(_ref_name(choice))]
            value = model["properties"][tag].get("const")
            self._model(model, f"{lookup}[{tag}={value}]", path, f"{md.code(path)} with {md.code(f'{tag}: {value}')}",
                        depth)

    def ref(self, name: str) -> Mapping[str, Any]:
        return dict(self.defs.get(name, {}))


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].removeprefix(_REF)
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _ref_name(node: Mapping[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.removeprefix(_REF) if isinstance(ref, str) else None


def _strip(prop: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """The field's node without its ``null`` alternative, and whether it is a list (then its item's node)."""
    node = dict(prop)
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
    if node.get("type") == "array":
        return dict(node.get("items", {})), True
    return node, False


def _nullable(prop: Mapping[str, Any]) -> bool:
    return any(o.get("type") == "null" for o in prop.get("anyOf", []))


def _scalar(node: Mapping[str, Any], link: Mapping[str, str]) -> str:
    """A node's type in words, with its allowed values."""
    if "const" in node:
        return f"always {md.literal(node['const'])}"
    if "enum" in node:
        return "one of " + ", ".join(md.literal(v) for v in node["enum"])
    if "oneOf" in node:
        tag = node.get("discriminator", {}).get("propertyName", "kind")
        return f"an object of one of {len(node['oneOf'])} kinds, told apart by {md.code(tag)} (see below)"
    if (ref := _ref_name(node)) is not None:
        anchor = link.get(ref)
        return md.link("an object", f"#{anchor}") + f" ({ref})" if anchor else "an object (see below)"
    kind = node.get("type")
    if kind == "string" and node.get("format") == "date":
        return "a date, YYYY-MM-DD"
    if kind == "string":
        return "text" + (" (not empty)" if node.get("minLength") else "")
    if kind == "integer":
        low, high = node.get("minimum"), node.get("maximum")
        bounds = f", {low} to {high}" if low is not None and high is not None else ""
        return "a whole number" + bounds
    if kind == "boolean":
        return "true or false"
    return md.text(str(kind or "any value"))


def _type(row: Row, link: Mapping[str, str]) -> str:
    node, many = _strip(row.node)
    text = _scalar(node, link)
    if many:
        most = row.node.get("maxItems")
        text = "a list, each " + text + (f"; at most {most}" if most is not None else "")
    if _nullable(row.node):
        text += ", or null"
    default = row.node.get("default")
    if default not in (None, [], {}) and not row.required:
        text += f"; default {md.literal(default)}"
    return ("**required**; " if row.required else "") + text


def _meaning(row: Row, schema: _Schema) -> str:
    if row.node.get("description"):
        return md.prose(str(row.node["description"]))
    node, _ = _strip(row.node)
    if "const" in node:
        return f"Says which kind this is: {md.literal(node['const'])}."
    ref = _ref_name(node)
    return md.prose(str(schema.ref(ref).get("description", ""))) if ref else ""


def _values(data: Any, section: str, sink: dict[str, list[Any]], schema: _Schema, node: Mapping[str, Any]) -> None:
    """Record each field value of ``data`` (a case, or part of one) under its path in the page's sections."""
    if not isinstance(data, dict):
        return
    properties = node.get("properties", {})
    for name, value in data.items():
        if name not in properties or value is None:
            continue
        path = f"{section}.{name}" if section else name
        sink.setdefault(path, []).append(value)
        child, many = _strip(properties[name])
        for item in (value if many and isinstance(value, list) else [value]):
            if "oneOf" in child and isinstance(item, dict):
                tag = child.get("discriminator", {}).get("propertyName", "kind")
                model = schema.ref(str(child.get("discriminator", {}).get("mapping", {}).get(item.get(tag), "")
                                       ).removeprefix(_REF))
                _values(item, f"{path}[{tag}={item.get(tag)}]", sink, schema, model)
            elif (ref := _ref_name(child)) is not None:
                key = ref if ref in schema.shared else path + ("[]" if many else "")
                _values(item, key, sink, schema, schema.ref(ref))


def _shown(value: Any) -> str | None:
    """A value as one line of YAML (flow style), or None if too long to show."""
    text = str(yaml.safe_dump([value], default_flow_style=True, sort_keys=False, width=10_000)).strip()
    text = text[1:-1].strip()
    return text if len(text) <= _MAX_EXAMPLE else None


def _made_up(node: Mapping[str, Any]) -> Any:
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    return {"boolean": True, "integer": node.get("minimum", 1) or 1, "string": "2024-01-31" if node.get("format")
            == "date" else "a"}.get(str(node.get("type")))


def _example(row: Row, seen: Mapping[str, list[Any]]) -> str:
    node, many = _strip(row.node)
    for value in seen.get(row.key, []):
        if (shown := _shown(value)) is not None:
            return md.code(shown)
    if many or _ref_name(node) or "oneOf" in node:
        return ""
    made = _made_up(node)
    return md.code(_shown(made)) if made is not None else ""


def field_rows(sources: Sources) -> list[tuple[Section, Row, str, str, str]]:
    """Every field of the page: its section, row, type, meaning and example (the page's content, for tests)."""
    schema = _Schema(exported_schema("case"))
    sections = schema.walk()
    link = {s.key: s.anchor for s in sections if s.key in schema.shared}
    seen: dict[str, list[Any]] = {}
    bundled = sorted((sources.root / "examples").glob("*.yaml"))
    cases = [_yaml(path) for path in bundled] + [e.data.get("case") for e in sources.examples]
    for case in cases:
        _values(case, "", seen, schema, schema.schema)
    anchors = {s.key: s.anchor for s in sections}
    return [(s, r, _type(r, link), _meaning(r, schema), _example(r, seen) or _see(r, anchors))
            for s in sections for r in s.rows]


def _see(row: Row, anchors: Mapping[str, str]) -> str:
    """For an object or a list too long to show: a link to the section of its fields."""
    key, ref = row.key, _ref_name(_strip(row.node)[0])
    if ref is not None and ref in anchors:
        return md.link("see its fields", f"#{anchors[ref]}")
    for section, anchor in anchors.items():
        if section in (key, key + "[]") or section.startswith((key + "[kind=", key + "[].")):
            return md.link("see its fields", f"#{anchor}")
    return ""


def case_format(sources: Sources) -> str:
    """The page."""
    schema = exported_schema("case")
    body = [
        "# Case format",
        "",
        "A **case** is everything known about one person, given as a YAML or JSON object: the input of every",
        "question. This page lists every field a case may give, by its path (`disposals[].offence.schedule3` is the",
        "field `schedule3` of the `offence` of each item of the list `disposals`), with its type and allowed values,",
        "what it means and an example taken from the bundled examples or the worked examples.",
        "",
        "* **Everything is optional** unless marked *required*, and a field left out, or given as `null`, is",
        "  **unknown**: never read as \"no\". A question that needs an unknown fact answers *undetermined* and names",
        "  the fact. A list left out is empty.",
        "* **Dates** are written `YYYY-MM-DD`. **Lengths** (a sentence's term, an order's period) are objects of",
        "  `years`, `months`, `weeks` and `days`, as pronounced: `{months: 18}`.",
        "* **No other field is allowed**: a misspelt field is an error naming it, never ignored.",
        f"* The JSON Schema of this format is version {schema_version('case')}, "
        f"{md.code(schema['$id'])} (see [Versioning](../versioning.md)); print it with `mappa-rules schema case`.",
        "",
        "Bundled examples to start from are in `examples/` (each says which questions to ask), and every worked",
        "example in the [casebook](../casebook/index.md) shows its case as YAML that runs as it is.",
    ]
    rows = field_rows(sources)
    sections = {id(s): s for s, *_ in rows}
    for section in sections.values():
        mine = [(r, t, m, e) for s, r, t, m, e in rows if s is section]
        body += ["", f"{'#' * section.depth} {section.heading} {{#{section.anchor}}}", ""]
        if section.about:
            body.append(md.prose(section.about))
        body += md.table(["Field", "Type and allowed values", "Meaning", "Example"],
                         [[md.code(r.path), t, m, e] for r, t, m, e in mine])
    return md.page("Case format", "the case model (mappa_rules/facts/)", body)
