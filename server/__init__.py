"""The Flask web server of kg: SPARQL endpoint, linked-data pages and exports (``create_app``)."""
