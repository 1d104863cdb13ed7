"""Vocabularies of the notification-duty rule groups (scopes initial, change, periodic, trip, review and
compliance).

The subject of each scope is a mapping of values that the question machinery (``questions/notification/``) works
out from the case for one duty: a value, a :class:`~mappa_rules.engine.Gap` naming the facts whose absence leaves
it unknown, or a function computing one of these when a rule first reads it (so that a convention is warned about
only when a rule relies on it). Each entry's text states the value's legal meaning; the loader rejects a rule that
reads a name not listed for its scope.
"""

from __future__ import annotations

from .values import Scopes, stated

__all__ = ["CHANGE_VALUES", "COMPLIANCE_VALUES", "INITIAL_VALUES", "PERIODIC_VALUES", "REVIEW_VALUES", "SCOPES",
           "TRIP_VALUES"]


INITIAL_VALUES = stated(
    ("relevant_date", "The relevant date from which the initial period runs: of the conviction, finding or caution "
                      "(SOA 2003 s.82(6)), or of the sentence where only the sentence lists the offence (s.132(3)); "
                      "for a stated status, the stated one; for an order, the date of service or the day the breach "
                      "provision first applied; for a notification order, the later of the foreign relevant date "
                      "and the service."),
    ("clock_starts", "The first day of the initial period not disregarded under s.83(6) (custody, hospital, "
                     "abroad): the day the period starts to run."),
    ("subject_through_earlier_event", "Immediately before the relevant date (for a notification order, its making) "
                                      "the person was subject to notification for an earlier disposal, and stays "
                                      "subject for it throughout the initial period (s.83(2)(a), (c), (4)(a), (c))."),
    ("notified_for_earlier_event", "Before then the person had made an initial notification after that earlier "
                                   "disposal (s.83(2)(b), (4)(b))."),
    ("s81_disposal", "The conviction, finding or caution (as s.132(3) dates it: the relevant date) was before the "
                     "commencement of Part 2 (1 May 2004), so any duty under Part 2 comes from s.81(1)."),
    ("period_running_at_commencement", "The disposal's notification period had not ended before the commencement "
                                       "of Part 2 (s.81(2))."),
    ("soa1997_notification", "What the record shows of the notification under the Sex Offenders Act 1997 s.2(1): "
                             "on_time (within its period, so complied), late, or none (a stated "
                             "disposals[i].soa1997_complied, or stated.notification.soa1997_complied for a stated "
                             "status, decides it)."),
    ("source_kind", "What brings the duty: a disposal, a stated status (stated), an order (SHPO, SOPO, interim "
                    "orders, an SRO or RSHO breach), a notification_order or a notification_notice (s.96ZA)."),
    ("order_kind", "The kind of civil order (shpo, interim_shpo, sopo, sro, rsho, notification_order, ...)."),
    ("order_relevant_date_rule", "For an order that brings full notification: unchanged (the person was already "
                                 "subject), service (the relevant date is the date of service) or breach (the day "
                                 "s.122I or s.129 first applied)."),
)

CHANGE_VALUES = stated(
    ("event_kind", "The s.84(1) event: name, home_address, other_address, release, prescribed_change or "
                   "household_with_child."),
    ("event_date", "The day the event happened (for other_address, the day the qualifying period was completed)."),
    ("expected_date", "The date stated in an advance notification (s.84(2))."),
    ("notified_in_advance", "The event was notified before it happened, with its expected date (s.84(2))."),
    ("earliest_effective_day", "The earliest day on which the event may happen for the advance notification to "
                               "count: not more than 2 days before the expected date (s.84(3))."),
    ("window_last_day", "The last day of the period of 3 days beginning with the expected date (s.84(4))."),
    ("occurred_by_window_end", "The event happened by the end of 3 days beginning with the expected date "
                               "(s.84(4))."),
    ("qualifying_period_completed", "The stays at an un-notified address amount to a qualifying period "
                                    "(s.84(1)(c), (6))."),
    ("child_resides_or_stays", "A child under 18 resides or stays at the place (SI 2012/1876 reg 10)."),
    ("public_access", "The public have access to the place (SI 2012/1876 reg 10)."),
    ("at_least_12_hours", "The person resides at the place, or stays there for at least 12 hours "
                          "(SI 2012/1876 reg 10)."),
)

PERIODIC_VALUES = stated(
    ("trigger_date", "The day of the notification after which the applicable period runs (s.85(2))."),
    ("no_sole_or_main_residence", "The home address last notified was a place where the person can regularly be "
                                  "found, for want of a sole or main residence (ss.83(7)(b), 85(6))."),
    ("period_last_day", "The last day of the applicable period before any extension."),
    ("period_ends_while_detained", "On that last day the person is remanded or committed to custody, serving a "
                                   "sentence, detained in hospital or outside the UK (s.85(3)-(4))."),
)

TRIP_VALUES = stated(
    ("departure_date", "The intended date of departure from the UK."),
    ("trip_days", "The length of the trip in days (declared convention notification.travel.trip_days_inclusive)."),
    ("known_more_than_7_days_before", "The person knew the date of departure, the first country and the point of "
                                      "arrival more than 7 days before the date of departure (SI 2004/1220 "
                                      "reg 5(2)-(3)): as stated, or known on the 8th day before or earlier."),
    ("reasonable_excuse", "A reasonable excuse for not giving 7 days' notice (reg 5(2)(b)); none unless stated."),
    ("subject_before_2004", "The person was subject to the Sex Offenders Act 1997 notification requirements (and so "
                            "to the 2001 Regulations) on 30 April 2004 (SI 2004/1220 reg 3(4)-(5))."),
    ("details_changed", "The details notified became inaccurate or incomplete before departure (reg 7(1))."),
    ("change_reasonable_excuse", "A reasonable excuse for notifying the change less than 24 hours before the date of "
                                 "departure (reg 7(3) as added in 2012); none unless stated."),
    ("regime_2001", "The trip is governed by the 2001 Regulations (departure before 1 May 2004, or by 9 May 2004 "
                    "for a person subject to them, reg 3(4)-(5))."),
    ("returned_on", "The day the person returned to the UK."),
    ("return_as_notified", "The notification disclosed a date and point of return, and the person returned then and "
                           "there (reg 8(3))."),
)

REVIEW_VALUES = stated(
    ("indefinite", "On the date asked about the person is subject to indefinite notification requirements "
                   "(SOA 2003 s.91A(1))."),
    ("discharged_on_review", "An earlier review discharged the requirements and the offender has received notice "
                             "of it (s.91C)."),
    ("subject_to_order_excluding_review", "The person is subject to a SHPO, interim SHPO, SOPO or interim SOPO "
                                          "(s.91A(2))."),
    ("age_at_relevant_date", "The offender's age on the relevant date of the indefinite disposal (s.91B(2))."),
    ("further_period_set", "On a refusal, the years stated in the notice until the further qualifying date."),
    ("determination_date", "The day of the chief officer's determination (s.91C)."),
    ("determination", "The chief officer's determination: pending, discharged (the person should not remain "
                      "subject, s.91C(4)) or refused."),
    ("notice_received", "The day the offender received the notice of determination (s.91C(3)-(4))."),
    ("appeal_outcome", "The outcome of an appeal to a magistrates' court against a refusal: none (no appeal), "
                       "pending, allowed or dismissed (s.91E)."),
    ("appeal_order_date", "The date of the court's order on an appeal allowed (s.91E(4))."),
)

COMPLIANCE_VALUES = stated(
    ("duty_kind", "The duty: initial (s.83(1)), change (s.84(1)(a)-(c), (ca)), release (s.84(1)(d)), non_occurrence "
                  "(s.84(4)(b)), periodic (s.85(1)), travel (notice of a trip, s.86(2)), travel_change (reg 7) or "
                  "travel_return (s.86(3), reg 8)."),
    ("event_kind", "For a change or release: the s.84(1) event (name, home_address, other_address, release, "
                   "prescribed_change, household_with_child)."),
    ("duty_name", "The duty in words, e.g. 'the initial notification for disposals.a'."),
    ("notified", "A notification that meets the duty was given by the as-at date, on or after the day the duty "
                 "opened (the notifications listed are the record)."),
    ("notified_on", "The day of the first such notification."),
    ("recorded", "The case gives the record a notification meeting the duty would be in: the notifications listed "
                 "(none listed at all is no record, so whether one was given is unknown), or for a trip's notice, "
                 "further notice or return notification its date (null is not known, unless the trip's notice "
                 "dates are stated to be the whole record)."),
    ("in_time", "That notification was given on or before the last day of the period (before it began to run, "
                "while the clock was stopped, counts as in time); for notice on the last day where the regulations "
                "fix a clock time, whether it was given by then."),
    ("last_day_passed", "The as-at date is after the last day of the period (false while the clock is stopped)."),
    ("deadline", "The last day of the period, or that it is not yet running."),
    ("days_late", "The days from the day after the last day to the notification, both counted (s.91(3))."),
    ("days_overdue", "The days from the day after the last day to the as-at date, both counted (s.91(3))."),
    ("as_of", "The date the status is given as at."),
)

SCOPES: Scopes = {
    "initial": INITIAL_VALUES,
    "change": CHANGE_VALUES,
    "periodic": PERIODIC_VALUES,
    "trip": TRIP_VALUES,
    "review": REVIEW_VALUES,
    "compliance": COMPLIANCE_VALUES,
}
