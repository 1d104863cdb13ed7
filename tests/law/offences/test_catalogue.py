"""The offence catalogue: SOA 2003 Schedule 3 and CJA 2003 Schedule 15, entry by entry.

SOA 2003 s.80(1) and Sch 3: an offence triggers notification only if listed, and only where the paragraph's
conditions (victim's age, offender's age, sentence) are met. CJA 2003 s.327(3)(a) and Sch 15: the offences that
can make Category 2. https://www.legislation.gov.uk/ukpga/2003/42/schedule/3
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa_rules import Case, Outcome, default_rulebook, notification_period
from mappa_rules.decision import Status
from mappa_rules.offences import SCHEDULE_3, SCHEDULE_15, offence_catalogue
from mappa_rules.vocabulary import DISPOSAL_VALUES

BOOK = default_rulebook()
SCH3 = offence_catalogue(BOOK).listings[SCHEDULE_3]
SCH15 = offence_catalogue(BOOK).listings[SCHEDULE_15]
AS_OF = date(2026, 11, 21)
UNCONDITIONAL = sorted(
    i for i, listing in SCH3.items() if listing.condition is None and listing.entry.in_force.end is None
)
VICTIM_AGE = sorted(i for i, listing in SCH3.items() if listing.condition and "victim_age" in listing.condition.names)
S80_SENTENCES = [
    {"kind": "imprisonment", "term": {"months": 2}},
    {"kind": "fine"},
    {"kind": "community_order", "length": {"months": 3}},
    {"kind": "conditional_discharge", "period": {"months": 6}},
    {"kind": "hospital_order", "restriction_order": False},
    {"kind": "caution"},
]


def _case(offence: dict[str, Any], sentence: dict[str, Any], relevant: date = date(2020, 6, 1)) -> Case:
    return Case.model_validate({
        "person": {"date_of_birth": "1980-01-01"},
        "disposals": [{"id": "a", "trigger": "caution" if sentence["kind"] == "caution" else "conviction",
                       "relevant_date": relevant, "offence": offence, "sentence": sentence}],
    })


def test_every_entry_has_a_citation_dates_and_status() -> None:
    """No entry of either schedule is without its paragraph, a link to the text, in-force dates and a status.

    Citation: SOA 2003 Sch 3; CJA 2003 Sch 15. Status: verified (as a convention of the catalogue).
    """
    for listing in (*SCH3.values(), *SCH15.values()):
        entry = listing.entry
        assert entry.paragraph and entry.url.startswith("https://www.legislation.gov.uk/"), entry.offence
        assert listing.citation.provision.startswith(("Sch 3 para", "Sch 15 para")), entry.offence
        assert entry.in_force.start is not None and isinstance(entry.status, Status), entry.offence
    assert {listing.entry.part for listing in SCH15.values()} == {1, 2, 3}


def test_every_condition_refers_to_known_facts() -> None:
    """Every condition in the catalogue reads only facts that the library knows how to supply.

    Citation: SOA 2003 Sch 3 (the paragraphs' conditions). Status: derived.
    """
    for listing in (*SCH3.values(), *SCH15.values()):
        if listing.condition is not None:
            for name in listing.condition.names:
                assert name in DISPOSAL_VALUES or name.startswith("param."), (listing.entry.offence, name)


@settings(max_examples=60)
@given(st.sampled_from(UNCONDITIONAL), st.sampled_from(S80_SENTENCES))
def test_unconditional_entries_trigger_for_any_disposal(offence_id: str, sentence: dict[str, Any]) -> None:
    """An offence listed in Schedule 3 without conditions makes a relevant offender whatever the disposal s.80
    covers (conviction with any sentence but an absolute discharge, caution, finding).

    Citation: SOA 2003 s.80(1), Sch 3. Status: verified.
    """
    decision = notification_period(_case({"offence_id": offence_id}, sentence), AS_OF)
    assert decision.outcome is Outcome.YES, decision.missing
    assert any(r.rule_id == f"offences.{SCHEDULE_3}.{offence_id}" for r in decision.reasons)


@settings(max_examples=60)
@given(st.sampled_from(VICTIM_AGE), st.sampled_from(S80_SENTENCES))
def test_victim_age_condition_never_met_by_unknown_age(offence_id: str, sentence: dict[str, Any]) -> None:
    """A condition on the victim's age is never satisfied by an unknown age: the answer is either decided on
    other grounds the paragraph allows, or undetermined naming the victim's age - never a guess.

    Citation: SOA 2003 Sch 3 (conditions on the victim's age). Status: derived.
    """
    unknown = notification_period(_case({"offence_id": offence_id, "offender_age": 30}, sentence), AS_OF)
    if unknown.outcome is Outcome.UNDETERMINED:
        assert "disposals[0].offence.victim_age" in [m.fact for m in unknown.missing]
        return
    for age in (5, 12, 15, 17, 40):
        known = notification_period(
            _case({"offence_id": offence_id, "offender_age": 30, "victim_age": age}, sentence), AS_OF)
        assert known.outcome is unknown.outcome


def test_caller_flag_conflicting_with_catalogue_is_a_warning() -> None:
    """Where the caller's Schedule 3 flag contradicts the catalogue, the catalogue decides and a warning says so.

    Citation: SOA 2003 Sch 3 para 3 (SOA 1956 s.6: only if the offender was 20 or over). Status: verified.
    """
    offence = {"offence_id": "soa1956.s6", "offender_age": 19, "schedule3": True}
    decision = notification_period(_case(offence, {"kind": "fine"}, date(2000, 1, 10)), AS_OF)
    assert decision.outcome is Outcome.NO
    assert "offences.conflict.schedule3" in [w.code for w in decision.warnings]


def test_unknown_offence_id_falls_back_to_flag_with_warning() -> None:
    """An offence id the catalogue does not know is never taken as unlisted: the caller's flag decides, or the
    answer is undetermined.

    Citation: SOA 2003 s.80(1); principle "never guess". Status: derived.
    """
    no_flag = notification_period(_case({"offence_id": "theft1968.s1"}, {"kind": "fine"}), AS_OF)
    assert no_flag.outcome is Outcome.UNDETERMINED
    assert [m.fact for m in no_flag.missing] == ["disposals[0].offence.schedule3"]
    flagged = notification_period(_case({"offence_id": "theft1968.s1", "schedule3": False}, {"kind": "fine"}), AS_OF)
    assert flagged.outcome is Outcome.NO
    assert any(w.code.startswith("offences.unknown_id") for w in flagged.warnings)
