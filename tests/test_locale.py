"""UTF-8 whatever the locale: the main commands under LC_ALL=C with Python's UTF-8 mode
off, where the system's encoding for files, names and the terminal is ASCII."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gitrepo import Repo, adr, blip

ASCII = {k: v for k, v in os.environ.items()  # CI would make the templates' TODOs errors
         if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "PYTHONIOENCODING", "CI")}
ASCII |= {"LC_ALL": "C", "PYTHONUTF8": "0"}
TITLE = "Café crème"


def radar(root: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(root), *argv],
                            env=ASCII, capture_output=True, check=False)
    assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr
    return result


def test_the_locale_really_is_ascii() -> None:
    script = "import sys; print(sys.getfilesystemencoding(), sys.stdout.encoding)"
    out = subprocess.run([sys.executable, "-c", script], env=ASCII, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["ascii", "ascii"]


def test_main_commands_under_an_ascii_locale(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "r")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", decisions=("0001-pick",)))
    repo.write("radar/beta.md", blip("Béta", "methods", "trial",
                                     text="See [the guide](../docs/café.md)."))
    repo.write("adr/0001-pick.md", adr("Pick Alpha", ("alpha",)))
    repo.write("docs/café.md", "# Café\n")
    repo.commit("first", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    root = repo.root

    check = radar(root, "check")
    assert (check.returncode, check.stdout) == (0, b""), check.stdout.decode()
    made = radar(root, "new", "cafe", "--title", TITLE, "--quadrant", "tools", "--ring",
                 "trial")
    assert made.returncode == 0, made.stderr
    assert TITLE.encode() in (root / "radar" / "cafe.md").read_bytes()
    shown = radar(root, "show")
    assert shown.returncode == 0 and TITLE.encode() in shown.stdout
    as_json = json.loads(radar(root, "show", "--format", "json").stdout.decode("utf-8"))
    assert TITLE in [b["title"] for b in as_json["blips"]]
    diff = radar(root, "diff")
    assert diff.returncode == 0 and TITLE.encode() in diff.stdout
    assert radar(root, "move", "cafe", "hold").returncode == 0
    assert radar(root, "rename", "cafe", "cafe-au-lait").returncode == 0
    record = radar(root, "adr", "new", "Décision sûre", "--blip", "cafe-au-lait")
    assert record.returncode == 0, record.stderr
    assert "Décision sûre".encode() in (root / "adr" / "0002-decision-sure.md").read_bytes()
    history = radar(root, "history", "cafe-au-lait")
    assert history.returncode == 0 and TITLE.encode() in history.stdout
    out = tmp_path / "pages"
    assert radar(root, "render", "--out", str(out)).returncode == 0
    assert any(TITLE in p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    final = radar(root, "check")
    assert final.returncode == 0, final.stdout.decode()
    assert all(line.endswith(b"[unfinished]") for line in final.stdout.splitlines())


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "r")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    (repo.root / "radar").joinpath(os.fsdecode(b"\xff.md")).write_bytes(
        blip("Other", "tools", "trial").encode())
    result = radar(repo.root, "check")
    assert result.returncode == 1
    assert b"radar/\\udcff.md:1:1: error: file name" in result.stdout
    report = json.loads(radar(repo.root, "check", "--format", "json").stdout.decode("utf-8"))
    assert report["problems"][0]["path"] == "radar/\udcff.md"
