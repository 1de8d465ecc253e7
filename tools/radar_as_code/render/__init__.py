"""Rendering: pure functions from a snapshot to page text and SVG. No I/O, no MkDocs."""
