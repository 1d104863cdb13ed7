"""The issue's examples of the notification duties, through the HTTP API: each gives the law's answer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.duty_examples import EXAMPLES, DutyExample


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name[:40] for e in EXAMPLES])
def test_the_api_gives_the_laws_answer(client: TestClient, example: DutyExample) -> None:
    response = client.post(f"/v1/questions/{example.question}?as_of={example.as_of}", content=example.case,
                           headers={"content-type": "application/yaml"})
    assert response.status_code == 200, response.text
    decision = response.json()
    assert decision["outcome"] == example.outcome
    for name, day in example.dates.items():
        assert decision["dates"][name] == day
