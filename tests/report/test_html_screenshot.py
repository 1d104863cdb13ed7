"""The HTML report opens in a browser with its charts: rendered by headless Chromium to a PNG, which must show the
page's header, the trend chart's series and the category-by-level bars (not a blank page). Skipped, saying why,
only where Chromium is not installed (Debian package ``chromium``)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from mappa_rules.cli import main
from mappa_rules.report.svg import PALETTE
from tests.report.png import colours, decode
from tests.report.worked_caseload import EXAMPLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package "
                                "'chromium'): the HTML report's screenshot test needs it")


def _rgb(hex_colour: str) -> bytes:
    return bytes.fromhex(hex_colour.lstrip("#"))


def test_the_html_report_renders_with_its_charts(tmp_path: Path) -> None:
    page, shot = tmp_path / "report.html", tmp_path / "report.png"
    code = main(["report", str(EXAMPLE), "--year", "2019/20", "--year", "2020/21", "--population", "8000",
                 "--jobs", "1", "--format", "html", "--out", str(page)])
    assert code == 0
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1200,2600", page.as_uri()],
            check=True, capture_output=True, timeout=120)
    width, height, rows = decode(shot.read_bytes())
    assert (width, height) == (1200, 2600)
    seen = colours(rows)
    assert len(seen) > 200, "the page looks blank"
    assert seen[_rgb("#1a365d")] > 20_000, "the header is missing"
    assert seen[_rgb(PALETTE[0])] > 300, "the first series (Category 1 bars, RSO trend) is missing"
    assert seen[_rgb(PALETTE[1])] > 100, "the second series (Category 2 bars) is missing"
