"""The hand-written contender's MAPPA category (CJA 2003 ss.325-327, as amended from 28 April 2022): Category 1
from the notification answer, Category 2 per disposal (s.327(3)-(4) in the words in force on the date) while the
licence or order runs, Category 3 from the Responsible Authority's judgements, Category 4 (the Guidance's label for
s.325(2)(aa), (c)) from 28 April 2022; only what had happened by the date counts; lowest number first; a recorded
category (``stated.mappa_category``) while it holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from .handwritten_catalogue import schedule15_parts
from .handwritten_facts import AND, OR, kind_of, term_months
from .handwritten_trail import Answer, Trail, Tri, first

PCSCA_2022 = date(2022, 4, 28)
INDETERMINATE = ("life", "ipp")


def _not(value: Tri) -> Tri:
    return None if value is None else not value


def _ge12(months: float | None) -> Tri:
    return None if months is None else months >= 12


def _dealt_with(d: Any, as_of: date) -> Tri:
    """Convicted (or found, or cautioned) and sentenced by ``as_of``; an undated sentence goes with the conviction."""
    if d.relevant_date is None:
        return None
    return bool(d.relevant_date <= as_of and (d.sentence_date or d.relevant_date) <= as_of)


def _supervised(case: Any, d: Any, as_of: date, trail: Trail) -> Tri:
    """The licence or hospital/guardianship order for ``d`` still runs on ``as_of``."""
    s = d.sentence
    if s is not None and s.kind == "life":
        return True
    stated = case.stated.supervision
    if stated is not None and stated.disposal == d.id:
        return True if stated.no_end else as_of <= stated.until
    if d.supervision_open_ended or getattr(s, "without_limit_of_time", None):
        return True
    if d.supervision_end is None:
        trail.missing.append(f"disposals[{d.id}].supervision_end")
        return None
    return bool(as_of <= d.supervision_end)


def _category2_disposal(case: Any, d: Any, as_of: date, trail: Trail) -> Any:
    """s.327(3)-(4) for one disposal: True, False, None (unknown) or "unresolved" (suspended sentences)."""
    kind = kind_of(d)
    amended = as_of >= PCSCA_2022
    specified = ("part_1", "part_2") if amended else ("part_1", "part_2", "part_3")
    parts = schedule15_parts(case, d, as_of, trail.warnings)
    unlisted = None if parts is None else {p not in specified for p in parts}
    not_in_sch15 = None if unlisted is None or len(unlisted) != 1 else unlisted.pop()
    conviction = d.trigger == "conviction"
    months = None if d.sentence is None else term_months(d, False)
    court = None if d.court is None else d.court != "england_wales"
    form = None if d.sentence is None else getattr(d.sentence, "form", d.sentence.kind)
    suspended = bool(getattr(d.sentence, "suspended", False))

    def is_kind(*kinds: str) -> Tri:
        return None if kind is None else kind in kinds

    indeterminate = is_kind(*INDETERMINATE)
    if indeterminate and not amended and form == "custody_for_life":
        indeterminate = False
    verdict, rule, ok = first([
        (_not(_dealt_with(d, as_of)), False, "after_as_of"),
        (OR(court, d.trigger == "caution"), False, "not_england_wales"),
        (AND(_not(d.offence.murder), not_in_sch15, _not(d.offence.s327_4a)),
         False, "offence_not_specified"),
        (AND(conviction, OR(is_kind("extended_sentence"), AND(is_kind("imprisonment"), not suspended)),
             _ge12(months)), True, "imprisonment_12_months_or_more"),
        (AND(conviction, is_kind("detention_and_training_order"), _ge12(months)), True, "training_order_12_months"),
        (AND(conviction, indeterminate), True, "indeterminate"),
        (is_kind("hospital_order", "guardianship_order"), True, "hospital_or_guardianship"),
        (AND(is_kind("imprisonment"), suspended, _ge12(months)), "unresolved", "suspended_unresolved"),
        (True, False, "no_qualifying_disposal"),
    ])
    if not ok:
        trail.missing.append(f"disposals[{d.id}].category2")
        return None
    trail.reasons.append(("mappa.category.cat2." + str(rule), d.id))
    if verdict == "unresolved":
        trail.warnings.add("mappa.category.cat2.suspended_counts")
    return verdict


def _category2(case: Any, as_of: date, trail: Trail) -> Tri:
    """Any disposal qualifies under s.327(3)-(4) and its licence or order still runs (no disposals: unknown)."""
    if not case.disposals:
        return None
    unknown = False
    for d in case.disposals:
        verdict = _category2_disposal(case, d, as_of, trail)
        if verdict is True:
            current = _supervised(case, d, as_of, trail)
            if current:
                return True
            unknown = unknown or current is None
        elif verdict is not False:
            unknown = True
    return None if unknown else False


def _category4_disposal(d: Any, as_of: date, trail: Trail) -> Any:
    """s.327(4D)-(4G) for one disposal: a relevant terrorist offence (Sch 19ZA or a terrorist connection) with a
    sentence or order Counter-Terrorism Act 2008 s.45 describes."""
    kind = kind_of(d)
    months = None if d.sentence is None else term_months(d, False)
    suspended = bool(getattr(d.sentence, "suspended", False))
    conviction = d.trigger == "conviction"

    def is_kind(*kinds: str) -> Tri:
        return None if kind is None else kind in kinds

    verdict, rule, ok = first([
        (_not(_dealt_with(d, as_of)), False, "after_as_of"),
        (_not(OR(d.offence.schedule19za, d.offence.terrorist_connection)), False, "not_relevant_terrorist_offence"),
        (None if d.court is None else d.court == "outside_uk", False, "outside_uk"),
        (OR(AND(conviction, OR(is_kind(*INDETERMINATE),
                               AND(is_kind("imprisonment", "extended_sentence"), not suspended, _ge12(months)),
                               AND(is_kind("detention_and_training_order"), _ge12(months)))),
            is_kind("hospital_order", "guardianship_order")), True, "sentence_described"),
        (AND(is_kind("imprisonment"), suspended, _ge12(months)), "unresolved", "suspended_unresolved"),
        (True, False, "no_described_sentence"),
    ])
    if not ok:
        trail.missing.append(f"disposals[{d.id}].category4")
        return None
    trail.reasons.append(("mappa.category.cat4." + str(rule), d.id))
    return verdict


def _category4(case: Any, as_of: date, has_disposal: Tri, trail: Trail) -> Tri:
    """From 28 April 2022: CTA 2008 notification, a (4D) disposal (the status lasts), or the RA's terrorism risk."""
    if as_of < PCSCA_2022:
        return False
    by_disposal: Tri = None
    if case.disposals:
        verdicts = [_category4_disposal(d, as_of, trail) for d in case.disposals]
        by_disposal = True if True in verdicts else False if all(v is False for v in verdicts) else None
    return OR(case.counter_terrorism.cta2008_notification, by_disposal,
              AND(has_disposal, case.risk.terrorism_risk))


def _stated_holds(case: Any, as_of: date, number: int, notification: Answer) -> bool:
    """A recorded category still holds: 1 unless a period or the requirements ended after it was recorded; 2 while
    the licence or order runs (as stated, else as the disposals say, else it continues); 3 unless the RA's
    judgements now say no."""
    since = case.stated.mappa_category.since
    if number == 1:
        if notification.value.get("subject_on_as_of") is not False:
            return True
        ended = notification.dates.get("requirements_ended")
        if ended is not None and since < ended <= as_of:
            return False
        return not any(last is not None and since <= last < as_of for last in notification.value.get("last_days", []))
    if number == 2:
        s = case.stated.supervision
        if s is not None:
            return bool(s.no_end or (s.until is not None and as_of <= s.until))
        ends = [d for d in case.disposals if d.supervision_end is not None or d.supervision_open_ended]
        return not ends or any(d.supervision_open_ended or as_of <= d.supervision_end for d in ends)
    return case.risk.may_cause_serious_harm is not False and case.risk.needs_multi_agency_management is not False


def mappa_category(case: Any, as_of: date, notification: Answer) -> Answer:
    """The category on ``as_of`` from the notification answer for the same case and date."""
    period = notification
    trail = Trail(list(period.trail.reasons), list(period.trail.missing), set(period.trail.warnings))
    cat1 = period.value["subject_on_as_of"]
    cat2 = _category2(case, as_of, trail)
    harm, multi = case.risk.may_cause_serious_harm, case.risk.needs_multi_agency_management
    has: Tri = True if any(d.relevant_date is not None and d.relevant_date <= as_of for d in case.disposals) else None
    cat3 = True if AND(has, harm, multi) else False if OR(_not(harm), _not(multi)) else None
    if cat3 is None:
        trail.missing.extend(p for p, v in (("risk.may_cause_serious_harm", harm),
                                            ("risk.needs_multi_agency_management", multi)) if v is None)
    cat4 = _category4(case, as_of, has, trail)
    flags = {"1": cat1, "2": cat2, "3": cat3, "4": cat4}
    value: dict[str, Any] = {"categories": flags}
    stated = case.stated.mappa_category
    if stated is not None and stated.since <= as_of and _stated_holds(case, as_of, stated.category, period):
        flags[str(stated.category)] = True
        trail.reasons.append(("stated.mappa_category", None))
        value.update(category=stated.category, eligible=True, stated=True)
        return Answer("yes", value, {}, trail)
    category, rule, ok = first([
        (cat1, 1, "one"), (cat2, 2, "two"), (cat3, 3, "three"), (cat4, 4, "four"),
        (AND(*(_not(c) for c in (cat1, cat2, cat3, cat4))), 0, "none"),
    ])
    if ok and category is not None:
        trail.reasons.append(("mappa.category." + str(rule), None))
        value.update(category=category or None, eligible=bool(category))
        return Answer("yes" if category else "no", value, {}, trail)
    value.update(category=None, eligible=True if True in flags.values() else None)
    return Answer("undetermined", value, {}, trail)
