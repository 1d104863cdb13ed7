"""The rulesets: every rule and parameter cites its law and states its status, and every id is its file's path."""

from __future__ import annotations

from mappa_rules.decision import Status
from mappa_rules.engine import RuleBook
from tests.conventions.sources import ruleset_files

NOT_YET_NAMED_BY_PATH = {
    "mappa/category.yaml", "mappa/level.yaml", "notification/period.yaml", "notification/periodic.yaml",
    "notification/review.yaml", "notification/travel.yaml", "orders/predecessor.yaml", "orders/regimes.yaml",
    "orders/shpo.yaml", "orders/sro.yaml", "time/conventions.yaml",
}
"""Known violations, to be removed (issue 10)."""


def test_every_rule_has_citation_in_force_dates_and_status(book: RuleBook) -> None:
    for rule in book.rules():
        assert rule.citation.instrument.strip() and rule.citation.provision.strip(), rule.id
        assert rule.citation.url and rule.citation.url.startswith("https://"), f"{rule.id}: no link to the text"
        assert rule.start is not None, rule.id
        assert isinstance(rule.status, Status), rule.id
        assert len(rule.because) > 20, rule.id


def test_every_parameter_has_citation_and_status(book: RuleBook) -> None:
    for parameter in book.parameters.values():
        assert parameter.citation.instrument.strip() and parameter.citation.provision.strip(), parameter.id
        assert isinstance(parameter.status, Status), parameter.id
        assert parameter.starts, parameter.id


def test_a_ruleset_id_is_its_path_and_every_id_in_it_begins_with_it() -> None:
    """``rulesets/orders/shpo.yaml`` is ruleset ``orders.shpo``, and its parameters, groups and rules are
    ``orders.shpo.*``: an id in a decision, a log or a test names the file to open."""
    problems = []
    for file in ruleset_files():
        if file.relative.as_posix() in NOT_YET_NAMED_BY_PATH:
            continue
        if file.data["ruleset"] != file.path_id:
            problems.append(f"{file.relative}: ruleset {file.data['ruleset']!r}, expected {file.path_id!r}")
        problems += [f"{file.relative}: {i} does not begin with {file.path_id}." for i in file.ids()
                     if not i.startswith(file.path_id + ".")]
    assert not problems, "\n".join(problems)
    still_listed = [f.relative.as_posix() for f in ruleset_files()
                    if f.relative.as_posix() in NOT_YET_NAMED_BY_PATH and f.data["ruleset"] == f.path_id
                    and all(i.startswith(f.path_id + ".") for i in f.ids())]
    assert not still_listed, f"remove from NOT_YET_NAMED_BY_PATH: {still_listed}"
