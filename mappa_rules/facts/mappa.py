"""Facts for MAPPA: the Responsible Authority's judgements and records, supplied as facts (the library never
makes them)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Day, FactsModel

__all__ = [
    "CounterTerrorismFacts",
    "ManagementFacts",
    "RiskFacts",
]


class RiskFacts(FactsModel):
    """Judgements of the Responsible Authority, supplied as facts (the library never makes them)."""

    may_cause_serious_harm: bool | None = Field(
        default=None,
        description="The Responsible Authority considers the person may cause serious harm to the public "
        "(CJA 2003 s.325(2)(b)).",
    )
    needs_multi_agency_management: bool | None = Field(
        default=None, description="The risk requires active multi-agency management at Level 2 or 3."
    )
    terrorism_risk: bool | None = Field(
        default=None,
        description="The Responsible Authority considers the person may be at risk of involvement in "
        "terrorism-related activity (CJA 2003 s.325(2)(c); Terrorism Prevention and Investigation Measures Act 2011 "
        "s.4).",
    )


class CounterTerrorismFacts(FactsModel):
    """Facts about the Counter-Terrorism Act 2008 regime, as recorded."""

    cta2008_notification: bool | None = Field(
        default=None,
        description="On the date asked about the person is subject to the notification requirements of Part 4 of "
        "the Counter-Terrorism Act 2008 (CJA 2003 s.327(4C)).",
    )


class ManagementFacts(FactsModel):
    """The Responsible Authority's level-setting judgements and dates (MAPPA Guidance ch. 7), supplied as facts."""

    risk_of_serious_harm: Literal["low", "medium", "high", "very_high"] | None = Field(
        default=None, description="The assessed risk of serious harm."
    )
    meetings_add_value: bool | None = Field(
        default=None, description="Formal multi-agency meetings would add value to the lead agency's management."
    )
    active_coordination_needed: bool | None = Field(
        default=None, description="Exceptionally, a lower risk that still needs active multi-agency co-ordination."
    )
    previously_level3: bool | None = Field(
        default=None, description="Managed at Level 3 and no longer needing it (stepping down)."
    )
    senior_oversight_needed: bool | None = Field(
        default=None,
        description="The Responsible Authority has determined that management issues require senior representation "
        "from the Responsible Authority and duty-to-co-operate agencies (MAPPA Guidance ch. 7 para 7.5): the Level 3 "
        "criterion.",
    )
    short_notice_resources_needed: bool | None = Field(
        default=None,
        description="A perceived need to commit significant resources at short notice: one situation in which the "
        "Guidance says senior representation may be needed (para 7.5). Shown in the explanation; it does not set "
        "the level.",
    )
    current_level: Literal[1, 2, 3] | None = Field(default=None, description="The level the case is managed at now.")
    last_review: Day | None = Field(default=None, description="The last Level 2 or 3 review.")
    sentenced_on: Day | None = Field(default=None, description="The day sentence was passed (identification).")
    expected_release: Day | None = Field(default=None, description="The expected release from custody.")
