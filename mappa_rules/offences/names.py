"""The names of the offence catalogue: its folder of the rulesets and its schedules' ids (cheap to import, so that
the catalogue's compiler loads only when an offence id is given)."""

OFFENCES = "offences"
"""The folder of the rulesets that holds the catalogue."""
SCHEDULE_3 = "soa2003.sch3"
SCHEDULE_15 = "cja2003.sch15"

__all__ = ["OFFENCES", "SCHEDULE_3", "SCHEDULE_15"]
