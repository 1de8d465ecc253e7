"""Authoring: commands that edit the radar's files, validated first, written atomically."""
