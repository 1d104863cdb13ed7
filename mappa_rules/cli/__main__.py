"""``python -m mappa_rules.cli``: the command line."""

from __future__ import annotations

from . import main

raise SystemExit(main())
