"""Named SPARQL queries (package data): each .rq runs unchanged in a SPARQL UI; see kg.sparql."""
