"""``python -m mappa_rules``: the command line, as the ``mappa-rules`` command runs it."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
