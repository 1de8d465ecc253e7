"""HTML to PDF with a headless Chromium's print (tools/decisions/0011-booklet-renderer.md).

The document is written to a private temporary folder and printed from there, with a
throw-away profile, no network (every host name resolves to nothing, background services
off) and the document's own Content-Security-Policy forbidding every request. Chromium's
sandbox stays on, except for root (containers), where Chromium refuses to start with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from radar_as_code.errors import SetupError

TIMEOUT = 300  # seconds: a 1,000-blip booklet prints in about 12
_FLAGS = ("--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
          "--proxy-server=127.0.0.1:9")


def chromium() -> str:
    """The Chromium to print with: ``RADAR_CHROMIUM``, else the first one on the path."""
    named = os.environ.get("RADAR_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise SetupError("no Chromium to print the booklet with: install one (Debian: "
                     "`apt-get install chromium`) or name it in RADAR_CHROMIUM; "
                     "`radar booklet --html FILE` writes the HTML without printing it")


def print_pdf(html: str) -> bytes:
    """The PDF of an HTML document."""
    program = chromium()
    with tempfile.TemporaryDirectory(prefix="radar-booklet-") as tmp:
        folder = Path(tmp)
        source, target = folder / "booklet.html", folder / "booklet.pdf"
        source.write_text(html, encoding="utf-8")
        argv = [program, *_FLAGS, f"--user-data-dir={folder / 'profile'}",
                f"--print-to-pdf={target}", source.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            argv.insert(1, "--no-sandbox")
        try:
            result = subprocess.run(argv, capture_output=True, timeout=TIMEOUT, check=False,
                                    stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise SetupError(f"{program} cannot be run: install Chromium or set "
                             "RADAR_CHROMIUM") from None
        except subprocess.TimeoutExpired:
            raise SetupError(f"{program} did not print the booklet within {TIMEOUT} s") from None
        if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            said = [line for line in result.stderr.decode("utf-8", "replace").splitlines()
                    if "dbus" not in line]
            raise SetupError(f"{program} could not print the booklet (exit "
                             f"{result.returncode}): {said[-1] if said else 'no message'}")
        return target.read_bytes()
