"""Standard output as UTF-8 whatever the locale (`LC_ALL=C` would make it ASCII)."""

from __future__ import annotations

import sys


def write(data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # pragma: no cover - a text-only stream
        sys.stdout.write(raw.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(raw)
    buffer.flush()
