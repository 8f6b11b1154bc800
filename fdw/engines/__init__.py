"""Thin adapters from PostgreSQL to the collection core: plpython and multicorn."""
