"""The example cases, installed as package data (``mappa_rules.examples``) for the server's page."""
