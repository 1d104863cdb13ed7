"""The table formats as data (checked when loaded), reporting years, and the counting rules' building blocks:
where a person was on a day, the level on a day, and the facts as they stood on a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from mappa_rules import Case
from mappa_rules.report.as_it_stood import as_known_on
from mappa_rules.report.case_view import CaseView
from mappa_rules.report.caseload import CaseRecord, parse_record
from mappa_rules.report.formats import FormatError, load_formats, selector
from mappa_rules.report.hits import make_key
from mappa_rules.report.periods import ReportingYear, parse_year
from mappa_rules.report.tables import build_table, rate
from mappa_rules.report.tally import Tally

DAY = date(2021, 3, 31)


def test_every_reporting_year_from_2006_07_has_exactly_one_format() -> None:
    formats = load_formats()
    served = {y: formats.for_year(ReportingYear(y)).id for y in range(2006, 2031)}
    assert served[2006] == served[2012] == "2006"
    assert served[2013] == served[2014] == "2014"
    assert served[2015] == served[2030] == "2015"
    with pytest.raises(LookupError, match="no table format is known for 2005/06"):
        formats.for_year(ReportingYear(2005))


def test_every_table_cites_its_sources_and_defines_its_count() -> None:
    for fmt in load_formats().formats:
        for table in fmt.tables:
            assert table.citations and all(c.url.startswith("https://") for c in table.citations), table.id
            assert len(table.definition) > 60 and table.unit in ("people", "orders"), table.id
        assert fmt.status in ("verified", "secondary", "derived", "unverified") and fmt.note


def test_cells_that_overlap_are_refused() -> None:
    table = load_formats().formats[-1].table("snapshot")
    bad = replace(table, rows=(replace(table.rows[0], key=selector({"level": [1, 2]}, "t")), *table.rows[1:]))
    tally = Tally()
    tally.counts[(0, "snapshot", make_key(level=2, category=1))] = 1
    with pytest.raises(FormatError, match="overlap"):
        build_table(tally, 0, bad, {}, None)


def test_rates_round_half_up() -> None:
    assert rate(11, 8000, 100_000) == 138  # 137.5
    assert rate(1, 3, 100_000) == 33_333
    assert rate(0, 950_000, 100_000) == 0


def test_a_reporting_year_runs_from_1_april_to_31_march() -> None:
    year = parse_year("2020/21")
    assert (year.start, year.end, str(year)) == (date(2020, 4, 1), date(2021, 3, 31), "2020/21")
    assert date(2021, 3, 31) in year and date(2021, 4, 1) not in year and date(2020, 3, 31) not in year


def _view(**case: Any) -> CaseView:
    levels = case.pop("levels", [])
    return CaseView(CaseRecord.model_validate({"case": {"case_id": "X", **case}, "history": {"levels": levels}}))


def _disposal(**more: Any) -> dict[str, Any]:
    return {"id": "d1", "trigger": "conviction", "relevant_date": "2019-01-10", "court": "england_wales",
            "offence": {"schedule3": True}, "sentence": {"kind": "imprisonment", "term": {"years": 5}}, **more}


def test_a_custodial_sentence_without_a_release_date_leaves_the_day_undetermined() -> None:
    where = _view(disposals=[_disposal(supervision_end="2024-01-09")]).whereabouts(DAY)
    assert where.place is None and where.missing == ("disposals[0].release_date",)


def test_a_release_date_decides_custody_either_side_of_it() -> None:
    assert _view(disposals=[_disposal(release_date="2021-03-31")]).whereabouts(DAY).place == "community"
    assert _view(disposals=[_disposal(release_date="2021-04-01")]).whereabouts(DAY).place == "custody"
    assert _view(disposals=[_disposal(sentence_date="2021-04-01")]).whereabouts(DAY).place == "community"


def test_a_licence_or_a_spell_that_ended_before_the_day_shows_the_release() -> None:
    assert _view(disposals=[_disposal(supervision_end="2021-03-30")]).whereabouts(DAY).place == "community"
    served = [{"kind": "serving_sentence", "start": "2019-01-10", "end": "2020-06-30"}]
    assert _view(disposals=[_disposal()], intervals=served).whereabouts(DAY).place == "community"


def test_a_suspended_sentence_or_a_community_order_is_no_custody() -> None:
    suspended = _disposal(sentence={"kind": "imprisonment", "term": {"years": 1}, "suspended": True})
    assert _view(disposals=[suspended]).whereabouts(DAY).place == "community"
    assert _view(disposals=[_disposal(sentence={"kind": "community_order"})]).whereabouts(DAY).place == "community"


def test_hospital_and_custody_intervals_and_time_abroad() -> None:
    hospital = [{"kind": "hospital", "start": "2020-01-01"}]
    assert _view(intervals=hospital).whereabouts(DAY).place == "hospital"
    remand = [{"kind": "remanded_in_custody", "start": "2021-03-31", "end": "2021-03-31"}]
    assert _view(intervals=remand).whereabouts(DAY).place == "custody"
    abroad = [{"kind": "outside_uk", "start": "2021-03-01", "end": "2021-04-10"}]
    assert _view(intervals=abroad).whereabouts(DAY).place == "community"


def test_the_level_on_a_day_and_level_2_or_3_management() -> None:
    levels = [{"level": 1, "start": "2019-01-01", "end": "2021-03-30"}, {"level": 2, "start": "2021-03-31"}]
    view = _view(levels=levels)
    assert (view.level(DAY).level, view.level(date(2021, 3, 30)).level) == (2, 1)
    assert view.managed_above_level1(DAY) is True
    assert view.level(date(2018, 1, 1)).missing == ("history.levels",)
    assert _view(levels=[{"level": 2, "start": "2018-01-01", "end": "2019-01-01"}]).managed_above_level1(DAY) is False
    assert _view().managed_above_level1(DAY) is None


def test_level_episodes_may_not_overlap() -> None:
    with pytest.raises(ValueError, match=r"^history: levels\[1\] overlaps an earlier episode$"):
        parse_record('{"case": {"case_id": "X"}, "history": {"levels": [{"level": 1, "start": "2020-01-01"}, '
                     '{"level": 2, "start": "2020-06-01"}]}}')


def test_the_case_as_it_stood_leaves_out_later_convictions_and_orders() -> None:
    case = Case.model_validate({"disposals": [_disposal(), _disposal(id="d2", relevant_date="2021-06-01")],
                                "orders": [{"id": "o1", "kind": "shpo", "made": "2021-06-01"},
                                           {"id": "o2", "kind": "shpo"}]})
    stood = as_known_on(case, DAY)
    assert [d.id for d in stood.disposals] == ["d1"] and [o.id for o in stood.orders] == ["o2"]
    assert as_known_on(case, date(2021, 6, 1)) is case
