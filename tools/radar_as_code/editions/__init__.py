"""Editions: git revisions compared, movements derived, never stored."""
