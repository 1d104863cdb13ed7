"""Known gaps of the library that the report inherits, kept visible: each test states what the law requires and
fails (strictly) until the library does it, when it must be turned into an ordinary test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mappa_rules.report.periods import parse_year
from mappa_rules.report.run import report_caseload
from tests.report.conftest import cell_ids
from tests.report.worked_caseload import load


@pytest.mark.xfail(strict=True, reason="notification.period does not yet end the requirements on a s.91C discharge "
                   "(it reads review.applications only in notification.review)")
def test_a_person_discharged_on_review_is_not_an_rso_on_31_march(tmp_path: Path) -> None:
    """Indefinite requirements discharged on review end on the day the offender receives notice of the
    determination, so a person discharged in January 2021 and at liberty on 31 March 2021 is not a registered
    sexual offender (nor Category 1) on that day.
    Citation: Sexual Offences Act 2003 s.91C(4) (SI 2012/1883 art. 3)."""
    (item,) = [c for c in load()["cases"] if c["case"]["case_id"] == "W18"]
    case = dict(item["case"], intervals=item["case"]["intervals"][:1])  # not remanded: at liberty on 31 March
    path = tmp_path / "caseload.jsonl"
    path.write_text(json.dumps({"case": case, "history": item["history"]}) + "\n", encoding="utf-8")
    year = parse_year("2020/21")
    with report_caseload(path, [year], jobs=1, entries=True) as report:
        view = report.years[0].table("rso")
        assert cell_ids(report, view, "rsos", "count") == []
