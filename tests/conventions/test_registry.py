"""One registry of questions: every question module is a row, and every row names a module at its id's path that
answers it and words its headline; the package, the command line and the type checkers' view follow the rows."""

from __future__ import annotations

import ast
from importlib import import_module

import mappa_rules
from mappa_rules.cli import build_parser
from mappa_rules.decision import TypedValue
from mappa_rules.questions import QUESTIONS
from mappa_rules.questions.registry import BY_CLI, BY_ID, REGISTRY
from tests.conventions.sources import PACKAGE, modules


def test_every_question_module_is_a_row_of_the_registry() -> None:
    declared = {}
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = [t.id for t in getattr(node, "targets", ()) if isinstance(t, ast.Name)]
            if isinstance(node, ast.Assign) and "QUESTION" in targets:
                assert isinstance(node.value, ast.Constant), name
                declared[name] = node.value.value
    assert declared == {q.module: q.id for q in REGISTRY}


def test_every_row_names_a_module_at_its_path_that_answers_and_words_it() -> None:
    assert len(BY_ID) == len(BY_CLI) == len({q.function for q in REGISTRY}) == len(REGISTRY)
    for question in REGISTRY:
        module = import_module(question.module)
        assert module.__file__ == str(PACKAGE / "questions" / (question.id.replace(".", "/") + ".py"))
        assert question.id == module.QUESTION
        assert callable(getattr(module, question.function)), question.function
        assert callable(module.headline), f"{question.module} has no headline(decision)"
        value = getattr(module, question.value, None)
        assert isinstance(value, type) and issubclass(value, TypedValue), f"{question.module} has no {question.value}"
        assert question.summary.strip() and len(question.summary) <= 100, question.id


def test_the_package_and_the_command_line_follow_the_registry() -> None:
    assert list(QUESTIONS) == [q.cli for q in REGISTRY]
    for question in REGISTRY:
        assert question.function in mappa_rules.__all__ and question.value in mappa_rules.__all__
        assert getattr(mappa_rules, question.function) is QUESTIONS[question.cli]
        assert getattr(mappa_rules, question.value) is question.value_model()
    for command in ("explain", "batch"):
        sub = next(a for a in build_parser()._actions if a.dest == "command").choices[command]
        choices = next(a for a in sub._actions if a.dest == "question").choices
        assert sorted(choices or ()) == sorted(BY_CLI)
        assert all(q.summary in (sub.epilog or "") for q in REGISTRY)


def test_type_checkers_see_every_question_function_and_value_model() -> None:
    """The registry's ``TYPE_CHECKING`` imports match its rows, so ``mappa_rules.notification_period`` is typed."""
    tree = ast.parse((PACKAGE / "questions" / "registry.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    imported = {(f"mappa_rules.questions.{node.module}", alias.name) for node in block.body
                if isinstance(node, ast.ImportFrom) and node.level == 1 for alias in node.names}
    assert imported == {(q.module, name) for q in REGISTRY for name in (q.function, q.value)}


def test_the_timeline_gathers_every_question_that_gives_dated_steps() -> None:
    """A question module that defines ``timeline_steps`` is a part of the timeline, under its command-line name."""
    from mappa_rules.questions.notification.timeline import PARTS

    giving = [q.cli for q in REGISTRY if hasattr(q.load(), "timeline_steps")]
    assert [name for name, _ in PARTS] == giving
    assert all(steps is BY_CLI[name].load().timeline_steps for name, steps in PARTS)
