"""The `radar` executable as a shell runs it: exit codes and every line of output survive
its quick exit, and it never loads pydantic plugins (a tenth of a short command)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from radar_as_code import __version__

BIN = Path(sys.executable).parent


def radar(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN / "radar", *map(str, args)], capture_output=True, text=True,
                          check=False)


def test_exit_codes_and_output(base_radar: Path) -> None:
    assert radar("--version").stdout == f"radar {__version__}\n"
    clean = radar("-C", base_radar, "check")
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "no problems\n")
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "ring: adpot"))
    broken = radar("-C", base_radar, "check")
    assert broken.returncode == 1
    assert broken.stdout.startswith("radar/alpha.md:4:7: error: unknown ring 'adpot'")
    assert broken.stderr.endswith("in 1 file\n")
    assert radar("-C", base_radar, "nonsense").returncode == 2
    module = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", base_radar, "check"],
                            capture_output=True, text=True, check=False)
    assert (module.returncode, module.stdout) == (1, broken.stdout)


def test_no_pydantic_plugin_is_looked_for(base_radar: Path) -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", BIN / "radar", "-C",
                             base_radar, "check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "radar_as_code.core.model_schema" in imported  # models validated...
    assert "pydantic.main" not in imported  # ...without pydantic's model machinery (0035)
    assert "importlib.metadata" not in imported  # ...and without searching for plugins
