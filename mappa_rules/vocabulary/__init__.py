"""The vocabularies: what rule conditions may read, scope by scope, one module per legal area.

Each area's module exports ``SCOPES`` (scope name -> its values); :data:`VOCABULARIES` merges them and is what
:mod:`mappa_rules.rulebook` hands to the engine's loader, which rejects a rule that reads a name its scope lacks.
A new scope is an entry in its area's ``SCOPES``; a new area is one line here.
"""

from . import disposals, mappa, notification, orders
from .disposals import DISPOSAL_VALUES
from .kinds import with_kinds
from .mappa import PERSON_VALUES
from .values import Scopes

VOCABULARIES: Scopes = with_kinds({**disposals.SCOPES, **mappa.SCOPES, **orders.SCOPES, **notification.SCOPES})

__all__ = ["DISPOSAL_VALUES", "PERSON_VALUES", "VOCABULARIES"]
