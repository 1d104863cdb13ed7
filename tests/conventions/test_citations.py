"""Citations that read right: each names one provision of one instrument (further instruments are listed under
``citations``), and the loader refuses one that does not, naming the file, the item and the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mappa_rules.engine import RuleBook, RulesetError
from mappa_rules.rulebook import load_rulebook, ruleset_root
from tests.conventions.sources import ruleset_files

CONVENTIONS_TESTED_FOR_EFFECT = (
    "time.conventions.missing_corresponding_day",
    "time.conventions.half_period_mode",
    "time.conventions.partial_day_disregard",
    "notification.travel.trip_days_inclusive",
    "notification.travel.seven_days_counting",
    "notification.travel.hours_before_date",
    "notification.travel.return_day_excluded",
    "notification.periodic.restart_on_prescribed_change",
    "notification.review.within_excludes_day",
    "notification.review.relevant_notification_includes_soa1997",
    "orders.regimes.already_subject_on_day_made",
)
"""The conventions the library computes both ways (``legal_time.conventions.sensitive`` and the orders' same-day
test): each must declare the alternative it is compared with."""


@pytest.mark.parametrize(("provision", "reason"), [
    ("s.84(1); SOA 2003 s.85", "names another instrument (SOA)"),
    ("s.84(1) (lettering believed (ca))", "states a doubt"),
    ("s.84(1); SI 2012/1876 reg 11", "names SI 2012/1876, which is not the instrument linked"),
    ("s.84(1) of the Act", "names another instrument (Act)"),
])
def test_a_provision_that_names_another_instrument_or_a_doubt_is_a_ruleset_error(
    tmp_path: Path, provision: str, reason: str
) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(ruleset_root(), root)
    path = root / "notification" / "change.yaml"
    text = path.read_text(encoding="utf-8")
    cited = 'provision: "s.84(1)(ca), (5A)"'  # first in the file: the parameter's citation
    assert cited in text
    path.write_text(text.replace(cited, f"provision: {provision!r}", 1), encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_rulebook(root)
    assert info.value.file == "notification/change.yaml"
    assert info.value.item == "notification.change.prescribed_information_days"
    assert reason in info.value.reason


def test_two_instruments_in_one_citation_is_a_ruleset_error(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(ruleset_root(), root)
    path = root / "orders" / "predecessor.yaml"
    text = path.read_text(encoding="utf-8")
    cited = "citation: {instrument: Sexual Offences Act 2003, provision: \"s.117(1)\""  # first: the parameter's
    assert cited in text
    path.write_text(text.replace(cited, 'citation: {instrument: "Sexual Offences Act 2003; Policing and Crime Act '
                                        '2009", provision: "s.117(1); s.24"', 1), encoding="utf-8")
    with pytest.raises(RulesetError, match="names more than one instrument") as info:
        load_rulebook(root)
    assert info.value.item == "orders.predecessor.fto.max_months"


def test_no_citation_calls_a_convention_an_instrument() -> None:
    """A declared convention cites the words it reads (and says ``convention: true``), not 'Declared convention'."""
    found = [
        f"{file.relative}: {item.get('id')}"
        for file in ruleset_files()
        for item in [*(file.data.get("parameters") or []),
                     *(r for g in file.data.get("groups") or [] for r in g["rules"])]
        for cited in [item["citation"], *(item.get("citations") or [])]
        if cited["instrument"].strip().lower() == "declared convention"
    ]
    assert not found, found


def test_every_further_citation_adds_something(book: RuleBook) -> None:
    """A further citation is never the primary one again."""
    repeated = [
        ident for ident, primary, further in [
            *((p.id, p.citation, p.citations) for p in book.parameters.values()),
            *((r.id, r.citation, r.citations) for r in book.rules()),
        ]
        if any((c.instrument, c.provision) == (primary.instrument, primary.provision) for c in further)
    ]
    assert not repeated, repeated


def test_conventions_computed_both_ways_declare_their_alternatives(book: RuleBook) -> None:
    for ident in CONVENTIONS_TESTED_FOR_EFFECT:
        parameter = book.parameter(ident)
        assert parameter.convention and parameter.alternatives, ident
