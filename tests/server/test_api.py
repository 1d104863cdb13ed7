"""The HTTP API answers as the Python API does: every endpoint, on the bundled examples and the guided cases."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from mappa_rules import QUESTIONS, Case, assess, default_rulebook
from mappa_rules.input import load_case_data
from mappa_rules.offences import offence_catalogue
from mappa_rules.questions.registry import REGISTRY
from mappa_rules.server.adapter import question_table

from .conftest import EXAMPLES

AS_OF = date(2026, 11, 21)
YAML = {"content-type": "application/yaml"}
SEVENTEEN = {  # 17 on the relevant date, 24 months' detention for a Schedule 3 offence, sentenced on the day
    "person": {"date_of_birth": "2007-03-01"},
    "disposals": [{"id": "d1", "trigger": "conviction", "relevant_date": "2024-06-01", "offence": {"schedule3": True},
                   "sentence": {"kind": "imprisonment", "form": "s91_s250_detention", "term": {"months": 24}},
                   "sentence_date": "2024-06-01"}],
}


def seventeen(sentence_date: str | None, sentencing_condition: bool | None = None) -> dict[str, Any]:
    """The 17-year-old, sentenced on another day (or with the day not given), the Schedule 3 limb as given."""
    case: dict[str, Any] = json.loads(json.dumps(SEVENTEEN))
    disposal = case["disposals"][0]
    del disposal["sentence_date"]
    if sentence_date is not None:
        disposal["sentence_date"] = sentence_date
    if sentencing_condition is not None:
        disposal["offence"]["schedule3_sentencing_condition"] = sentencing_condition
    return case


def example_case(name: str) -> tuple[str, Case]:
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    return text, Case.model_validate(load_case_data(text, name))


def python_answer(question: str, case: Case) -> Any:
    return json.loads(QUESTIONS[question](case, AS_OF, None).model_dump_json())


def test_health_names_the_rulesets(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["ruleset_version"] == default_rulebook().version


def test_questions_lists_every_question_with_its_description(client: TestClient) -> None:
    listed = client.get("/v1/questions").json()
    assert [q["name"] for q in listed] == list(QUESTIONS)
    for q in listed:
        assert q["path"] == f"/v1/questions/{q['name']}"
        assert len(q["description"]) > 20
    assert [q["name"] for q in listed] == [q.cli for q in REGISTRY]
    assert len({q.id for q in question_table()}) == len(QUESTIONS)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_bundled_example_gives_the_python_decision(client: TestClient, name: str) -> None:
    text, case = example_case(name)
    for question in QUESTIONS:
        response = client.post(f"/v1/questions/{question}?as_of={AS_OF}", content=text, headers=YAML)
        assert response.status_code == 200, response.text
        assert response.json() == python_answer(question, case)


def test_question_ids_match_the_decisions(client: TestClient) -> None:
    _, case = example_case("notification-duties")
    for info in question_table():
        assert QUESTIONS[info.name](case, AS_OF, None).question == info.id


def test_json_and_yaml_bodies_give_the_same_decision(client: TestClient) -> None:
    text, case = example_case("adult-12-months")
    as_json = client.post(f"/v1/questions/category?as_of={AS_OF}", json=case.model_dump(mode="json"))
    as_yaml = client.post(f"/v1/questions/category?as_of={AS_OF}", content=text, headers=YAML)
    plain = client.post(f"/v1/questions/category?as_of={AS_OF}", content=text.encode(),
                        headers={"content-type": "application/x-www-form-urlencoded"})  # curl --data-binary
    assert as_json.json() == as_yaml.json() == plain.json() == python_answer("category", case)


def test_assess_answers_several_questions_as_the_python_api_does(client: TestClient) -> None:
    text, case = example_case("notification-duties")
    expected = {q: json.loads(d.model_dump_json()) for q, d in assess(case, AS_OF).items()}
    assert client.post(f"/v1/assess?as_of={AS_OF}", content=text, headers=YAML).json() == expected
    wanted = ["timeline", "review", "category"]
    query = "&".join(f"questions={q}" for q in wanted)
    got = client.post(f"/v1/assess?as_of={AS_OF}&{query}", content=text, headers=YAML).json()
    assert list(got) == wanted
    assert got == {q: json.loads(d.model_dump_json()) for q, d in assess(case, AS_OF, wanted).items()}


def test_explanation_of_the_seventeen_year_old(client: TestClient) -> None:
    body = client.post(f"/v1/explanations/notification-period?as_of={AS_OF}", json=SEVENTEEN).json()
    assert body["headline"].startswith("Notification period 5 years, last day 2029-05-31")
    assert body["decision"]["outcome"] == "yes"
    assert body["decision"]["dates"]["period_last_day"] == "2029-05-31"
    assert body["missing"] == []
    assert body["picture"]["periods"] == [
        {"label": "Notification period: 5 years (d1)", "start": "2024-06-01", "end": "2029-05-31"}]
    events = {(e["date"], e["status"]) for e in body["picture"]["events"]}
    assert ("2029-05-31", "upcoming") in events and ("2024-06-01", "past") in events
    assert body["case"]["person"] == {"date_of_birth": "2007-03-01"}


def test_explanation_turns_missing_facts_into_inputs(client: TestClient) -> None:
    case = json.loads(json.dumps(SEVENTEEN))
    del case["person"], case["disposals"][0]["relevant_date"]
    case["disposals"][0]["offence"] = {"offence_id": "soa2003.s3"}
    body = client.post(f"/v1/explanations/category?as_of={AS_OF}", json=case).json()
    assert body["decision"]["outcome"] == "undetermined"
    inputs = {m["fact"]: (m["input"], m["choices"]) for m in body["missing"]}
    assert inputs["person.date_of_birth"] == ("date", [])
    assert inputs["disposals[0].offence.victim_age"] == ("integer", [])
    assert inputs["disposals[0].dealt_with_status_1997"] == ("boolean", [])
    assert inputs["disposals[0].court"] == ("choice", ["england_wales", "scotland", "northern_ireland", "outside_uk"])
    assert [m["fact"] for m in body["missing"]] == [m["fact"] for m in body["decision"]["missing"]]


def test_without_the_sentence_date_the_answer_asks_for_it(client: TestClient) -> None:
    """A flag-only Schedule 3 offence with a custodial sentence: the relevant date is the day of sentence if the
    listing rests on the sentence, so the answer names the sentence date and the limb, each as an input.
    Citation: Sexual Offences Act 2003 s.132(3)."""
    body = client.post(f"/v1/explanations/notification-period?as_of={AS_OF}", json=seventeen(None)).json()
    assert body["decision"]["outcome"] == "undetermined"
    inputs = {m["fact"]: m for m in body["missing"]}
    assert set(inputs) == {"disposals[0].sentence_date", "disposals[0].offence.schedule3_sentencing_condition"}
    assert inputs["disposals[0].sentence_date"]["input"] == "date"
    assert "s.132" in inputs["disposals[0].sentence_date"]["description"]
    assert inputs["disposals[0].offence.schedule3_sentencing_condition"]["input"] == "boolean"
    limb_only = client.post(f"/v1/explanations/notification-period?as_of={AS_OF}", json=seventeen(None, False)).json()
    assert limb_only["decision"]["dates"]["period_last_day"] == "2029-05-31"  # listed whatever the sentence


def test_a_later_sentence_moves_the_period_only_where_the_listing_rests_on_it(client: TestClient) -> None:
    """Sentenced six weeks after the conviction: the period runs from the conviction if Schedule 3 lists the
    offence whatever the sentence, from the day of sentence if only because of it; not knowing which, both
    periods are drawn and the limb is asked for.
    Citation: Sexual Offences Act 2003 ss.82(6), 132(3)."""
    url = f"/v1/explanations/notification-period?as_of={AS_OF}"
    unknown = client.post(url, json=seventeen("2024-07-12")).json()
    assert [m["fact"] for m in unknown["missing"]] == ["disposals[0].offence.schedule3_sentencing_condition"]
    assert [(p["start"], p["end"]) for p in unknown["picture"]["periods"]] == [
        ("2024-06-01", "2029-05-31"), ("2024-07-12", "2029-07-11")]
    whatever = client.post(url, json=seventeen("2024-07-12", False)).json()["decision"]
    assert whatever["dates"]["period_last_day"] == "2029-05-31"
    by_sentence = client.post(url, json=seventeen("2024-07-12", True)).json()
    assert by_sentence["decision"]["dates"]["period_last_day"] == "2029-07-11"
    assert by_sentence["picture"]["periods"] == [
        {"label": "Notification period: 5 years (d1)", "start": "2024-07-12", "end": "2029-07-11"}]


def test_explanation_draws_both_possible_periods_when_the_age_is_unknown(client: TestClient) -> None:
    text, _ = example_case("dob-unknown-12-months")
    body = client.post(f"/v1/explanations/notification-period?as_of={AS_OF}", content=text, headers=YAML).json()
    assert [(p["label"].split(":")[0], p["end"]) for p in body["picture"]["periods"]] == [
        ("If 18 or over", "2032-05-31"), ("If under 18", "2027-05-31")]


def test_explanation_of_the_timeline_marks_each_duty(client: TestClient) -> None:
    text, case = example_case("notification-duties")
    body = client.post(f"/v1/explanations/timeline?as_of={AS_OF}", content=text, headers=YAML).json()
    items = QUESTIONS["timeline"](case, AS_OF, None).value["items"]
    marked = {(e["date"], e["label"]) for e in body["picture"]["events"]}
    assert {(i["date"].isoformat(), i["what"]) for i in items} <= marked
    assert body["picture"]["periods"][0]["end"] is None  # indefinite


def test_explanation_of_an_unknown_question_is_404(client: TestClient) -> None:
    response = client.post(f"/v1/explanations/nonsense?as_of={AS_OF}", json=SEVENTEEN)
    assert response.status_code == 404
    assert response.json()["known"] == list(QUESTIONS)


def test_schemas_are_the_library_contracts(client: TestClient) -> None:
    from mappa_rules import Decision

    assert client.get("/v1/schemas/case").json() == Case.model_json_schema(mode="validation")
    assert client.get("/v1/schemas/decision").json() == Decision.model_json_schema(mode="serialization")


def test_offence_search_and_show(client: TestClient) -> None:
    found = client.get("/v1/offences", params={"q": "sexual assault"}).json()
    assert "soa2003.s3" in {o["offence"] for o in found}
    catalogue = offence_catalogue(default_rulebook())
    assert [(o["offence"], o["schedule"]) for o in found] == [
        (listing.entry.offence, listing.schedule) for listing in catalogue.search("sexual assault")][:50]
    assert len(client.get("/v1/offences", params={"limit": 3}).json()) == 3
    shown = client.get("/v1/offences/soa2003.s3").json()
    assert {s["schedule"] for s in shown} == {"soa2003.sch3", "cja2003.sch15"}
    sch3 = next(s for s in shown if s["schedule"] == "soa2003.sch3")
    assert sch3["citation"]["url"].startswith("https://www.legislation.gov.uk/")
    assert sch3["condition_text"]
    missing = client.get("/v1/offences/no.such.offence")
    assert missing.status_code == 404 and missing.json()["error"] == "unknown_offence"


def test_examples_are_served_as_yaml(client: TestClient) -> None:
    listed = client.get("/v1/examples").json()
    assert {e["name"] for e in listed} == {p.stem for p in EXAMPLES.glob("*.yaml")}
    duties = client.get("/v1/examples/notification-duties").json()
    assert duties["question"] == "timeline"
    assert duties["yaml"] == (EXAMPLES / "notification-duties.yaml").read_text(encoding="utf-8")
    assert client.get("/v1/examples/none").status_code == 404


def test_concurrent_requests_to_a_real_server_agree(live_server: str) -> None:
    """The rule book is shared and immutable: answers given at the same time are the same answers."""
    text, case = example_case("notification-duties")
    expected = python_answer("timeline", case)

    def ask(_: int) -> Any:
        response = httpx.post(f"{live_server}/v1/questions/timeline?as_of={AS_OF}", content=text, headers=YAML,
                              timeout=30)
        return response.json()

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(ask, range(12)))
    assert all(a == expected for a in answers)
