"""Evaluation on the toy postage rules: first match by precedence, undetermined groups that name the missing facts,
warnings for unverified rules and parameters, rules tried only while in force, and the decision builder."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mappa_rules.decision import Outcome, TypedValue
from mappa_rules.engine import DecisionBuilder, GroupResult, RuleBook, Scope, evaluate_group
from tests.engine.toy import PARCEL, load

DAY = date(2012, 6, 1)


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load()


def _run(book: RuleBook, day: date = DAY, **parcel: Any) -> tuple[Scope, GroupResult, GroupResult]:
    scope = Scope(book, day, PARCEL, None, dict(parcel))
    band = evaluate_group(book.group("postage.band"), scope)
    price = evaluate_group(book.group("postage.price"), scope)
    return scope, band, price


def test_the_first_rule_that_holds_decides_and_later_groups_read_its_outputs(book: RuleBook) -> None:
    scope, band, price = _run(book, weight_kg=30, destination="abroad", fragile=True, declared_value=100)
    assert band.fired is not None and band.fired.id == "postage.band.heavy"
    assert price.fired is not None and price.fired.id == "postage.price.abroad_heavy"
    assert scope.lookup("postage.band.band") == "heavy" and scope.lookup("postage.price.price") == 30
    reason = price.reason("parcel 1")
    assert reason.explanation == "A heavy parcel to abroad costs 30."
    assert reason.subject == "parcel 1" and reason.facts["destination"] == "abroad"


def test_a_parameter_is_read_as_at_the_scope_date(book: RuleBook) -> None:
    assert _run(book, date(2009, 1, 1), weight_kg=22)[1].outputs == {"band": "heavy"}
    assert _run(book, date(2011, 1, 1), weight_kg=22)[1].outputs == {"band": "light"}


def test_a_rule_out_of_force_is_passed_over(book: RuleBook) -> None:
    _, _, price = _run(book, date(2016, 1, 1), weight_kg=30, destination="abroad", fragile=False)
    assert price.fired is not None and price.fired.id == "postage.price.standard"


def test_an_unknown_fact_that_could_change_the_answer_leaves_the_group_undetermined(book: RuleBook) -> None:
    scope, band, price = _run(book, destination="abroad", fragile=True, declared_value=10)
    assert not band.decided and band.missing() == ["parcel.weight_kg"]
    assert not price.decided and price.missing() == ["parcel.weight_kg"]
    assert scope.gaps_of(["postage.price.price"]) == ("parcel.weight_kg",)


def test_an_unknown_fact_that_cannot_change_the_answer_does_not_block(book: RuleBook) -> None:
    """False and unknown is false (Kleene): a light parcel's unknown destination does not stop the price."""
    _, band, price = _run(book, weight_kg=2, fragile=False)
    assert band.decided and price.decided
    assert price.fired is not None and price.fired.id == "postage.price.standard"


def test_reliance_on_an_unverified_rule_or_parameter_is_warned_once(book: RuleBook) -> None:
    scope, _, price = _run(book, weight_kg=2, destination="home", fragile=True, declared_value=50)
    assert price.fired is not None and price.fired.id == "postage.price.fragile"
    assert list(scope.warnings) == ["postage.price.fragile"]
    scope.param("postage.fragile_surcharge")
    scope.param("postage.fragile_surcharge")
    assert list(scope.warnings) == ["postage.price.fragile", "postage.fragile_surcharge"]
    assert scope.warnings["postage.fragile_surcharge"].message == (
        "Relies on a provision whose text is not confirmed: The surcharge for a fragile parcel (value used: 5).")
    scope.param("postage.weighing")
    assert scope.warnings["postage.weighing"].message.startswith("Relies on a declared convention (the law's words")


def test_reliance_on_a_secondary_parameter_is_listed_not_warned(book: RuleBook) -> None:
    """A parameter that is not verified text but not in doubt either (secondary, derived) is listed under
    ``relied_on``, once, with its status, citation and the value used; verified parameters are not listed."""
    scope, _, _ = _run(book, weight_kg=30, destination="home", fragile=False)
    assert scope.param("postage.days_to_deliver") == scope.param("postage.days_to_deliver") == 3
    assert "postage.days_to_deliver" not in scope.warnings
    assert list(scope.warnings.relied_on) == ["postage.days_to_deliver"]
    reliance = scope.warnings.relied_on["postage.days_to_deliver"]
    assert (reliance.status.value, reliance.value, reliance.citation.instrument) == ("secondary", 3,
                                                                                      "Toy Postal Guidance")
    builder = DecisionBuilder("postage.price", DAY, book, warnings=scope.warnings)
    decision = builder.build(Outcome.YES, {}, {})
    assert [r.id for r in decision.relied_on] == ["postage.days_to_deliver"]
    scope.warn("postage.days_to_deliver", "now in doubt")
    assert builder.build(Outcome.YES, {}, {}).relied_on == []  # a warning supersedes the listing


def test_a_reason_carries_its_rules_further_citations(book: RuleBook) -> None:
    _, _, price = _run(book, weight_kg=30, destination="abroad", fragile=True, declared_value=100)
    reason = price.reason()
    assert reason.citation.provision and [c.provision for c in reason.citations] == ["s.4"]


def test_what_the_machinery_derives_is_remembered_once_per_scope(book: RuleBook) -> None:
    scope = Scope(book, DAY, PARCEL, None, {})
    calls: list[date] = []

    def derive(s: Scope) -> date:
        calls.append(s.as_at)
        return s.as_at

    assert scope.remember("day", derive) == scope.remember("day", derive) == DAY
    assert calls == [DAY]


class Price(TypedValue):
    price: int | None


def test_the_builder_keeps_the_reasons_and_reports_missing_facts_only_when_undetermined(book: RuleBook) -> None:
    builder = DecisionBuilder("postage.price", DAY, book)
    _, band, price = _run(book, destination="home", fragile=True, declared_value=10)
    assert builder.record(band, "p") is False
    assert [(m.fact, m.needed_for) for m in builder.missing] == [("parcel.weight_kg", "postage.band.heavy")]
    undetermined = builder.build(Outcome.UNDETERMINED, Price.model_construct(price=None), {})
    assert [m.fact for m in undetermined.missing] == ["parcel.weight_kg"]
    decided = DecisionBuilder("postage.price", DAY, book)
    _, band, price = _run(book, weight_kg=1, destination="home", fragile=False)
    decided.record(band, "p")
    decided.record(price, "p")
    answer = decided.build(Outcome.YES, Price.model_construct(price=8), {"posted": DAY})
    assert [r.rule_id for r in answer.reasons] == ["postage.band.light", "postage.price.standard"]
    assert answer.missing == [] and answer.ruleset_version == book.version
    assert answer.model_dump()["value"] == {"price": 8} and answer.value.price == 8
