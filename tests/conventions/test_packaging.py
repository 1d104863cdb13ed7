"""Packaging: every package folder of ``mappa_rules`` is listed for setuptools, so an installed copy has
it; the data folders mapped from the top of the repository (rulesets, examples) are listed too."""

from __future__ import annotations

import tomllib

from tests.conventions.sources import PACKAGE, ROOT, module_name


def test_every_package_is_listed_in_pyproject() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    folders = {module_name(init) for init in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
    assert listed - folders == set(setuptools["package-dir"]), sorted(listed - folders)
