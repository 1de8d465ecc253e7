"""`radar init`: a new radar repository, or a radar added to an existing one."""
