"""SPARQL queries of kg, one ``.rq`` file each, read as package data (runnable as they are in a
SPARQL UI: each has its own PREFIX lines and a ``#`` header)."""
