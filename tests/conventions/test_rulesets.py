"""The rulesets: every rule and parameter cites its law and states its status, and every id is its file's path."""

from __future__ import annotations

from mappa_rules.decision import Status
from mappa_rules.engine import RuleBook
from tests.conventions.sources import ruleset_files


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
        if file.data["ruleset"] != file.path_id:
            problems.append(f"{file.relative}: ruleset {file.data['ruleset']!r}, expected {file.path_id!r}")
        problems += [f"{file.relative}: {i} does not begin with {file.path_id}." for i in file.ids()
                     if not i.startswith(file.path_id + ".")]
    assert not problems, "\n".join(problems)


def test_no_two_things_share_an_id() -> None:
    """A rule, a group and a parameter never share an id: each is one anchor in the rule catalogue."""
    seen: dict[str, str] = {}
    for file in ruleset_files():
        for ident in file.ids():
            assert ident not in seen, f"{ident} is used in {seen[ident]} and {file.relative}"
            seen[ident] = str(file.relative)
