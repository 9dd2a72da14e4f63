"""SHACL shapes, installed as the resource package kg.shapes_files."""
