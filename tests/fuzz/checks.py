"""The invariants the fuzz suite checks on one case, shared by the small profile (pytest) and the long one.

* every question and ``assess`` answer a valid case without raising;
* an undetermined decision names a missing fact that would decide it, or says in ``undecidable`` why none would;
* the same input gives byte-identical JSON;
* monotone in facts: supplying an optional fact that was missing never turns a decided answer undetermined, unless
  the decision then says why (``undecidable``: a conflict, an open question, ...) or the fact displaces a status
  the case states, which the answer without it followed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from mappa_rules import QUESTIONS, Case, Decision, assess
from mappa_rules.facts import Case as CaseModel


@dataclass
class Finding:
    """One broken invariant: what, for which question, and the input that shows it."""

    kind: str
    question: str
    detail: str
    data: dict[str, Any]
    as_of: date


@dataclass
class Result:
    decisions: dict[str, Decision] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0


def answer_all(case: Case, data: dict[str, Any], as_of: date) -> Result:
    """Every question and ``assess`` for one case, with the invariants checked on each decision."""
    result = Result()
    started = time.process_time()
    for name, question in QUESTIONS.items():
        try:
            result.decisions[name] = question(case, as_of, None)
        except Exception as exc:  # the invariant: never raised
            result.findings.append(Finding("crash", name, f"{type(exc).__name__}: {exc}", data, as_of))
    try:
        both = assess(case, as_of)
    except Exception as exc:
        result.findings.append(Finding("crash", "assess", f"{type(exc).__name__}: {exc}", data, as_of))
        both = {}
    result.seconds = time.process_time() - started
    for name, decision in result.decisions.items():
        if not decision.decided and not decision.missing and not decision.undecidable:
            result.findings.append(Finding("no_reason", name, "undetermined, naming no fact and no reason", data,
                                           as_of))
    for name, decision in both.items():
        if decision.model_dump_json() != result.decisions[name].model_dump_json():
            result.findings.append(Finding("assess_differs", name, "assess gave another decision", data, as_of))
    return result


def check_deterministic(case: Case, data: dict[str, Any], as_of: date, first: Result) -> list[Finding]:
    """The same case again, rebuilt from its data: byte-identical JSON for every question."""
    again = CaseModel.model_validate(data)
    found = []
    for name, decision in first.decisions.items():
        if QUESTIONS[name](again, as_of, None).model_dump_json() != decision.model_dump_json():
            found.append(Finding("not_deterministic", name, "a second run gave other JSON", data, as_of))
    return found


RECORDS = frozenset({("Order", "ceased_on"), ("Interval", "end"), ("Stated", "notification"),
                     ("Stated", "mappa_category"), ("Stated", "supervision"), ("Disposal", "trial_concluded_on"),
                     ("ReviewApplication", "appeal")})
"""Fields whose absence is itself a fact, as the case format documents them (like the lists): an order with no
``ceased_on`` has not ceased, an interval with no ``end`` continues, a finding of disability with no
``trial_concluded_on`` has had no later trial (s.82(5)), a refused application with no ``appeal`` was not appealed
(s.91E), and a status the case does not state (``stated.*``) leaves the answer to the case's events, as a disposal
not listed does. Giving one adds an event or a source rather than supplying a fact that was unknown."""


def optional_facts(
    model: type[BaseModel], data: dict[str, Any], path: tuple[Any, ...] = ()
) -> Iterator[tuple[Any, ...]]:
    """The paths of the optional facts given in ``data`` (fields whose default is None: unknown), lists included
    item by item; a list itself is a record, not a fact that can be missing (nor are :data:`RECORDS`)."""
    for name, info in model.model_fields.items():
        if name not in data or data[name] is None:
            continue
        value, where = data[name], (*path, name)
        if info.default is None and not info.is_required() and (model.__name__, name) not in RECORDS:
            yield where
        for sub in _models(info.annotation):
            if isinstance(value, dict) and (value.get("kind") in _kinds(sub) or not _kinds(sub)):
                yield from optional_facts(sub, value, where)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        yield from optional_facts(sub, item, (*where, i))


def _models(annotation: Any) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _kinds(model: type[BaseModel]) -> tuple[Any, ...]:
    import typing

    kind = model.model_fields.get("kind")
    return typing.get_args(kind.annotation) if kind is not None else ()


def without(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    """A copy of ``data`` with the fact at ``path`` left out (unknown)."""
    import copy

    out = copy.deepcopy(data)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return out


def names_a_conflict(decision: Decision) -> bool:
    """The decision says why no fact would settle it (``undecidable``), or names a conflict between facts: today a
    conflict between an offence id's catalogue entry and the caller's schedule flag is a warning
    (``offences.conflict.*``)."""
    return bool(decision.undecidable) or any(".conflict." in w.code for w in decision.warnings)


def displaced_statement(full: Decision, fewer: Decision) -> bool:
    """The answer without the fact follows a status the case states (a reason marked ``stated``) that the fact
    displaces: a statement stands until a fact given ends it (a stated Category 3 while the Responsible Authority's
    judgements stand, say), so supplying that fact reopens the question, by design."""
    kept = {r.rule_id for r in full.reasons if r.stated}
    return any(r.stated and r.rule_id not in kept for r in fewer.reasons)


def check_monotone(data: dict[str, Any], as_of: date, full: Result, path: tuple[Any, ...]) -> list[Finding]:
    """With the fact at ``path`` left out, no question may be decided that the full case leaves undetermined
    without saying why."""
    from pydantic import ValidationError

    try:
        fewer = CaseModel.model_validate(without(data, path))
    except ValidationError:
        return []  # the fact cannot be left out on its own (another field depends on it)
    found = []
    for name, decision in full.decisions.items():
        if decision.decided or names_a_conflict(decision):
            continue
        try:
            less = QUESTIONS[name](fewer, as_of, None)
        except Exception as exc:
            found.append(Finding("crash", name, f"{type(exc).__name__}: {exc}", without(data, path), as_of))
            continue
        if less.decided and not displaced_statement(decision, less):
            where = ".".join(str(p) for p in path)
            found.append(Finding("not_monotone", name, f"decided without {where}, undetermined with it", data,
                                 as_of))
    return found
