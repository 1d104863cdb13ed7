"""``python -m mappa_rules.docgen [--check]``: write the generated pages, or list the stale ones."""

from .site import main

raise SystemExit(main())
