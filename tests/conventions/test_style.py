"""Style that keeps the package readable: small modules, and no legal period written inline in Python."""

from __future__ import annotations

import re

from tests.conventions.sources import PACKAGE, ROOT, modules

MAX_LINES = 400

LEGAL_PERIOD_INLINE = re.compile(r"\b(relativedelta|timedelta|Length)\((years|months|days)=(2|3|5|7|8|10|12|15|30)\b")


def test_modules_stay_under_400_lines() -> None:
    problems = []
    for path in modules().values():
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count >= MAX_LINES:
            problems.append(f"{path.relative_to(ROOT)}: {count} lines (fewer than {MAX_LINES}, please)")
    assert not problems, "split these modules by what they hold:\n" + "\n".join(problems)


def test_no_legal_period_is_written_inline_in_python() -> None:
    hits = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LEGAL_PERIOD_INLINE.search(line) and not line.lstrip().startswith("#"):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hits, "legal periods belong in rulesets/:\n" + "\n".join(hits)
