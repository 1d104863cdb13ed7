"""Running the application under uvicorn, with uvicorn's access log replaced by the server's own.

uvicorn's access log prints the full request line, query string included; it is turned off, and the
``mappa_rules.server.access`` logger records the method, the route template, the status and the time only.
"""

from __future__ import annotations

import logging

import uvicorn

from .app import create_app

LIMIT_CONCURRENCY = 64
"""Connections and tasks served at once; beyond this uvicorn answers 503 at once rather than queueing."""
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run(host: str, port: int) -> None:
    """Serve on ``host:port`` until interrupted."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    uvicorn.run(create_app(), host=host, port=port, access_log=False, log_config=None, server_header=False,
                limit_concurrency=LIMIT_CONCURRENCY)
