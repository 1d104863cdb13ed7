"""The package is typed for its users: ``py.typed`` ships with it, and a client program that imports it passes
``mypy --strict`` with the package found as an installed distribution (where mypy reads a package only if it is
marked typed), not as source in the working tree."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("client_example.py")


def test_the_package_is_marked_typed_and_the_marker_is_installed() -> None:
    assert (ROOT / "mappa_rules" / "py.typed").is_file()
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "py.typed" in setuptools["package-data"]["mappa_rules"]


def _mypy(tmp_path: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on a copy of ``script`` in an empty folder, the package on the path as site-packages would
    hold it (a link to it in a folder of its own), so that nothing of the repository is read as source."""
    pytest.importorskip("mypy")
    site = tmp_path / "site"
    site.mkdir()
    (site / "mappa_rules").symlink_to(ROOT / "mappa_rules", target_is_directory=True)
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\ncache_dir = /dev/null\n", encoding="utf-8")
    copy = tmp_path / "client.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(tmp_path / "mypy.ini"), str(copy)],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600,
    )


def test_a_client_program_passes_mypy_strict(tmp_path: Path) -> None:
    result = _mypy(tmp_path, CLIENT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_would_catch_a_client_misusing_a_typed_answer(tmp_path: Path) -> None:
    """The check has teeth: reading an answer's field as the wrong type is an error."""
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(
        "from datetime import date\n"
        "from mappa_rules import Case, notification_period\n"
        "length: int = notification_period(Case(), date(2026, 1, 1)).value.length\n",
        encoding="utf-8",
    )
    result = _mypy(tmp_path, wrong)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Incompatible types in assignment" in result.stdout, result.stdout


def test_the_client_program_runs() -> None:
    result = subprocess.run([sys.executable, str(CLIENT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
