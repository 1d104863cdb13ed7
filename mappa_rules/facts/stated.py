"""Facts as practitioners hold them: a status recorded as such ("subject to notification since D", "MAPPA
Category N since D", "on licence until E") rather than the events it follows from. Each is optional; a statement
is reported as stated, never as derived, and a disagreement with the case's events is a warning naming both.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Day, FactsModel

__all__ = ["Stated", "StatedCategory", "StatedNotification", "StatedSupervision"]


class StatedNotification(FactsModel):
    """Subject to the SOA 2003 Part 2 notification requirements, as recorded (e.g. on ViSOR): "registered since"."""

    since: Day = Field(description="The first day of the current spell of being subject.")
    indefinite: bool | None = Field(
        default=None, description="True: for an indefinite period (s.82(1)); false: for a fixed period (give until).")
    until: Day | None = Field(default=None, description="For a fixed period: the last day subject (inclusive).")
    relevant_date: Day | None = Field(
        default=None, description="The s.82(6) relevant date (or the date of service of an order), if known.")

    @model_validator(mode="after")
    def _coherent(self) -> StatedNotification:
        if self.indefinite is True and self.until is not None:
            raise ValueError("until is only for a fixed period (indefinite: false)")
        if self.indefinite is not True and self.until is None:
            raise ValueError("say indefinite: true or give until (the last day subject)")
        if self.until is not None and self.until < self.since:
            raise ValueError("until is before since")
        return self


class StatedCategory(FactsModel):
    """The MAPPA category recorded for the person (CJA 2003 ss.325-327; MAPPA Guidance)."""

    category: Literal[1, 2, 3] = Field(description="The category recorded.")
    since: Day = Field(description="The day from which it is recorded.")


class StatedSupervision(FactsModel):
    """On licence or under supervision, or detained or managed under a hospital or guardianship order, as recorded."""

    kind: Literal["licence", "supervision", "hospital_order", "guardianship_order"] = Field(
        description="On licence, under supervision, or under a hospital or guardianship order.")
    since: Day | None = Field(default=None, description="The first day of the licence, supervision or order.")
    until: Day | None = Field(default=None, description="Its last day.")
    open_ended: bool = Field(
        default=False, description="No end date (a life or IPP licence; a hospital order without limit of time).")
    without_limit_of_time: bool | None = Field(
        default=None, description="For a hospital order: the restriction order is without limit of time.")
    disposal: str | None = Field(default=None, description="The id of the disposal it belongs to, if any.")

    @model_validator(mode="after")
    def _coherent(self) -> StatedSupervision:
        if self.without_limit_of_time is not None and self.kind != "hospital_order":
            raise ValueError("without_limit_of_time is only for a hospital order")
        open_ended = self.open_ended or bool(self.without_limit_of_time)
        if open_ended == (self.until is not None):
            raise ValueError("give either until (the last day) or open_ended: true")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError("until is before since")
        return self

    @property
    def no_end(self) -> bool:
        """The supervision has no end date (stated open-ended, or a hospital order without limit of time)."""
        return self.open_ended or bool(self.without_limit_of_time)


class Stated(FactsModel):
    """What is recorded about the person's status, as practitioners hold it; every part is optional."""

    notification: StatedNotification | None = Field(
        default=None, description="Subject to the notification requirements since a day, indefinitely or until a day.")
    mappa_category: StatedCategory | None = Field(default=None, description="The MAPPA category recorded.")
    supervision: StatedSupervision | None = Field(
        default=None, description="On licence, under supervision or under a hospital order, until a day or open-ended.")
