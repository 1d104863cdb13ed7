"""``mappa-rules serve``: runs the server, or says how to install it (exit 2, no traceback)."""

from __future__ import annotations

from typing import Any

import pytest

import mappa_rules.server as server
from mappa_rules.cli import main


def test_serve_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(server, "find_spec", lambda name: None)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'mappa-rules[server]'" in err
    assert "Traceback" not in err


def test_serve_runs_on_localhost_port_8000_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr("mappa_rules.server.run.run", lambda host, port: calls.append((host, port)))
    assert main(["serve"]) == 0
    assert main(["serve", "--host", "0.0.0.0", "--port", "9001"]) == 0
    assert calls == [("127.0.0.1", 8000), ("0.0.0.0", 9001)]


@pytest.mark.parametrize("port", ["0", "70000", "eighty"])
def test_serve_refuses_a_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", port]) == 2
    assert "--port" in capsys.readouterr().err or port == "eighty"
