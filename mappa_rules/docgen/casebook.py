"""The worked examples: ``docs/casebook/index.md`` and one page per casebook file,
``docs/casebook/<area>/<topic>.md`` (a long file goes on over ``<topic>-part-2.md`` and so on), telling each
example's facts in plain words, giving its case as YAML to run as it is, then the answer and reasons the library
gave."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ..decision import Decision
from ..render import headline
from . import markdown as md
from .sources import Example, Sources, casebook_page

__all__ = ["casebook_index", "casebook_pages"]

_TERM_UNITS = ("years", "months", "weeks", "days")


_LABELS = {
    "schedule3": "Schedule 3",
    "schedule3_sentencing_condition": "listed only by its sentence (s.132)",
    "schedule15": "Schedule 15",
    "s327_4a": "s.327(4A)",
    "dealt_with_status_1997": "still being dealt with on 1 September 1997",
}


def _label(key: str) -> str:
    return _LABELS.get(key, key.replace("_", " "))


def _is_term(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and set(value) <= set(_TERM_UNITS)
        and all(isinstance(v, int) for v in value.values())
    )


def _term(value: Mapping[str, int]) -> str:
    parts = [f"{value[u]} {u if value[u] != 1 else u[:-1]}" for u in _TERM_UNITS if value.get(u)]
    return " ".join(parts) or "0 days"


_ENUM = re.compile(r"^[a-z][a-z0-9_]*$")
_IDENT = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_INDENT = "    "


def _word(value: Any) -> str:
    """One fact or answer value in plain words: an enumerated value reads as words, an id as code."""
    if isinstance(value, str) and _ENUM.match(value):
        return md.text(value.replace("_", " "))
    if isinstance(value, str) and _IDENT.match(value):
        return md.code(value)
    return md.words(value)


def _flat(value: Any) -> bool:
    """Whether a value is short and simple enough to be told on one line."""
    if _is_term(value) or not isinstance(value, dict | list):
        return True
    members = list(value.values()) if isinstance(value, dict) else value
    return all(_is_term(m) or not isinstance(m, dict | list) for m in members) and len(_compact(value)) <= 100


def _compact(value: Any) -> str:
    """A flat value on one line: a term as it is pronounced, a mapping as 'label value' pairs."""
    if _is_term(value):
        return _term(value)
    if isinstance(value, dict):
        items = dict(value)
        lead = [_word(items.pop("kind"))] if "kind" in items else []
        return ", ".join(lead + [f"{md.text(_label(str(k)))} {_compact(v)}" for k, v in items.items()])
    if isinstance(value, list):
        return ", ".join(_compact(v) for v in value) or "none"
    return _word(value)


def _bullets(value: Mapping[str, Any], indent: str = "", skip_unknown: bool = False) -> list[str]:
    """A mapping as a Markdown list: flat members on one line each, nested ones as nested lists."""
    lines: list[str] = []
    for key, member in value.items():
        if skip_unknown and member is None:
            continue
        label = md.text(_label(str(key)))
        if _flat(member):
            lines.append(f"{indent}* {label}: {_compact(member)}")
        elif isinstance(member, dict):
            flat, nested = _split(member, skip_unknown)
            lines.append(f"{indent}* {label}: {_compact(flat)}" if flat else f"{indent}* {label}:")
            lines += _bullets(nested, indent + _INDENT, skip_unknown)
        else:
            lines.append(f"{indent}* {label}:")
            lines += [line for item in member for line in _entry(item, indent + _INDENT, skip_unknown)]
    return lines


def _split(value: Mapping[str, Any], skip_unknown: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """A mapping's flat members (told on one line) and its nested ones."""
    flat = {k: v for k, v in value.items() if _flat(v) and not (skip_unknown and v is None)}
    return flat, {k: v for k, v in value.items() if not _flat(v)}


def _entry(item: Any, indent: str, skip_unknown: bool) -> list[str]:
    """One element of a list: its flat members on the bullet's line, anything nested beneath it."""
    if not isinstance(item, dict) or _flat(item):
        return [f"{indent}* {_compact(item)}"]
    flat, nested = _split(item, skip_unknown)
    return [f"{indent}* {_compact(flat) or '-'}", *_bullets(nested, indent + _INDENT, skip_unknown)]


def _facts(case: Mapping[str, Any]) -> list[str]:
    """The facts of a case in plain words: the person, then each disposal, then everything else."""
    if not case:
        return ["* No facts at all (an empty case)."]
    lines: list[str] = []
    for key, value in case.items():
        if key == "person" and isinstance(value, dict):
            born = value.get("date_of_birth")
            rest = {k: v for k, v in value.items() if k != "date_of_birth"}
            text = f"born {md.words(born)}" if born else "date of birth unknown"
            lines.append(f"* Person: {text}" + (f", {_compact(rest)}" if rest else "") + ".")
        elif key == "disposals" and isinstance(value, list):
            lines += [line for d in value for line in _disposal(d)] or ["* No disposals."]
        elif key == "risk" and isinstance(value, dict):
            lines.append(f"* Responsible Authority's judgements: {_compact(value)}.")
        elif isinstance(value, list):
            label = md.text(_label(key))
            lines += [f"* {label[:1].upper()}{label[1:]}:", *(e for i in value for e in _entry(i, _INDENT, False))]
        else:
            lines += _bullets({key: value})
    return lines


def _disposal(disposal: Mapping[str, Any]) -> list[str]:
    items = dict(disposal)
    ident, trigger, day = items.pop("id", "?"), items.pop("trigger", None), items.pop("relevant_date", None)
    head = f"* Disposal {md.code(ident)}: {_word(trigger) if trigger else 'trigger unknown'}"
    head += f" on {md.words(day)}" if day else " (relevant date unknown)"
    flat, nested = _split(items, skip_unknown=False)
    head += "".join(f"; {md.text(_label(str(k)))}: {_compact(v)}" for k, v in flat.items())
    return [head + ".", *_bullets(nested, _INDENT)]


def _answer(decision: Decision, link: md.Linker) -> list[str]:
    lines = [f"**Answer: {decision.outcome.value}** - {md.text(headline(decision))}", ""]
    if decision.dates:
        lines.append("* Key dates: " + "; ".join(f"{md.text(k)} {v.isoformat()}" for k, v in decision.dates.items()))
    lines += _bullets(decision.value.model_dump(), skip_unknown=True)
    if decision.reasons:
        lines += ["", "**Reasons**", ""]
        for number, reason in enumerate(decision.reasons, start=1):
            about = f"\\[{md.code(reason.subject)}\\] " if reason.subject else ""
            lines.append(
                f"{number}. {about}{md.text(reason.explanation)} - {link.rule(reason.rule_id)} "
                f"({reason.status.value}; {md.cite(reason.citation)})"
            )
    if decision.missing:
        lines += ["", "**Missing facts** (any of these would help decide it)", ""]
        missing = sorted(decision.missing, key=lambda m: (m.fact, m.needed_for))  # the engine's order varies
        lines += [f"* {md.code(m.fact)} (for {link.rule(m.needed_for)})" for m in missing]
    if decision.warnings:
        lines += ["", "**Warnings**", ""]
        warnings = sorted(decision.warnings, key=lambda w: w.code)
        lines += [f"* {link.rule(w.code)}: {md.text(w.message)}" for w in warnings]
    if decision.relied_on:
        lines += ["", "**Also relies on** (not warned): " + "; ".join(
            f"{link.rule(r.id)} = {md.literal(r.value)} ({r.status.value})" for r in decision.relied_on)]
    return lines


def _leading_comment(path: Path) -> str:
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines)


def casebook_index(sources: Sources) -> str:
    """The casebook's index: one row per file of worked examples, linked to its page."""
    body = [
        "# Worked examples",
        "",
        "The casebook (`tests/casebook/<area>/<topic>.yaml`), run through the library: one page per file, at",
        "the path of its topic, giving for each example the facts in plain words, the answer and the reasons",
        "it gave. The same examples are tests: `test_casebook.py` checks each answer against what the law",
        "gives.",
    ]
    for file, error in sources.unreadable_examples:
        body += ["", f'!!! failure "tests/casebook/{file} could not be read"', "", f"    {md.text(error)}"]
    rows = []
    for file, examples in _by_file(sources).items():
        questions = sorted({str(e.data.get("question")) for e in examples})
        rows.append([
            f"[{md.code(file.removesuffix('.yaml'))}]({casebook_page(file, 1).removeprefix('casebook/')})",
            ", ".join(md.code(q) for q in questions),
            str(len(examples)),
            md.text(_leading_comment(sources.root / "tests" / "casebook" / file)),
        ])
    body += md.table(["File", "Questions", "Examples", "About"], rows)
    return md.page("Worked examples", "tests/casebook/", body)


def _by_file(sources: Sources) -> dict[str, list[Example]]:
    files: dict[str, list[Example]] = {}
    for example in sources.examples:
        files.setdefault(example.file, []).append(example)
    return files


def casebook_pages(sources: Sources) -> dict[str, str]:
    """One page per casebook file, ``casebook/<area>/<topic>.md``, continued on ``<topic>-part-<n>.md`` when the
    file has more examples than one page holds (paths under ``docs/``)."""
    pages: dict[str, str] = {}
    for file, examples in _by_file(sources).items():
        parts: dict[int, list[Example]] = {}
        for example in examples:
            parts.setdefault(example.part, []).append(example)
        for part, chosen in parts.items():
            pages[casebook_page(file, part)] = _casebook_page(sources, file, chosen, parts)
    return pages


def _range(examples: list[Example]) -> str:
    """``examples 1-20``, or ``example 21`` for one."""
    if len(examples) == 1:
        return f"example {examples[0].number}"
    return f"examples {examples[0].number}-{examples[-1].number}"


def _casebook_page(sources: Sources, file: str, examples: list[Example], parts: Mapping[int, list[Example]]) -> str:
    here = examples[0].page
    link = sources.linker(here)
    questions = sorted({str(e.data.get("question")) for e in examples})
    shown = f" ({_range(examples)})" if len(parts) > 1 else ""
    body = [
        f"# Worked examples: {', '.join(md.code(q) for q in questions)}{md.text(shown)}",
        "",
        f"File `tests/casebook/{file}`. {md.text(_leading_comment(sources.root / 'tests' / 'casebook' / file))}",
        "",
        "Each example gives its case as YAML: save it as `case.yaml` and run the command on its first line.",
    ]
    if len(parts) > 1:
        pages = [md.link(_range(chosen), link.to(casebook_page(file, part)))
                 for part, chosen in parts.items()]
        body += ["", f"The examples of this file are on {len(parts)} pages: " + ", ".join(pages) + "."]
    for example in examples:
        body += [
            "",
            f"## {md.text(example.name)} {{#{example.anchor}}}",
            "",
            f"Question {md.code(example.data.get('question'))}, as at {md.words(example.data.get('as_of'))}.",
            "",
            *_facts(example.data.get("case") or {}),
            "",
            *_case_yaml(example),
            "",
        ]
        if example.decision is None:
            body += ['!!! failure "This example could not be run"', "", f"    {md.text(example.error or '')}"]
        else:
            body += _answer(example.decision, link)
    return md.page(f"Worked examples: {', '.join(questions)}{shown}", f"tests/casebook/{file}", body)


def _case_yaml(example: Example) -> list[str]:
    """The example's case as a YAML block that runs as it is, its first line the command to run it with."""
    question, as_of = example.data.get("question"), md.plain_yaml(example.data.get("as_of"))
    case = yaml.safe_dump(example.data.get("case") or {}, sort_keys=False, default_flow_style=None, width=110,
                          allow_unicode=True)
    return ["```yaml", f"# mappa-rules explain {question} case.yaml --as-of {as_of}", *case.splitlines(), "```"]
