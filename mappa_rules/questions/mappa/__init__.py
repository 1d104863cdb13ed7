"""MAPPA: the category and the level of management."""
