"""The model and its loading: files and git revisions to one strict, frozen snapshot."""
