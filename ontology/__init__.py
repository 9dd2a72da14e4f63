"""Resource package kg.ontology_files: the ontology, vocabularies and gazetteer (Turtle files)."""
