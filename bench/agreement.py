"""How often the hand-written contender gives the library's answer on a set of cases (outcome and key values)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from mappa_rules import Case, assess

from . import handwritten


def key_library(decisions: dict[str, Any]) -> dict[str, Any]:
    period, category = decisions["notification-period"], decisions["category"]
    return {
        "period.outcome": period.outcome.value,
        "period.subject": period.value.get("subject"),
        "period.subject_on_as_of": period.value.get("subject_on_as_of"),
        "period.indefinite": period.value.get("indefinite"),
        "period.controlling": period.value.get("controlling_disposal"),
        "period.dates": {k: v for k, v in period.dates.items() if k in ("relevant_date", "period_last_day")},
        "category.outcome": category.outcome.value,
        "category.category": category.value.get("category"),
        "category.categories": category.value.get("categories"),
    }


def key_handwritten(answers: dict[str, handwritten.Answer]) -> dict[str, Any]:
    period, category = answers["notification-period"], answers["category"]
    return {
        "period.outcome": period.outcome,
        "period.subject": period.value.get("subject"),
        "period.subject_on_as_of": period.value.get("subject_on_as_of"),
        "period.indefinite": period.value.get("indefinite"),
        "period.controlling": period.value.get("controlling_disposal"),
        "period.dates": period.dates,
        "category.outcome": category.outcome,
        "category.category": category.value.get("category"),
        "category.categories": category.value.get("categories"),
    }


def compare(cases: list[Case], as_of: date) -> tuple[int, Counter[str], list[tuple[int, str, Any, Any]]]:
    """(cases agreeing on every key, disagreements by key, the first few disagreements)."""
    agree, by_key = 0, Counter[str]()
    samples: list[tuple[int, str, Any, Any]] = []
    for i, case in enumerate(cases):
        lib, hand = key_library(assess(case, as_of)), key_handwritten(handwritten.assess(case, as_of))
        wrong = [k for k in lib if lib[k] != hand[k]]
        if not wrong:
            agree += 1
        for k in wrong:
            by_key[k] += 1
            if len(samples) < 20:
                samples.append((i, k, lib[k], hand[k]))
    return agree, by_key, samples
