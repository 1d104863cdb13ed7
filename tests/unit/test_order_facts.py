"""Impossible order facts are input errors naming the field; facts that are merely unlawful are not."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from mappa_rules import Case


def _case(**order: Any) -> Case:
    return Case.model_validate({"orders": [{"id": "s1", "kind": "shpo", "made": "2021-01-10", **order}]})


@pytest.mark.parametrize(("field", "value"), [
    ("served", "2021-01-01"),
    ("ceased_on", "2020-12-31"),
    ("breach_date", "2021-01-09"),
    ("conviction_date", "2021-01-11"),
    ("application_date", "2021-02-01"),
])
def test_an_order_cannot_end_or_be_served_before_it_was_made(field: str, value: str) -> None:
    with pytest.raises(ValidationError, match=field):
        _case(**{field: value})


def test_a_term_cannot_take_effect_before_the_order_was_made() -> None:
    with pytest.raises(ValidationError, match="takes_effect"):
        _case(terms=[{"id": "t", "kind": "prohibition", "period": {"years": 5}, "takes_effect": "2021-01-01"}])


def test_a_term_until_further_order_has_no_fixed_period() -> None:
    with pytest.raises(ValidationError, match="until further order"):
        _case(terms=[{"id": "t", "kind": "prohibition", "duration": "until_further_order", "period": {"years": 5}}])


def test_ids_are_unique() -> None:
    with pytest.raises(ValidationError, match="used twice"):
        _case(terms=[{"id": "t", "kind": "prohibition"}, {"id": "t", "kind": "requirement"}])
    with pytest.raises(ValidationError, match="used twice"):
        Case.model_validate({"orders": [{"id": "a", "kind": "sro"}, {"id": "a", "kind": "shpo"}]})


def test_a_breach_date_contradicts_breached_false() -> None:
    with pytest.raises(ValidationError, match="breached is false"):
        _case(breached=False, breach_date="2022-01-01")


def test_an_unlawful_term_is_accepted_as_a_fact() -> None:
    case = _case(terms=[{"id": "t", "kind": "foreign_travel_prohibition", "period": {"years": 50}}])
    assert case.orders[0].terms[0].period is not None
