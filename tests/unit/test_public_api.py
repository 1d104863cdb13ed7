"""The public API: every name in mappa_rules.__all__ resolves to the class or function it documents."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from pathlib import Path

import mappa_rules


def test_every_public_name_resolves_and_is_not_a_module() -> None:
    for name in mappa_rules.__all__:
        value = getattr(mappa_rules, name)
        assert not isinstance(value, types.ModuleType), name


def test_names_resolve_whatever_was_imported_first() -> None:
    """A submodule imported before the package attribute is read must not shadow a function of the same name."""
    script = (
        "import importlib, types, mappa_rules\n"
        "for m in ('mappa_rules.questions.orders.check', 'mappa_rules.assessment',\n"
        "          'mappa_rules.questions.notification.timeline', 'mappa_rules.questions.notification.review'):\n"
        "    importlib.import_module(m)\n"
        "bad = [n for n in mappa_rules.__all__ if isinstance(getattr(mappa_rules, n), types.ModuleType)]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_command_line_keeps_its_question_names() -> None:
    """The names scripts and services already use stay (new questions may be added beside them)."""
    questions = importlib.import_module("mappa_rules.questions")
    assert set(questions.QUESTIONS) >= {
        "notification-period", "category", "order", "level", "initial-deadline", "change-deadline",
        "periodic", "travel-notice", "review", "timeline",
    }
    for name in questions.QUESTIONS:
        assert callable(questions.QUESTIONS[name])


def test_names_and_the_offence_catalogue_load_on_first_use() -> None:
    """Importing the package loads only the registry; a question about a case that names no offence id never loads
    the offence catalogue's compiler (the command line's cold start)."""
    script = (
        "import io, sys, mappa_rules\n"
        "first = sorted(m for m in sys.modules if m.startswith('mappa_rules'))\n"
        "from mappa_rules.cli import main\n"
        "main(['explain', 'notification-period', 'examples/adult-12-months.yaml', '--as-of', '2026-11-21'],"
        " out=io.StringIO())\n"
        "print(first, 'mappa_rules.offences.catalogue' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "['mappa_rules', 'mappa_rules.questions', 'mappa_rules.questions.registry'] False"
