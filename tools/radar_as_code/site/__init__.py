"""The MkDocs side: a thin plugin over the pure rendering in ``radar_as_code.render``."""
