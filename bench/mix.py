"""A seeded, varied mix of valid cases for the benchmarks (``bench/bench_all.py``) and the decision comparison.

Every case validates with ``Case.model_validate``. The proportions, per case unless stated (the run prints the
proportions it actually drew, see :func:`describe`):

* disposals: 1 (68%), 2 (20%), 3 (8%), 4 (3%), 6 (1%) - a mean of about 1.5; :func:`generate` can force a count;
* per disposal, the sentence: imprisonment 33% (terms on and around the s.82 and s.327 boundaries - 6, 12, 30
  months - given in years, months, weeks or days; a fifth of them suspended; YOI and s.91/s.250 forms for the
  young), detention and training order 6%, extended sentence 4%, life 3%, IPP 2%, hospital order 6% (restriction
  order yes / no / unknown), guardianship 1%, community order 13%, fine 7%, conditional discharge 6%, absolute
  discharge 2%, caution 11%, other 1%, not yet sentenced 3%; 3% findings of insanity or disability;
* a later custodial disposal relates to an earlier one in half the cases where it can (consecutive, concurrent,
  partly concurrent with an overlap);
* offences: 45% given by catalogue id, drawn from the real catalogue (``rulesets/offences/*.yaml``: Schedules 3
  and 15), with the facts their conditions read (victim's, offender's and intended victim's ages, images, burglary
  intent, ...) mostly given, and a fifth of them also carrying the caller's flags (so conflicts occur); the rest
  by flags (schedule3, schedule15 part, murder, s.327(4A)), some of them unknown;
* the date of birth is unknown in 12% of cases; about 15% of disposals are of a person under 18; 3% of relevant
  dates are unknown; relevant dates run from 1994 (pre-1997, with the s.81 status) to 2026;
* 28% of cases have civil orders (1-2: SHPO, interim SHPO, SRO, interim SRO, SOPO, RSHO, foreign travel order,
  notification orders and notices), with terms of fixed periods or until further order, breaches and cessations;
* intervals in custody, hospital or abroad 40%; notifications given 40%; changes to notify 25%; trips abroad
  20%; review facts 15%; risk judgements 85%; MAPPA management facts 35%.

The as-at date is :data:`AS_OF`. Only the public input contract (the case's JSON form) is used.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

try:
    from . import mix_records as records
except ImportError:  # imported as a sibling module by a script in this directory (compare_decisions.py)
    import mix_records as records  # type: ignore[no-redef,import-not-found]

AS_OF = records.AS_OF
pick, iso, between = records.pick, records.iso, records.between
ROOT = Path(__file__).resolve().parents[1]
DISPOSAL_COUNTS = ((1, 68), (2, 20), (3, 8), (4, 3), (6, 1))
SENTENCES = (
    ("imprisonment", 33), ("detention_and_training_order", 6), ("extended_sentence", 4), ("life", 3), ("ipp", 2),
    ("hospital_order", 6), ("guardianship_order", 1), ("community_order", 13), ("fine", 7),
    ("conditional_discharge", 6), ("absolute_discharge", 2), ("caution", 11), ("other", 1), (None, 3),
)
BOUNDARY_MONTHS = (1, 3, 5, 6, 7, 9, 11, 12, 13, 18, 24, 29, 30, 31, 36, 48, 60, 96, 120)
CONDITION_FACTS = (
    "victim_age", "offender_age", "intended_victim_age", "images_showed_person_under_16",
    "purpose_sexual_gratification", "burglary_intent", "aggravated_vehicle_taking_caused_death",
    "charged_as_arson", "involves_murder", "sexual_exploitation_purpose",
)


def offences_dir() -> Path:
    """The bundled offence catalogue (the installed package's copy, or the repository's)."""
    try:
        path = Path(str(resources.files("mappa_rules.rulesets") / "offences"))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return ROOT / "rulesets" / "offences"


@cache
def catalogue() -> dict[str, list[dict[str, Any]]]:
    """Schedule id -> the catalogue's entries, read from the YAML files."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(offences_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["schedule"]] = data["entries"]
    return out



def _term(rng: random.Random, months: int) -> dict[str, int]:
    """A term of about ``months``, written the way sentences are pronounced (sometimes in weeks or days)."""
    form = rng.random()
    if form < 0.1 and months <= 24:
        return {"weeks": max(1, round(months * 52 / 12))}
    if form < 0.15 and months <= 6:
        return {"days": max(1, months * 30 + rng.choice((-1, 0, 1)))}
    if form < 0.2:
        return {"months": months, "days": rng.choice((1, 14))}
    if months >= 12 and months % 12 == 0 and form < 0.6:
        return {"years": months // 12}
    if months > 12 and form < 0.7:
        return {"years": months // 12, "months": months % 12} if months % 12 else {"years": months // 12}
    return {"months": months}


def _offence(rng: random.Random, born: date | None, relevant: date | None) -> dict[str, Any]:
    latest = relevant or AS_OF
    offence: dict[str, Any] = {}
    if rng.random() < 0.85:
        earliest = max(latest - timedelta(days=3 * 365), born + timedelta(days=10 * 366) if born else date(1980, 1, 1))
        offence["offence_date"] = iso(between(rng, min(earliest, latest), latest))
    if rng.random() < 0.45:
        sch3 = rng.random() < 0.55
        entries = catalogue()["soa2003.sch3" if sch3 else "cja2003.sch15"]
        entry = rng.choice(entries)
        offence["offence_id"] = "soa2003.s3" if sch3 and rng.random() < 0.15 else entry["offence"]
        condition = " ".join(entry.get(key) or "" for key in ("condition", "other_condition", "sentencing_condition"))
        for name in CONDITION_FACTS:
            if name in condition and rng.random() < 0.8:
                offence[name] = _condition_fact(rng, name)
        if "victim_age" not in offence and rng.random() < 0.5:
            offence["victim_age"] = _condition_fact(rng, "victim_age")
        if "offender_age" in offence and born is not None and "offence_date" in offence:
            del offence["offender_age"]  # worked out from the date of birth (a stated age must agree with it)
        if rng.random() < 0.2:
            offence["schedule3"] = rng.random() < 0.5
            offence["schedule15"] = rng.choice(("part_1", "part_2", "not_listed"))
        if rng.random() < 0.7:
            offence.update(murder=False, s327_4a=False)
        return offence
    offence["schedule3"] = pick(rng, ((True, 45), (False, 45), (None, 10)))
    if offence["schedule3"]:
        offence["schedule3_sentencing_condition"] = pick(rng, ((False, 75), (None, 25)))
    offence["schedule15"] = pick(rng, (("part_1", 30), ("part_2", 20), ("part_3", 3), ("not_listed", 42), (None, 5)))
    offence["murder"] = pick(rng, ((False, 90), (True, 2), (None, 8)))
    offence["s327_4a"] = pick(rng, ((False, 88), (True, 4), (None, 8)))
    if rng.random() < 0.1:
        offence["schedule19za"] = rng.random() < 0.3
    if rng.random() < 0.3:
        offence["description"] = rng.choice(("Sexual assault", "Wounding", "Robbery", "Indecent images", "Arson"))
    return offence


def _condition_fact(rng: random.Random, name: str) -> Any:
    if name in ("victim_age", "intended_victim_age"):
        return rng.choice((4, 11, 12, 13, 15, 16, 17, 18, 19, 25, 40))
    if name == "offender_age":
        return rng.choice((14, 16, 17, 18, 19, 20, 21, 35))
    if name == "burglary_intent":
        return rng.choice(("inflict_gbh", "unlawful_damage", "rape", "steal", "other"))
    return rng.random() < 0.6


def _sentence(rng: random.Random, kind: str | None, young: bool) -> dict[str, Any] | None:
    if kind is None:
        return None
    if kind == "imprisonment":
        suspended = rng.random() < 0.2
        months = rng.choice([m for m in BOUNDARY_MONTHS if m <= 24] if suspended else BOUNDARY_MONTHS)
        out: dict[str, Any] = {"kind": kind, "term": _term(rng, months)}
        if suspended:
            out["suspended"] = True
        if young:
            out["form"] = rng.choice(("young_offender_institution", "s91_s250_detention", "imprisonment"))
        return out
    if kind == "detention_and_training_order":
        return {"kind": kind, "term": _term(rng, rng.choice((4, 6, 8, 10, 12, 18, 24)))}
    if kind == "extended_sentence":
        return {"kind": kind, "custodial_term": _term(rng, rng.choice((12, 24, 36, 60, 96))),
                "extension_period": {"years": rng.randint(1, 8)}}
    if kind == "hospital_order":
        return {"kind": kind, "restriction_order": pick(rng, ((True, 45), (False, 45), (None, 10)))}
    if kind == "community_order":
        return {"kind": kind, **({"length": _term(rng, rng.choice((6, 12, 18, 24, 36)))} if rng.random() < 0.8 else {})}
    if kind == "conditional_discharge":
        return {"kind": kind, "period": _term(rng, rng.choice((6, 12, 18, 24, 36)))}
    if kind == "other":
        return {"kind": kind, "description": "referral order"}
    return {"kind": kind}


def _disposals(rng: random.Random, count: int, born: date | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    custodial: list[str] = []
    sitting: date | None = None
    for i in range(count):
        ident = f"d{i + 1}"
        if rng.random() < 0.03:
            relevant = None
        elif sitting is not None and rng.random() < 0.6:
            relevant = sitting
        else:
            lower = date(1994, 1, 1) if born is None else max(date(1994, 1, 1), born + timedelta(days=10 * 366))
            relevant = between(rng, min(lower, AS_OF), AS_OF)
        sitting = relevant or sitting
        young = born is not None and relevant is not None and (relevant - born).days < 18 * 365
        kind = pick(rng, SENTENCES)
        trigger = "caution" if kind == "caution" else pick(
            rng, (("conviction", 97), ("insanity_finding", 2), ("disability_finding", 1)))
        disposal: dict[str, Any] = {"id": ident, "trigger": trigger,
                                    "relevant_date": iso(relevant) if relevant else None,
                                    "offence": _offence(rng, born, relevant)}
        if kind in ("imprisonment", "hospital_order", "community_order") and trigger != "caution" \
                and disposal["offence"].get("schedule3_sentencing_condition") is False and rng.random() < 0.25:
            disposal["offence"]["schedule3_sentencing_condition"] = True  # listed only by its sentence (s.132)
        if rng.random() < 0.97:
            disposal["court"] = pick(rng, (("england_wales", 92), ("scotland", 3), ("northern_ireland", 2),
                                            ("outside_uk", 3)))
        sentence = _sentence(rng, None if kind == "caution" and rng.random() < 0.3 else kind, young)
        if sentence is not None:
            disposal["sentence"] = sentence
        if relevant is not None:
            if relevant < date(1997, 9, 1):
                disposal["dealt_with_status_1997"] = pick(rng, ((True, 50), (False, 40), (None, 10)))
            if sentence is not None and rng.random() < 0.3:
                disposal["sentence_date"] = iso(relevant + timedelta(days=rng.randint(0, 60)))
            if kind in ("imprisonment", "detention_and_training_order", "extended_sentence", "hospital_order",
                        "guardianship_order", "life", "ipp") and rng.random() < 0.85:
                years = rng.choice((1, 2, 3, 5, 8, 12))
                disposal["supervision_end"] = iso(relevant + timedelta(days=years * 365 + rng.randint(0, 200)))
                if rng.random() < 0.5:
                    disposal["release_date"] = iso(relevant + timedelta(days=years * 120))
        if kind in ("imprisonment", "detention_and_training_order", "extended_sentence") and sentence is not None:
            if custodial and rng.random() < 0.5:
                to = rng.choice(custodial)
                relation: dict[str, Any] = {"to": to, "kind": pick(
                    rng, (("consecutive", 50), ("concurrent", 35), ("partly_concurrent", 15)))}
                if relation["kind"] == "partly_concurrent":
                    relation["overlap"] = {"months": rng.choice((1, 2, 3))}
                sentence["relation"] = relation
            custodial.append(ident)
        out.append(disposal)
    return out


def one_case(rng: random.Random, ident: str, disposals: int | None = None) -> dict[str, Any]:
    """One case as the JSON-ready mapping a caller would send."""
    born = None if rng.random() < 0.12 else between(rng, date(1940, 1, 1), date(2010, 12, 31))
    count = disposals if disposals is not None else pick(rng, DISPOSAL_COUNTS)
    case: dict[str, Any] = {"case_id": ident, "person": {"date_of_birth": iso(born) if born else None},
                            "disposals": _disposals(rng, count, born)}
    relevant = [date.fromisoformat(d["relevant_date"]) for d in case["disposals"] if d["relevant_date"]]
    first = min(relevant) if relevant else None
    start = max(first or date(2010, 1, 1), date(2004, 5, 1)) + timedelta(days=rng.randint(1, 400))
    start = min(start, AS_OF)
    if rng.random() < 0.28:
        case["orders"] = [records.order(rng, i, first) for i in range(rng.choice((1, 1, 1, 2)))]
    if rng.random() < 0.40:
        case["intervals"] = [{"kind": rng.choice(("remanded_in_custody", "serving_sentence", "hospital")),
                              "start": iso(start), "end": iso(start + timedelta(days=rng.randint(1, 400)))}]
        if rng.random() < 0.3:
            away = AS_OF - timedelta(days=rng.randint(5, 100))
            case["intervals"].append({"kind": "outside_uk", "start": iso(away),
                                      "end": iso(away + timedelta(days=rng.randint(1, 20)))})
    if rng.random() < 0.40:
        case["notifications"] = records.notifications(rng, start)
    if rng.random() < 0.25:
        case["changes"] = records.changes(rng)
    if rng.random() < 0.20:
        case["trips"] = records.trips(rng)
    if rng.random() < 0.15:
        case["review"] = records.review(rng, start)
    if rng.random() < 0.85:
        case["risk"] = {"may_cause_serious_harm": pick(rng, ((True, 35), (False, 50), (None, 15))),
                        "needs_multi_agency_management": pick(rng, ((True, 30), (False, 55), (None, 15)))}
    if rng.random() < 0.35:
        case["mappa"] = records.management(rng)
    return case


def generate(n: int, seed: int = 2026, disposals: int | None = None) -> list[dict[str, Any]]:
    """``n`` cases of the mix; with ``disposals`` every case has exactly that many disposals."""
    rng = random.Random(seed)
    return [one_case(rng, f"c{seed}-{i}", disposals) for i in range(n)]


def as_json(cases: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(c, separators=(",", ":")) for c in cases]


def describe(cases: list[dict[str, Any]]) -> str:
    """The proportions actually drawn, in one paragraph."""
    n = len(cases)
    disposals = [d for c in cases for d in c["disposals"]]
    kinds = Counter((d.get("sentence") or {}).get("kind", "unsentenced") for d in disposals)
    by_id = sum(1 for d in disposals if "offence_id" in d["offence"])
    related = sum(1 for d in disposals if "relation" in (d.get("sentence") or {}))

    def share(key: str) -> str:
        return f"{key} {100 * sum(1 for c in cases if c.get(key)) / n:.0f}%"

    top = ", ".join(f"{k} {100 * v / len(disposals):.0f}%" for k, v in kinds.most_common(8))
    return (f"{n} cases, {len(disposals) / n:.2f} disposals a case; offences by catalogue id "
            f"{100 * by_id / len(disposals):.0f}%; related terms {100 * related / len(disposals):.0f}%; "
            f"date of birth unknown {100 * sum(1 for c in cases if not c['person']['date_of_birth']) / n:.0f}%; "
            + ", ".join(share(k) for k in ("orders", "intervals", "notifications", "changes", "trips", "review",
                                            "mappa"))
            + f"; sentences: {top}")


def iter_lines(n: int, seed: int = 2026) -> Iterator[str]:
    """``n`` JSON lines of the mix, generated lazily (for batch files of any size)."""
    rng = random.Random(seed)
    for i in range(n):
        yield json.dumps(one_case(rng, f"c{seed}-{i}"), separators=(",", ":"))
