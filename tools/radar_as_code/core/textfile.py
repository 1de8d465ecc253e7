"""Bytes to text for a radar file: size cap, UTF-8, NUL bytes, BOM and line endings.

Problems here stop the file from being parsed any further, so each comes back alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from radar_as_code.core.problem import Problem

MAX_BYTES = 512 * 1024
RULE = "file"


@dataclass(frozen=True)
class Decoded:
    text: str  # BOM removed, CRLF turned into LF
    problem: Problem | None = None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode(path: str, data: bytes) -> Decoded:
    if len(data) > MAX_BYTES:
        return Decoded("", Problem(path, 1, 1, RULE, "error",
                                   f"file is larger than the limit of {MAX_BYTES // 1024} KiB"))
    if not data.strip():
        return Decoded("", Problem(path, 1, 1, RULE, "error", "file is empty"))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position(data, nul)
        return Decoded("", Problem(path, line, col, RULE, "error",
                                   "file contains a NUL byte; is it a binary file?"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        return Decoded("", Problem(path, line, col, RULE, "error",
                                   f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})"))
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return Decoded(text)
