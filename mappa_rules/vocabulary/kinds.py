"""The kind of value each vocabulary name holds, so that the loader refuses a rule comparing it with a value of
another kind (``trigger > 5``, ``relevant_date == "yes"``) when the ruleset is loaded rather than when it is asked.

Kinds: ``text`` (including the words of a closed list), ``number``, ``boolean`` and ``date``. A name not listed is
not checked; ``tests/conventions`` asks every name to be listed.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..engine import ValueDef
from .values import Scopes

__all__ = ["KINDS", "with_kinds"]

_WRITTEN: dict[str, dict[str, str]] = {
    "disposal": {
        "text": "trigger court schedule15 sentence_kind burglary_intent sentence_form cd_period",
        "number": "sentence_term_months notification_term_months age_at_relevant_date victim_age offender_age "
                  "intended_victim_age imprisonment_months community_sentence_months",
        "boolean": "schedule3 murder s327_4a dealt_with_status_1997 suspended restriction_order supervised_on_as_of "
                   "before_soa1997 sentenced_to_imprisonment detained_in_hospital "
                   "admitted_to_hospital_with_restriction_order conviction_before_part2_commencement "
                   "images_showed_person_under_16 purpose_sexual_gratification aggravated_vehicle_taking_caused_death "
                   "charged_as_arson involves_murder sexual_exploitation_purpose sentence_on_trigger_date "
                   "listed_by_sentencing_condition cd_conviction_before_sentencing_code schedule15_listed "
                   "schedule15_part_1_or_2 dealt_with_by_as_of schedule19za terrorist_connection "
                   "relevant_terrorist_offence",
        "date": "relevant_date trigger_date sentence_date trial_concluded_on",
    },
    "person": {
        "boolean": "may_cause_serious_harm needs_multi_agency_management has_disposal subject_to_notification "
                   "category2_disposal terrorism_risk cta2008_notification category4_disposal",
    },
    "level": {
        "number": "category current_level",
        "text": "risk_of_serious_harm",
        "boolean": "meetings_add_value active_coordination_needed previously_level3 senior_oversight_needed "
                   "short_notice_resources_needed eligible",
    },
    "order": {
        "text": "kind route offence_listed",
        "boolean": "breached subject_before_breach replaces_interim already_subject ftp_only",
        "date": "conviction_date application_date made served breach_date as_at switch_over_date",
    },
    "order_term": {
        "text": "order_kind term_kind duration",
        "number": "term_months",
        "date": "made takes_effect",
    },
    "initial": {
        "date": "relevant_date clock_starts",
        "text": "soa1997_notification source_kind order_kind order_relevant_date_rule",
        "boolean": "subject_through_earlier_event notified_for_earlier_event s81_disposal "
                   "period_running_at_commencement",
    },
    "change": {
        "text": "event_kind",
        "date": "event_date expected_date earliest_effective_day window_last_day",
        "boolean": "notified_in_advance occurred_by_window_end qualifying_period_completed "
                   "child_resides_or_stays public_access at_least_12_hours",
    },
    "periodic": {
        "date": "trigger_date period_last_day",
        "boolean": "no_sole_or_main_residence period_ends_while_detained",
    },
    "trip": {
        "date": "departure_date returned_on",
        "number": "trip_days",
        "boolean": "known_more_than_7_days_before reasonable_excuse subject_before_2004 details_changed "
                   "change_reasonable_excuse regime_2001 return_as_notified",
    },
    "compliance": {
        "text": "duty_kind event_kind duty_name",
        "boolean": "notified recorded in_time last_day_passed",
        "number": "days_late days_overdue",
        "date": "notified_on deadline as_of",
    },
    "review": {
        "boolean": "indefinite discharged_on_review subject_to_order_excluding_review",
        "number": "age_at_relevant_date further_period_set",
        "date": "determination_date notice_received appeal_order_date",
        "text": "determination appeal_outcome",
    },
}

KINDS: Mapping[str, Mapping[str, frozenset[str]]] = {
    scope: {name: frozenset({kind}) for kind, names in table.items() for name in names.split()}
    for scope, table in _WRITTEN.items()
}
"""Scope -> name -> the kinds of value it holds."""


def with_kinds(scopes: Scopes) -> Scopes:
    """The vocabularies with each value's kinds attached (for the loader's check)."""
    return {
        scope: {name: ValueDef(d.name, d.doc, d.compute, KINDS.get(scope, {}).get(name)) for name, d in values.items()}
        for scope, values in scopes.items()
    }
