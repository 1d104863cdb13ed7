"""Bad input is refused with a JSON body naming the field and the reason, never a traceback, never the value.

No submitted date of birth or free text appears in any error body or log record, whatever goes wrong.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mappa_rules.limits import MAX_YAML_NODES
from mappa_rules.server import routes
from mappa_rules.server.casebody import MAX_BODY_BYTES, MAX_VALUES

AS_OF = "2026-11-21"
DOB = "1987-06-05"
NAME = "Jane Quintessa Example"
URL = f"/v1/questions/notification-period?as_of={AS_OF}"


def case(**changes: Any) -> dict[str, Any]:
    disposal = {"id": "d1", "trigger": "conviction", "relevant_date": "2015-04-20",
                "offence": {"description": NAME, "schedule3": True},
                "sentence": {"kind": "imprisonment", "term": {"months": 12}}}
    disposal.update(changes)
    return {"case_id": NAME, "person": {"date_of_birth": DOB}, "disposals": [disposal]}


def fields(response: Any) -> dict[str, str]:
    return {f["field"]: f["reason"] for f in response.json()["fields"]}


def server_log(caplog: pytest.LogCaptureFixture) -> str:
    """Everything the server side logged (the test's own HTTP client logs its requests, which do not count)."""
    return "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
                     if not r.name.startswith(("httpx", "httpcore")))


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    yield caplog


def test_unknown_question_is_404_listing_the_known_ones(client: TestClient) -> None:
    response = client.post(f"/v1/questions/nonsense?as_of={AS_OF}", json=case())
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "unknown_question"
    assert "notification-period" in body["known"] and "timeline" in body["known"]


@pytest.mark.parametrize("query", ["", "?as_of=", "?as_of=2026-02-30", "?as_of=20261121", "?as_of=tomorrow",
                                   "?as_of=2026-11-21T10:00"])
def test_bad_as_of_is_422_naming_as_of(client: TestClient, query: str) -> None:
    response = client.post(f"/v1/questions/category{query}", json=case())
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_parameter"
    assert list(fields(response)) == ["as_of"]


@pytest.mark.parametrize(("body", "headers"), [
    (b"{not json", {"content-type": "application/json"}),
    (b"person: [unclosed", {"content-type": "application/yaml"}),
    (b"", {"content-type": "application/json"}),
    (b"   ", {"content-type": "application/yaml"}),
    (b"\xff\xfe{}", {"content-type": "application/json"}),
    (b"[" * 100_000, {"content-type": "application/json"}),
])
def test_malformed_body_is_400(client: TestClient, body: bytes, headers: dict[str, str]) -> None:
    response = client.post(URL, content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "malformed_body"


def test_a_case_that_is_not_a_mapping_is_422(client: TestClient) -> None:
    response = client.post(URL, json=[1, 2])
    assert response.status_code == 422
    assert list(fields(response)) == ["case"]


def test_unsupported_media_type_is_415(client: TestClient) -> None:
    response = client.post(URL, content=b"<case/>", headers={"content-type": "application/xml"})
    assert response.status_code == 415
    assert response.json()["error"] == "unsupported_media_type"


def test_invalid_case_names_each_field_and_reason(client: TestClient) -> None:
    bad = case(sentence={"kind": "imprisonment", "term": {"months": -1}}, trigger="arrest")
    bad["person"]["date_of_birth"] = "1987-06-45"
    bad["disposals"][0]["offence"]["victim_age"] = "fifteen"
    response = client.post(URL, json=bad)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_case"
    found = fields(response)
    assert set(found) == {"person.date_of_birth", "disposals[0].trigger", "disposals[0].sentence.term.months",
                          "disposals[0].offence.victim_age"}
    assert "not a real calendar date" in found["person.date_of_birth"]
    assert "greater than or equal to 0" in found["disposals[0].sentence.term.months"]
    assert "'conviction'" in found["disposals[0].trigger"]  # the allowed values are named


def test_a_model_check_is_reported_against_its_field(client: TestClient) -> None:
    response = client.post(URL, json=case(relevant_date="1980-01-01"))
    assert response.status_code == 422
    assert fields(response) == {
        "disposals[0].relevant_date": "disposals[0].relevant_date is before person.date_of_birth"}
    interval = case()
    interval["intervals"] = [{"kind": "serving_sentence", "start": "2016-01-02", "end": "2016-01-01"}]
    assert fields(client.post(URL, json=interval)) == {"intervals[0].end": "end is before start"}


def test_too_large_a_body_is_413(client: TestClient) -> None:
    declared = client.post(URL, content=b" " * (MAX_BODY_BYTES + 1), headers={"content-type": "application/json"})
    assert declared.status_code == 413
    assert declared.json()["error"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY_BYTES // 50_000 + 2):
            yield b" " * 50_000

    streamed = client.post(URL, content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert streamed.json()["error"] == "payload_too_large"


def test_a_yaml_alias_bomb_is_413(client: TestClient) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    response = client.post(URL, content="\n".join(lines).encode(), headers={"content-type": "application/yaml"})
    assert response.status_code == 413
    assert str(MAX_YAML_NODES) in response.json()["message"]


def test_a_case_with_more_values_than_the_server_takes_is_413(client: TestClient) -> None:
    many = case()
    many["notifications"] = [{"kind": "periodic", "date": "2016-01-01", "no_sole_or_main_residence": False,
                              "n": list(range(10))}] * (MAX_VALUES // 12 + 1)
    response = client.post(URL, json=many)
    assert response.status_code == 413
    assert str(MAX_VALUES) in response.json()["message"]


@pytest.mark.parametrize(("body", "media"), [
    (b'{"person": {"date_of_birth": "1987-06-05", "date_of_birth": "1990-01-01"}}', "application/json"),
    (b"person:\n  date_of_birth: 1987-06-05\n  date_of_birth: 1990-01-01\n", "application/yaml"),
])
def test_a_key_given_twice_is_refused_not_read_as_the_last(client: TestClient, body: bytes, media: str) -> None:
    """JSON parsers keep the last of two keys and YAML loaders too: the server refuses the body instead, naming the
    key, never the values."""
    response = client.post(URL, content=body, headers={"content-type": media})
    assert response.status_code == 400
    assert response.json()["error"] == "malformed_body"
    message = response.json()["message"]
    assert "given twice" in message and "date_of_birth" in message
    assert "1987" not in message and "1990" not in message


def test_unknown_paths_and_methods_answer_in_json(client: TestClient) -> None:
    assert client.get("/v1/nothing").json()["error"] == "not_found"
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"
    assert client.get("/v1/offences", params={"limit": "many"}).json()["fields"][0]["field"] == "limit"


def test_an_internal_error_is_a_500_with_its_kind_only(
    client: TestClient, logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any) -> Any:
        raise ValueError(f"cannot handle {DOB} for {NAME}")

    monkeypatch.setattr(routes, "QUESTIONS", {"notification-period": broken})
    response = client.post(URL, json=case())
    assert response.status_code == 500
    assert response.json() == {"error": "internal_error",
                               "message": "Internal error (ValueError); nothing was decided.", "fields": []}
    record = next(r for r in logs.records if r.name == "mappa_rules.server.error")
    assert "ValueError" in record.getMessage() and "routes.py" in record.getMessage()
    assert DOB not in server_log(logs) and NAME not in server_log(logs)


def test_access_log_has_no_query_string_and_no_body(client: TestClient, logs: pytest.LogCaptureFixture) -> None:
    client.post(f"/v1/questions/category?as_of={AS_OF}", json=case())
    client.post(f"/v1/explanations/secret-{DOB}?as_of={AS_OF}", json=case())
    client.get(f"/v1/secret-{DOB}")
    client.get("/static/page.css")
    lines = [r.getMessage() for r in logs.records if r.name == "mappa_rules.server.access"]
    assert lines[0].startswith("POST /v1/questions/category 200 ")
    assert lines[1].startswith("POST /v1/explanations/{question} 404 ")
    assert lines[2].startswith("GET (no route) 404 ")
    assert lines[3].startswith("GET /static/{file} 200 ")
    assert AS_OF not in server_log(logs) and DOB not in server_log(logs)


def test_no_date_of_birth_or_free_text_in_any_error_or_log(client: TestClient, logs: pytest.LogCaptureFixture) -> None:
    """Every kind of refusal, each with the same date of birth and name in the case: neither ever comes back."""
    bad_dob = case()
    bad_dob["person"]["date_of_birth"] = "05/06/1987"
    impossible = case(relevant_date="1980-01-01")
    wrong_type = case(offence={"description": NAME, "schedule3": DOB})
    extra = case()
    extra["person"]["name"] = NAME
    twice = case()
    twice["disposals"].append(dict(twice["disposals"][0]))
    twice["disposals"][1]["id"] = "d1"
    tagged = case(sentence={"kind": NAME, "term": {"months": 12}})
    bodies = [json.dumps(c).encode() for c in (bad_dob, impossible, wrong_type, extra, twice, tagged)]
    bodies.append(f"person: {{date_of_birth: {DOB}}}\ncase_id: {NAME}\ndisposals: [".encode())
    bodies.append(json.dumps(case())[:-3].encode())
    for body in bodies:
        for kind in ("application/json", "application/yaml"):
            response = client.post(URL, content=body, headers={"content-type": kind})
            assert response.status_code in (400, 422), response.text
            for secret in (DOB, "05/06/1987", NAME, "Quintessa"):
                assert secret not in response.text, response.text
    assert logs.records, "the requests were logged"
    for secret in (DOB, NAME, "Quintessa"):
        assert secret not in server_log(logs)
