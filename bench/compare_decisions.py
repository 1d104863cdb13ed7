"""Every decision, as JSON, for the casebook's worked examples and N generated cases: one line each, sorted.

Two versions of the library are proved to decide alike by running this script with each one's Python and
comparing the files byte for byte. Run it *as a file* (not with ``-m``): the library then comes from the venv
that runs it, not from the directory the script sits in. For example, the frozen baseline against a worktree::

    /work/wt/baseline/.venv/bin/python bench/compare_decisions.py --cases 10000 --hash -o /tmp/baseline.txt
    /work/wt/<name>/.venv/bin/python bench/compare_decisions.py --cases 10000 --hash -o /tmp/<name>.txt
    cmp /tmp/baseline.txt /tmp/<name>.txt && echo identical

Each line is ``<id> <question> <decision JSON>`` (``--hash``: the SHA-256 of the decision JSON instead, for
10,000 cases about 10 MB rather than 400 MB; rerun the differing ids without ``--hash`` to see the difference).
An internal error is written as ``ERROR <type>: <message>``, so that errors are compared too. The casebook is
``tests/casebook/*.yaml`` beside this script unless ``--casebook`` names another directory; every worked example
is asked all ten questions at its own date. Generated cases come from ``mix.py`` (seed 2026), asked at
``mix.AS_OF``. The digest of the whole output is printed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import mix  # type: ignore[import-not-found]  # the script's directory is on sys.path, not the repository root
import yaml

from mappa_rules import QUESTIONS, Case

ROOT = Path(__file__).resolve().parents[1]


def casebook(directory: Path) -> Iterator[tuple[str, Any, date]]:
    for path in sorted(directory.glob("*.yaml")):
        for i, example in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield f"casebook/{path.stem}#{i + 1:03d}", example.get("case") or {}, example["as_of"]


def generated(n: int) -> Iterator[tuple[str, Any, date]]:
    for i, case in enumerate(mix.generate(n)):
        yield f"mix/{i:06d}", case, mix.AS_OF


def decisions(ident: str, data: Any, as_of: date, digest: bool) -> Iterator[str]:
    case = Case.model_validate(data)
    for question in sorted(QUESTIONS):
        try:
            text = QUESTIONS[question](case, as_of, None).model_dump_json()
        except Exception as exc:  # an internal error is part of what is compared
            text = f"ERROR {exc.__class__.__name__}: {exc}"
        yield f"{ident} {question} {hashlib.sha256(text.encode()).hexdigest() if digest else text}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10000, help="generated cases (default 10000)")
    parser.add_argument("--casebook", type=Path, default=ROOT / "tests" / "casebook")
    parser.add_argument("--hash", action="store_true", help="write the SHA-256 of each decision, not the JSON")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    total = hashlib.sha256()
    lines = 0
    with args.output.open("w", encoding="utf-8") as out:
        for source in (casebook(args.casebook), generated(args.cases)):
            for ident, data, as_of in source:
                for line in decisions(ident, data, as_of, args.hash):
                    out.write(line)
                    total.update(line.encode())
                    lines += 1
    import mappa_rules

    print(f"{lines} decisions of the library at {Path(mappa_rules.__file__).parent} written to {args.output}; "
          f"sha256 of the whole: {total.hexdigest()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
