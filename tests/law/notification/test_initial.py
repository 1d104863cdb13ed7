"""Initial notification: Sexual Offences Act 2003 s.83 (and Sex Offenders Act 1997 s.2 before 1 May 2004).

s.83(1): notify within 3 days beginning with the relevant date (or with 1 May 2004 if later); s.83(6): disregard
time remanded or committed to custody, serving a sentence, detained in hospital or outside the UK. The 1997 Act
allowed 14 days, reduced to 3 from 1 June 2001 and for earlier relevant dates whose 14 days had not begun
(CJCSA 2000 Sch 5 para 2; SI 2001/1651). https://www.legislation.gov.uk/ukpga/2003/42/section/83
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mappa_rules import Case, Outcome
from mappa_rules.questions import initial_deadline

AS_OF = date(2026, 11, 21)
RELEVANT = st.dates(min_value=date(2004, 5, 1), max_value=date(2026, 6, 1))
KINDS = st.sampled_from(["remanded_in_custody", "serving_sentence", "service_detention", "hospital", "outside_uk"])


def _case(relevant: date, intervals: list[dict[str, Any]] | None = None, **more: Any) -> Case:
    sentence = more.pop("sentence", {"kind": "community_order"})
    return Case.model_validate({
        "person": {"date_of_birth": date(1960, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": sentence}],
        "intervals": intervals or [],
        **more,
    })


def _deadline(case: Case, key: str = "initial_deadline", as_of: date = AS_OF) -> date:
    decision = initial_deadline(case, as_of)
    assert decision.outcome is Outcome.YES, decision.model_dump_json(indent=1)
    return decision.dates[key]


@given(RELEVANT)
def test_without_custody_the_deadline_is_the_third_day(relevant: date) -> None:
    """Without any disregarded time, the initial notification is due on the third day beginning with the relevant
    date (the relevant date counts as the first).

    Citation: Sexual Offences Act 2003 s.83(1). Status: verified.
    """
    assert _deadline(_case(relevant)) == relevant + timedelta(days=2)


@given(RELEVANT, st.lists(st.tuples(KINDS, st.integers(-30, 30), st.integers(0, 60)), max_size=3))
def test_the_deadline_never_falls_before_the_relevant_date(
    relevant: date, spans: list[tuple[str, int, int]]
) -> None:
    """The deadline never falls before the relevant date, nor earlier than it would without disregarded time,
    and never on a disregarded day (a day in custody, hospital or abroad other than the day of release or return).

    Citation: Sexual Offences Act 2003 s.83(1), (6). Status: verified.
    """
    ranges = [(k, relevant + timedelta(days=a), relevant + timedelta(days=a + b)) for k, a, b in spans]
    deadline = _deadline(_case(relevant, [{"kind": k, "start": s, "end": e} for k, s, e in ranges]))
    assert deadline >= relevant + timedelta(days=2)
    assert not any(s <= deadline < e for _, s, e in ranges)


@given(RELEVANT, st.integers(0, 2), st.integers(0, 400), KINDS)
def test_each_night_disregarded_moves_the_deadline_by_one_day(relevant: date, offset: int, nights: int,
                                                               kind: str) -> None:
    """An interval in custody, in hospital or abroad from S to E, beginning within the period, moves the deadline
    by exactly E - S days: the day it begins is disregarded, the day of release or return counts.

    Citation: Sexual Offences Act 2003 s.83(6); declared convention time.conventions.partial_day_disregard.
    Status: derived.
    """
    start = relevant + timedelta(days=offset)
    interval = {"kind": kind, "start": start, "end": start + timedelta(days=nights)}
    assert _deadline(_case(relevant, [interval])) == relevant + timedelta(days=2 + nights)


@given(RELEVANT, st.integers(0, 400))
def test_custody_from_the_relevant_date_gives_the_same_day_as_a_release_notification(
    relevant: date, served: int
) -> None:
    """A person in custody from the relevant date and released on R must give the initial notification by R + 2,
    the day a s.84(1)(d) notification of that release would be due.

    Citation: Sexual Offences Act 2003 ss.83(1), (6), 84(1)(d), (5). Status: derived.
    """
    released = relevant + timedelta(days=served)
    interval = {"kind": "serving_sentence", "start": relevant, "end": released}
    assert _deadline(_case(relevant, [interval])) == released + timedelta(days=2)


@given(RELEVANT, KINDS)
def test_while_still_detained_no_deadline_is_invented(relevant: date, kind: str) -> None:
    """While the person is still in custody, in hospital or abroad the 3 days have not begun: the answer says so
    and gives no date.

    Citation: Sexual Offences Act 2003 s.83(6). Status: verified.
    """
    decision = initial_deadline(_case(relevant, [{"kind": kind, "start": relevant}]), AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["running"] is False
    assert "initial_deadline" not in decision.dates


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2001, 5, 31)))
def test_before_june_2001_the_1997_act_allowed_14_days(relevant: date) -> None:
    """A period that began to run before 1 June 2001 was 14 days beginning with the relevant date.

    Citation: Sex Offenders Act 1997 s.2(1). Status: verified.
    """
    assert _deadline(_case(relevant), "soa1997_initial_deadline") == relevant + timedelta(days=13)


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2001, 5, 31)),
       st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 20)))
def test_a_14_day_period_not_begun_by_june_2001_became_3_days(relevant: date, released: date) -> None:
    """An earlier relevant date whose 14 days had not begun by 1 June 2001, because the person was in custody,
    gets 3 days beginning with the day of release, not 14.

    Citation: Criminal Justice and Court Services Act 2000 Sch 5 para 2; SI 2001/1651. Status: verified.
    """
    interval = {"kind": "serving_sentence", "start": relevant, "end": released}
    assert _deadline(_case(relevant, [interval]), "soa1997_initial_deadline") == released + timedelta(days=2)


INDEFINITE = {"kind": "imprisonment", "term": {"months": 36}}


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2004, 4, 27)),
       st.dates(min_value=date(2004, 4, 28), max_value=date(2010, 1, 1)))
def test_an_s81_person_who_had_not_complied_notifies_within_3_days_of_the_commencement(
    relevant: date, released: date
) -> None:
    """A person within s.81(1) whose period was running on 1 May 2004 and who had not complied with the Sex
    Offenders Act 1997 s.2(1) must notify within 3 days beginning with 1 May 2004, disregarding s.83(6) time: by
    3 May 2004, or the second day after a later release.

    Citation: Sexual Offences Act 2003 ss.81(1), 83(1), (3), (6). Status: verified.
    """
    interval = {"kind": "serving_sentence", "start": relevant, "end": released}
    decision = initial_deadline(_case(relevant, [interval], sentence=INDEFINITE), AS_OF)
    assert decision.dates["initial_deadline"] == max(released + timedelta(days=2), date(2004, 5, 3))
    assert decision.value["s83_1_required_at_commencement"] is True


@given(st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 20)), st.integers(0, 2))
def test_an_s81_person_who_complied_with_the_1997_act_owes_no_s83_1_notification(relevant: date, day: int) -> None:
    """A person within s.81(1) who notified within the 1997 Act period for the conviction owes no s.83(1)
    notification for it at the commencement; the only initial deadline is the 1997 Act's.

    Citation: Sexual Offences Act 2003 s.83(3); Sex Offenders Act 1997 s.2(1). Status: verified.
    """
    case = _case(relevant, sentence=INDEFINITE,
                 notifications=[{"kind": "initial", "date": relevant + timedelta(days=day)}])
    decision = initial_deadline(case, AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["s83_1_required_at_commencement"] is False
    assert decision.dates["initial_deadline"] == decision.dates["soa1997_initial_deadline"] == relevant + timedelta(
        days=2)
    assert "notification.initial.duty.complied_soa1997" in [r.rule_id for r in decision.reasons]


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(1999, 4, 30)))
def test_a_period_ended_before_may_2004_brings_no_s83_1_duty(relevant: date) -> None:
    """A disposal whose notification period (5 years for a community order on an adult) ended before 1 May 2004
    does not make the person subject to Part 2, so it brings no s.83(1) duty.

    Citation: Sexual Offences Act 2003 s.81(2). Status: verified.
    """
    decision = initial_deadline(_case(relevant), AS_OF)
    assert decision.value["s83_1_required_at_commencement"] is False
    assert "notification.initial.duty.soa1997_period_ended" in [r.rule_id for r in decision.reasons]


@given(st.dates(min_value=date(2001, 6, 1), max_value=date(2004, 4, 25)))
def test_asked_before_the_commencement_the_1997_act_governs(relevant: date) -> None:
    """Asked as at a date before 1 May 2004, the initial deadline is the 1997 Act's (3 days from 1 June 2001).

    Citation: Sex Offenders Act 1997 s.2(1). Status: verified.
    """
    as_of = relevant + timedelta(days=3)
    assert _deadline(_case(relevant, sentence=INDEFINITE), as_of=as_of) == relevant + timedelta(days=2)


@given(RELEVANT, st.integers(0, 200), st.integers(0, 200))
def test_a_later_release_never_gives_an_earlier_deadline(relevant: date, first: int, second: int) -> None:
    """A later release from custody never makes the initial notification due earlier.

    Citation: Sexual Offences Act 2003 s.83(6). Status: derived.
    """
    early, late = sorted((first, second))
    deadlines = [_deadline(_case(relevant, [{"kind": "serving_sentence", "start": relevant,
                                              "end": relevant + timedelta(days=n)}])) for n in (early, late)]
    assert deadlines[0] <= deadlines[1]


def _youth(convicted: date, sentenced: date, release: date) -> Case:
    """Sexual assault on an adult by an offender of 16: Sch 3 para 18(a) lists it only by a sentence of 12 months."""
    return Case.model_validate({
        "person": {"date_of_birth": date(convicted.year - 17, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": convicted, "sentence_date": sentenced,
                       "offence": {"offence_id": "soa2003.s3", "offence_date": date(convicted.year - 1, 12, 1),
                                   "victim_age": 30},
                       "sentence": {"kind": "imprisonment", "form": "s91_s250_detention", "term": {"months": 12}}}],
        "intervals": [{"kind": "serving_sentence", "start": sentenced, "end": release}],
    })


@given(st.dates(min_value=date(2005, 2, 1), max_value=date(2025, 1, 1)), st.integers(1, 300), st.integers(0, 400))
def test_a_listing_sentence_starts_the_initial_period_with_its_own_day(convicted: date, later: int, kept: int) -> None:
    """Where Schedule 3 lists the offence only by its sentence, the s.83(1) period begins with the day of that
    sentence (the relevant date, s.132(3)) and disregards the custody that began with it: the deadline falls after
    release, and is the one a sentence passed on the day of conviction would give.

    Citation: Sexual Offences Act 2003 s.83(1), (6), s.132(3). Status: verified.
    """
    sentenced = convicted + timedelta(days=later)
    release = sentenced + timedelta(days=kept)
    deadline = _deadline(_youth(convicted, sentenced, release))
    assert deadline > release
    assert deadline == _deadline(_youth(sentenced, sentenced, release))


ORDERS = st.sampled_from([("shpo", "application"), ("interim_shpo", "application"), ("sopo", "application"),
                          ("interim_sopo", "application"), ("interim_notification_order", "application")])


def _order_case(kind: str, route: str, served: date, already: bool, custody: int) -> Case:
    made = served - timedelta(days=1)
    order: dict[str, Any] = {"id": "o", "kind": kind, "route": route, "made": made, "served": served,
                             "already_subject": already}
    if kind in ("shpo", "sopo", "interim_shpo", "interim_sopo"):
        order["terms"] = [{"id": "p", "kind": "prohibition", "duration": "until_further_order"}]
    if kind in ("sopo", "interim_sopo", "interim_notification_order"):
        made = min(made, date(2015, 3, 7))
        order.update(made=made, served=made + timedelta(days=1))
    order["application_date"] = made
    served = order["served"]
    return Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)}, "orders": [order],
        "intervals": [{"kind": "serving_sentence", "start": served, "end": served + timedelta(days=custody)}],
    })


@given(ORDERS, st.dates(min_value=date(2015, 4, 1), max_value=date(2030, 1, 1)), st.booleans(), st.integers(0, 400))
def test_an_order_that_makes_the_person_subject_requires_notification_from_service(
    kind_route: tuple[str, str], served: date, already: bool, custody: int
) -> None:
    """An order that makes a person subject (SHPO, interim SHPO, SOPO, interim SOPO, interim notification order)
    requires an initial notification within 3 days beginning with the date of service, custody disregarded as in
    s.83(6); a person already subject when a SHPO or SOPO was made owes none for it (an interim notification order
    has no such exception: its relevant date is always the date of service).

    Citation: Sexual Offences Act 2003 ss.83(1), (6), 100(5)-(6), 103G, 107(3)-(5). Status: verified.
    """
    case = _order_case(*kind_route, served, already, custody)
    decision = initial_deadline(case, AS_OF)
    duty = decision.value["duties"][0]
    assert duty["source"] == "orders.o"
    if already and kind_route[0] != "interim_notification_order":
        assert duty["required"] is False
    else:
        assert duty["required"] is True
        made_served = case.orders[0].served
        assert made_served is not None
        assert decision.dates["initial_deadline"] == made_served + timedelta(days=custody + 2)


@given(st.sampled_from(["sro", "interim_sro"]), st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 1, 1)),
       st.integers(0, 400), st.booleans())
def test_a_breach_conviction_requires_notification_from_the_breach(kind: str, breach: date, custody: int,
                                                                    subject_before: bool) -> None:
    """A conviction, finding or caution for breaching an SRO that makes the person subject requires an initial
    notification within 3 days beginning with it, custody disregarded; none where the person was already subject
    (the breach conviction itself, not a Schedule 3 offence, is the record that the person was not).

    Citation: Sexual Offences Act 2003 s.122I(3)-(5); s.83(1), (6). Status: verified.
    """
    order = {"id": "o", "kind": kind, "route": "application", "application_date": date(2015, 6, 1),
             "made": date(2015, 6, 1), "served": date(2015, 6, 2), "replaces_interim": False, "breached": True,
             "breach_date": breach, "terms": [{"id": "p", "kind": "prohibition", "duration": "until_further_order"}]}
    disposals = [{"id": "breach", "trigger": "conviction", "relevant_date": breach, "offence": {"schedule3": False},
                  "sentence": {"kind": "fine"}}]
    if subject_before:
        disposals.append({"id": "old", "trigger": "conviction", "relevant_date": date(2015, 1, 5),
                          "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                          "sentence": {"kind": "life"}})
    case = Case.model_validate({"person": {"date_of_birth": date(1970, 1, 1)}, "orders": [order],
                                "disposals": disposals,
                                "intervals": [{"kind": "remanded_in_custody", "start": breach,
                                               "end": breach + timedelta(days=custody)}]})
    duty = next(d for d in initial_deadline(case, AS_OF).value["duties"] if d["source"] == "orders.o")
    assert duty["required"] is (not subject_before)
    if not subject_before:
        assert duty["deadline"] == breach + timedelta(days=custody + 2)


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2021, 1, 1)), st.integers(0, 3000))
def test_a_notification_order_is_never_due_before_the_third_day_beginning_with_its_service(
    foreign: date, later: int
) -> None:
    """For a notification order s.83(1) runs from the relevant date or, if later, the date of service, so the
    initial notification is never due before the third day beginning with the service (and the foreign
    conviction brings no duty of its own).

    Citation: Sexual Offences Act 2003 ss.83(1), 98(4). Status: verified.
    """
    served = min(foreign + timedelta(days=later), date(2022, 11, 1))
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "fr", "trigger": "conviction", "relevant_date": foreign, "court": "outside_uk",
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "life"}}],
        "orders": [{"id": "no", "kind": "notification_order", "route": "application", "application_date": served,
                    "made": served, "served": served, "applies_to": "fr"}],
    })
    decision = initial_deadline(case, AS_OF)
    assert [d["source"] for d in decision.value["duties"]] == ["orders.no"]
    assert decision.dates["initial_deadline"] == served + timedelta(days=2)


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2015, 1, 1)), st.integers(30, 3000),
       st.sampled_from(["notification_order", "notification_notice"]), st.booleans())
def test_an_order_for_a_foreign_conviction_brings_no_duty_where_an_earlier_event_covers_it(
    earlier: date, later: int, kind: str, notified: bool
) -> None:
    """A notification order (or s.96ZA notice) brings no initial notification where, immediately before it, the
    person was subject for an earlier conviction, had notified for it, and stays subject throughout the 3 days; one
    who had not notified for it owes the notification.

    Citation: Sexual Offences Act 2003 s.83(4) (for a s.96ZA notice, read the same way: unverified).
    Status: verified.
    """
    given_on = max(earlier + timedelta(days=later), date(2022, 11, 29)) if kind == "notification_notice" else min(
        earlier + timedelta(days=later), date(2022, 11, 1))
    order = {"id": "o", "kind": kind, "made": given_on, "applies_to": "fr"}
    if kind == "notification_order":
        order.update(route="application", application_date=given_on, served=given_on)
    case = Case.model_validate({
        "person": {"date_of_birth": date(1970, 1, 1)},
        "disposals": [{"id": "uk", "trigger": "conviction", "relevant_date": earlier,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "life"}},
                      {"id": "fr", "trigger": "conviction", "relevant_date": earlier + timedelta(days=1),
                       "court": "outside_uk", "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": {"kind": "life"}}],
        "notifications": [{"kind": "initial", "date": earlier + timedelta(days=1)}] if notified else [],
        "orders": [order],
    })
    duty = next(d for d in initial_deadline(case, AS_OF).value["duties"] if d["source"] == "orders.o")
    assert duty["required"] is (not notified)
    if not notified:
        assert duty["deadline"] == given_on + timedelta(days=2)


@given(st.dates(min_value=date(1997, 9, 1), max_value=date(2026, 6, 1)), st.integers(0, 900),
       st.one_of(st.none(), st.integers(0, 1000)))
def test_a_stated_status_gives_the_duty_of_the_disposal_it_stands_for(relevant: date, custody: int,
                                                                       notified: int | None) -> None:
    """With no disposal recorded, a stated status ("registered since D") with its relevant date gives the initial
    notification a disposal with that relevant date gives: the same deadline, the same 1997 Act deadline, and the
    same fresh s.83(1) duty at the commencement for a relevant date before it (s.81(1), s.83(3)).

    Citation: Sexual Offences Act 2003 ss.80(2), 81(1)-(2), 83(1), (3), (6). Status: derived.
    """
    more: dict[str, Any] = {
        "person": {"date_of_birth": date(1950, 1, 1)},
        "intervals": [{"kind": "serving_sentence", "start": relevant, "end": relevant + timedelta(days=custody)}],
        "notifications": [] if notified is None else [{"kind": "initial",
                                                       "date": relevant + timedelta(days=notified)}],
    }
    disposal = Case.model_validate({**more, "disposals": [
        {"id": "a", "trigger": "conviction", "relevant_date": relevant, "sentence_date": relevant,
         "offence": {"schedule3": True}, "sentence": {"kind": "life"}}]})
    stated = Case.model_validate({**more, "stated": {"notification": {
        "since": relevant, "indefinite": True, "relevant_date": relevant}}})
    as_of = max(AS_OF, relevant + timedelta(days=custody + notified if notified is not None else custody))
    by_disposal, by_statement = initial_deadline(disposal, as_of), initial_deadline(stated, as_of)
    assert by_statement.outcome is by_disposal.outcome is not Outcome.UNDETERMINED
    assert by_statement.dates == by_disposal.dates
    keys = ("required", "running", "s83_1_required_at_commencement")
    assert {k: by_statement.value[k] for k in keys} == {k: by_disposal.value[k] for k in keys}
    assert by_statement.value["controlling_source"] == (
        "stated.notification" if by_statement.outcome is Outcome.YES else None)
    duty, stands_for = (d.value["duties"][0].model_dump() for d in (by_statement, by_disposal))
    assert (duty["source"], duty["disposal"]) == ("stated.notification", None)
    if duty.get("compliance"):  # the same status, under the duty's own id
        assert (duty["compliance"].pop("duty"), stands_for["compliance"].pop("duty")) == (
            "initial/stated.notification", "initial/a")
    assert {k: v for k, v in duty.items() if k not in ("source", "disposal")} == {
        k: v for k, v in stands_for.items() if k not in ("source", "disposal")}


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(1997, 8, 31)),
       st.sampled_from([{"kind": "imprisonment", "term": {"months": 12}}, {"kind": "community_order"}]))
def test_a_conviction_before_1_september_1997_runs_its_14_days_from_the_commencement(
    relevant: date, sentence: dict[str, Any]
) -> None:
    """A person dealt with for an offence before 1 September 1997, and still serving, supervised or not dealt with
    on that day, became subject then; the 14 days ran from the relevant date "or, if later, the commencement of this
    Part": with no time disregarded, the last day is 14 September 1997.

    Citation: Sex Offenders Act 1997 ss.1(2)-(3), 2(1); Sexual Offences Act 2003 s.81(3)-(6). Status: verified.
    """
    case = Case.model_validate({
        "person": {"date_of_birth": date(1950, 1, 1)},
        "disposals": [{"id": "a", "trigger": "conviction", "relevant_date": relevant, "dealt_with_status_1997": True,
                       "offence": {"schedule3": True, "schedule3_sentencing_condition": False},
                       "sentence": sentence}],
    })
    decision = initial_deadline(case, AS_OF)
    assert decision.outcome is Outcome.YES
    assert decision.value["duties"][0]["soa1997"]["deadline"] == date(1997, 9, 14)
    assert decision.dates["soa1997_initial_deadline"] == date(1997, 9, 14)
    asked_then = initial_deadline(case, date(1997, 10, 1))
    assert asked_then.value["duties"][0]["begins"] == date(1997, 9, 1)
    assert asked_then.dates["initial_deadline"] == date(1997, 9, 14)
