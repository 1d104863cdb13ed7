"""The worked examples of issue 9's notification duties, as a practitioner would send them (YAML text), with the
answer the law gives: read by the command-line and HTTP tests, so both are checked against the same facts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DutyExample:
    """One question asked of one case as at a date, and the key date (or outcome) the law gives."""

    name: str
    question: str
    as_of: str
    case: str
    outcome: str
    dates: dict[str, str]


EXAMPLES = [
    DutyExample(
        "periodic: life sentence, last periodic notification 15 March 2023, remanded 1 February to 10 April 2024",
        "periodic", "2024-04-11",
        """person: {date_of_birth: 1970-01-01}
disposals:
  - {id: life, trigger: conviction, relevant_date: 2008-01-07, sentence: {kind: life},
     offence: {schedule3: true, schedule3_sentencing_condition: false}}
notifications:
  - {kind: periodic, date: 2023-03-15, no_sole_or_main_residence: false}
intervals:
  - {kind: remanded_in_custody, start: 2024-02-01, end: 2024-04-10}
""", "yes", {"periodic_due": "2024-04-12"}),
    DutyExample(
        "travel-notice: life sentence (relevant date 7 January 2008), trip 10 to 19 June 2010 known over 7 days ahead",
        "travel-notice", "2010-05-01",
        """person: {date_of_birth: 1970-01-01}
disposals:
  - {id: life, trigger: conviction, relevant_date: 2008-01-07, sentence: {kind: life},
     offence: {schedule3: true, schedule3_sentencing_condition: false}}
trips:
  - {id: t2010, departure: 2010-06-10, return_date: 2010-06-19, known_more_than_7_days_before: true}
""", "yes", {"travel_notice_by": "2010-06-03"}),
    DutyExample(
        "travel-notice: trip 27 to 28 August 2012 (relevant date 4 January 2010) needs no notice",
        "travel-notice", "2012-08-20",
        """person: {date_of_birth: 1970-01-01}
disposals:
  - {id: life, trigger: conviction, relevant_date: 2010-01-04, sentence: {kind: life},
     offence: {schedule3: true, schedule3_sentencing_condition: false}}
trips:
  - {id: t2012, departure: 2012-08-27, return_date: 2012-08-28}
""", "no", {}),
    DutyExample(
        "initial-deadline: community order on 10 November 2003 for a Schedule 3 offence, no 1997-Act notification",
        "initial-deadline", "2004-06-01",
        """person: {date_of_birth: 1970-01-01}
disposals:
  - {id: a, trigger: conviction, court: england_wales, relevant_date: 2003-11-10, sentence_date: 2003-11-10,
     offence: {offence_id: soa1956.s14, offence_date: 2003-01-10, victim_age: 15},
     sentence: {kind: community_order, length: {months: 12}}}
""", "yes", {"initial_deadline": "2004-05-03"}),
]
