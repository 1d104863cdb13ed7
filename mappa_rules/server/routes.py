"""The API's routes under ``/v1``: one path per question, assess, explanations, schemas, offences, examples."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

import mappa_rules
from mappa_rules import QUESTIONS, Case, Decision, assess, default_rulebook

from . import examples
from .adapter import QuestionInfo, offence_catalogue, question_table
from .casebody import CaseText, case_text, parse_case
from .errors import ApiError, ErrorBody, invalid_parameter
from .explain import explain
from .models import Example, ExampleSummary, Explanation, Health, OffenceDetail, OffenceSummary, QuestionSummary

CASE_BODY: dict[str, Any] = {"requestBody": {"required": True, "description": "The case (JSON, or YAML text).",
                                             "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/Case"}},
    "application/yaml": {"schema": {"type": "string", "description": "The case as YAML text."}},
}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": what} for code, what in [
        (400, "Malformed body: not JSON or YAML, not UTF-8, empty or nested too deeply."),
        (413, "The body is larger than 1 MB, or the case holds too many values."),
        (415, "The body is neither JSON nor YAML."),
        (422, "The case or a parameter is not valid: each field is named with the reason."),
        (500, "Internal error: its kind only, no traceback and no case data."),
    ]
}

router = APIRouter(prefix="/v1")


def as_of_param(
    as_of: Annotated[str, Query(description="The date to answer for, YYYY-MM-DD.", json_schema_extra={"format": "date"},
                                examples=["2026-11-21"])],
) -> date:
    """The as-of date: always given by the caller (only the CLI defaults it to today)."""
    try:
        if len(as_of) != 10:
            raise ValueError
        return date.fromisoformat(as_of)
    except ValueError:
        raise invalid_parameter("as_of", "not a real date written YYYY-MM-DD") from None


def _json(payload: str) -> Response:
    return Response(content=payload, media_type="application/json")


def _decision_model(info: QuestionInfo) -> type[Any]:
    """The documented response of a question: a decision whose ``value`` is the question's typed answer, if any."""
    if info.answer is None:
        return Decision
    from pydantic import create_model

    return create_model(f"Decision_{info.answer.__name__}", __base__=Decision, value=(info.answer, ...))


def _answerer(info: QuestionInfo) -> Callable[..., Response]:
    def answer(raw: Annotated[CaseText, Depends(case_text)], as_of: Annotated[date, Depends(as_of_param)]) -> Response:
        decision = QUESTIONS[info.name](parse_case(raw), as_of, None)
        return _json(decision.model_dump_json())

    answer.__name__ = f"answer_{info.name.replace('-', '_')}"
    answer.__doc__ = f"Answers `{info.name}` for the case in the body; decisions carry the question id `{info.id}`."
    return answer


def question_router() -> APIRouter:
    """One POST path per question (so that the OpenAPI document shows each), then a 404 for any other name."""
    questions = APIRouter(prefix="/v1", tags=["questions"])
    for info in question_table():
        questions.add_api_route(
            f"/questions/{info.name}", _answerer(info), methods=["POST"], summary=info.description,
            response_model=None, responses={200: {"model": _decision_model(info), "description": "The decision."},
                                            **ERRORS},
            openapi_extra=CASE_BODY,
        )
    questions.add_api_route("/questions/{question}", unknown_question, methods=["POST"], include_in_schema=False)
    return questions


def _known(question: str) -> None:
    if question not in QUESTIONS:
        raise ApiError(404, "unknown_question", "There is no such question.", known=list(QUESTIONS))


def unknown_question(question: str) -> Response:
    """Any other question name: 404 with the known names."""
    _known(question)
    raise AssertionError("every known question has its own route")  # pragma: no cover


@router.get("/health", tags=["service"])
def health() -> Health:
    """The server is up, with the package and ruleset versions."""
    return Health(version=mappa_rules.__version__, ruleset_version=default_rulebook().version)


@router.get("/questions", tags=["questions"])
def questions() -> list[QuestionSummary]:
    """Every question, with its description and the path that answers it."""
    return [QuestionSummary(name=q.name, id=q.id, description=q.description, path=f"/v1/questions/{q.name}")
            for q in question_table()]


@router.post("/assess", tags=["questions"], response_model=None, openapi_extra=CASE_BODY,
             responses={200: {"description": "Question name -> decision.", "content": {"application/json": {
                 "schema": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Decision"}}}}},
                 **ERRORS})
def assess_case(
    raw: Annotated[CaseText, Depends(case_text)],
    as_of: Annotated[date, Depends(as_of_param)],
    questions: Annotated[list[str] | None, Query(description="Questions to answer (default: notification-period "
                                                              "and category); repeat the parameter for more.")] = None,
) -> Response:
    """Several questions about one case at once, sharing their common work."""
    wanted = questions or ["notification-period", "category"]
    unknown = [q for q in wanted if q not in QUESTIONS]
    if unknown:
        raise invalid_parameter("questions", f"{len(unknown)} unknown question(s); known: {', '.join(QUESTIONS)}")
    answers = assess(parse_case(raw), as_of, wanted)
    return _json("{" + ",".join(f"{json.dumps(q)}:{d.model_dump_json()}" for q, d in answers.items()) + "}")


@router.post("/explanations/{question}", tags=["page"], response_model=None, openapi_extra=CASE_BODY,
             responses={200: {"model": Explanation, "description": "The decision with what the page shows."},
                        404: {"model": ErrorBody, "description": "Unknown question."}, **ERRORS})
def explanation(
    question: str, raw: Annotated[CaseText, Depends(case_text)], as_of: Annotated[date, Depends(as_of_param)]
) -> Response:
    """The decision with its one-line answer, an input for each missing fact and the timeline picture."""
    _known(question)
    return _json(explain(question, parse_case(raw), as_of).model_dump_json())


@router.get("/schemas/case", tags=["schemas"])
def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case (the request body)."""
    return Case.model_json_schema(mode="validation")


@router.get("/schemas/decision", tags=["schemas"])
def decision_schema() -> dict[str, Any]:
    """The JSON Schema of a decision (the response)."""
    return Decision.model_json_schema(mode="serialization")


def _summary(listing: Any) -> dict[str, Any]:
    e = listing.entry
    return {"offence": e.offence, "title": e.title, "schedule": listing.schedule, "part": listing.part,
            "citation": listing.citation, "status": e.status}


@router.get("/offences", tags=["offences"])
def offences(
    q: Annotated[str, Query(max_length=200, description="Words that must all appear (id, title, enactment).")] = "",
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many results.")] = 50,
) -> list[OffenceSummary]:
    """Search the offence catalogue (Schedule 3 SOA 2003 and Schedule 15 CJA 2003, entry by entry)."""
    return [OffenceSummary(**_summary(listing)) for listing in offence_catalogue().search(q)[:limit]]


@router.get("/offences/{offence_id}", tags=["offences"], responses={404: {"model": ErrorBody}})
def offence(offence_id: str) -> list[OffenceDetail]:
    """Every listing of one offence id, with its conditions, dates and status."""
    listings = offence_catalogue().find(offence_id)
    if not listings:
        raise ApiError(404, "unknown_offence", "No offence with that id is in the catalogue (search /v1/offences).")
    out = []
    for listing in listings:
        e = listing.entry
        out.append(OffenceDetail(
            **_summary(listing), enactment=e.enactment, section=e.section, paragraph=e.paragraph,
            in_force={"start": e.in_force.start, "end": e.in_force.end}, dates_status=e.dates_status,
            condition_text=e.condition_text, condition=e.condition, notes=e.notes))
    return out


@router.get("/examples", tags=["examples"])
def example_list() -> list[ExampleSummary]:
    """The bundled example cases."""
    return [ExampleSummary(**e.model_dump(exclude={"yaml"})) for e in examples.bundled()]


@router.get("/examples/{name}", tags=["examples"], responses={404: {"model": ErrorBody}})
def example(name: str) -> Example:
    """One bundled example case, as YAML text."""
    for found in examples.bundled():
        if found.name == name:
            return found
    raise ApiError(404, "unknown_example", "There is no bundled example of that name.",
                   known=[e.name for e in examples.bundled()])
