"""The HTTP API and the page for staff (``mappa-rules serve``; needs the ``server`` extra: FastAPI and uvicorn).

Importing this package needs nothing beyond the library; :func:`serve` checks for the extra and says how to
install it when it is missing.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec

INSTALL_HINT = "the server needs the 'server' extra: python -m pip install 'mappa-rules[server]'"


def serve(host: str = "127.0.0.1", port: int = 8000) -> int:
    """Run the server until interrupted; 2 (bad input) if the extra is missing or the port is out of range."""
    if find_spec("fastapi") is None or find_spec("uvicorn") is None:
        sys.stderr.write(f"mappa-rules: {INSTALL_HINT}\n")
        return 2
    if not 0 < port < 65536:
        sys.stderr.write(f"mappa-rules: bad input: --port: {port} is not a port number (1-65535)\n")
        return 2
    from .run import run

    run(host, port)
    return 0
