"""The worked caseload of ``worked_caseload.yaml`` (2020/21, every cell computed by hand) and its JSON Lines copy
``examples/caseload/worked-2020-21.jsonl``.

    python -m tests.report.worked_caseload --write    # rewrite the JSON Lines copy from the YAML
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "worked_caseload.yaml"
EXAMPLE = HERE.parents[1] / "examples" / "caseload" / "worked-2020-21.jsonl"


def load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    return data


def as_jsonl(data: dict[str, Any]) -> str:
    """One record per line: the case and its history (the 'why' notes stay in the YAML)."""
    lines = []
    for item in data["cases"]:
        record = {"case": item["case"]}
        if item.get("history"):
            record["history"] = item["history"]
        lines.append(json.dumps(record, separators=(",", ":")))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        EXAMPLE.write_text(as_jsonl(load()), encoding="utf-8")
    else:
        sys.stdout.write(as_jsonl(load()))
