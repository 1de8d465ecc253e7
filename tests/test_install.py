"""Install paths, as a user follows them: the wheel and sdist built with `uv build` from a
clone of this repository at a release tag, then `uv tool install`, `pipx`, `pip install`
from a git URL at the tag and from the wheel, each into a fresh place outside this
repository. Nothing comes from this repository's remote or from GitHub; third-party
dependencies come from the package index (through uv's and pip's caches), pinned to
uv.lock's versions.

The last test is the whole first hour of a new team: install, `radar init`, commit with
the real pre-commit hook taken from the clone at its tag, tag an edition, add and move
blips, `radar diff`, `mkdocs build --strict`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from clone import IDENTITY, git, working_copy
from conftest import ROOT
from fill import fill
from radar_as_code import __version__
from radar_as_code.scaffold import pins

pytestmark = pytest.mark.slow
TAG = f"v{__version__}"
UV = ROOT / ".tools" / "bin" / "uv"
TEMPLATES = ROOT / "tools" / "radar_as_code" / "scaffold" / "templates"


@dataclass(frozen=True)
class Release:
    source: Path  # a clone of this repository, tagged TAG
    commit: str
    wheel: Path
    sdist: Path
    constraints: Path  # uv.lock's versions, as pip/uv constraints


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no virtual environment of ours, no git or
    pytest variables."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PYTEST_", "VIRTUAL_ENV", "UV_", "PIP_", "PRE_COMMIT"))
           and k not in ("PYTHONPATH", "CI")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep)
                                  if not p.startswith(str(ROOT)))
    return env | IDENTITY | extra


def sh(*argv: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
       ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in argv], cwd=cwd, env=env or clean_env(),
                            capture_output=True, text=True, check=False)
    if ok:
        assert result.returncode == 0, f"{argv}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    if not UV.exists():
        pytest.fail(f"{UV} is missing: run `make` first (it installs uv)")
    tmp = tmp_path_factory.mktemp("release")
    source = working_copy(tmp / "radar-as-code", tag=TAG)
    commit = git(source, "rev-parse", "HEAD").strip()
    sh(UV, "build", "--out-dir", tmp / "dist", "--no-progress", cwd=source)
    constraints = tmp / "constraints.txt"
    sh(UV, "export", "--frozen", "--no-dev", "--all-extras", "--no-hashes",
       "--no-emit-project", "--no-header", "-o", constraints, cwd=source)
    return Release(source, commit, tmp / "dist" / f"radar_as_code-{__version__}-py3-none-any.whl",
                   tmp / "dist" / f"radar_as_code-{__version__}.tar.gz", constraints)


def test_the_release_workflow_builds_and_checks_a_tag(release: Release, tmp_path: Path) -> None:
    """Its build step, run in the tagged clone as the runner would (uv already there)."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    [build] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == "Build with uv"]
    work = tmp_path / "checkout"
    shutil.copytree(release.source, work, symlinks=True)
    (work / ".tools" / "bin").mkdir(parents=True)
    (work / ".tools" / "bin" / "uv").symlink_to(UV)
    script = tmp_path / "build.sh"
    script.write_text(build["run"])
    env = clean_env(TAG=TAG, GITHUB_SHA=release.commit)
    sh("bash", "-eo", "pipefail", script, cwd=work, env=env)
    notes = (work / "dist" / "notes.md").read_text()
    assert notes.startswith(f"## {__version__}")
    other = clean_env(TAG=TAG, GITHUB_SHA="f" * 40)  # a wheel of another commit is refused
    assert sh("bash", "-eo", "pipefail", script, cwd=work, env=other, ok=False).returncode != 0


def venv(path: Path) -> Path:
    sh(UV, "venv", "-q", "--python", sys.executable, path)
    return path / "bin"


def uv_pip(bin_dir: Path, *args: str | Path) -> None:
    sh(UV, "pip", "install", "-q", "--python", bin_dir / "python", *args)


def test_the_wheel_and_sdist_carry_everything(release: Release) -> None:
    templates = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts)
    with zipfile.ZipFile(release.wheel) as wheel:
        names = set(wheel.namelist())
        record = json.loads(wheel.read("radar_as_code/_build.json"))
        entry_points = wheel.read(f"radar_as_code-{__version__}.dist-info/entry_points.txt")
    assert [t for t in templates if f"radar_as_code/scaffold/templates/{t}" not in names] == []
    assert {f"radar_as_code/site/assets/{a}" for a in (  # the plugin's own files
        "radar.css", "radar.js", "mermaid/mermaid.min.js", "mermaid/LICENSE")} <= names
    assert record == {"version": __version__, "commit": release.commit}
    assert b"radar = radar_as_code.cli:entry" in entry_points
    assert b"radar = radar_as_code.site.plugin:RadarPlugin" in entry_points
    sh("tar", "xzf", release.sdist, "-C", release.sdist.parent)
    unpacked = release.sdist.parent / f"radar_as_code-{__version__}"
    assert json.loads((unpacked / "tools" / "radar_as_code" / "_build.json").read_text()) == \
        record
    assert (unpacked / "CHANGELOG.md").is_file() and not (unpacked / "radar").exists()


def init_pins_the_release(radar: Path, tmp: Path, *extra: str) -> None:
    """`radar init` from this installation pins the action to the release's commit."""
    sh(radar, "--version")
    result = sh(radar, "init", tmp / "new-radar", "--no-input", *extra)
    assert "placeholder" not in result.stderr, result.stderr


def action_pin(tmp: Path) -> str:
    workflow = yaml.safe_load((tmp / "new-radar" / ".github" / "workflows" /
                               "radar.yml").read_text())
    return str(workflow["jobs"]["check"]["steps"][1]["uses"])


def test_uv_tool_install(release: Release, tmp_path: Path) -> None:
    env = clean_env(UV_TOOL_DIR=str(tmp_path / "tools"), UV_TOOL_BIN_DIR=str(tmp_path / "bin"))
    sh(UV, "tool", "install", "-q", "-c", release.constraints, "--with-executables-from",
       "mkdocs", f"radar-as-code[site] @ {release.wheel.as_uri()}", env=env)
    assert sh(tmp_path / "bin" / "radar", "--version").stdout == f"radar {__version__}\n"
    init_pins_the_release(tmp_path / "bin" / "radar", tmp_path)
    assert action_pin(tmp_path) == f"{pins.ACTION}@{release.commit}"
    built = sh(tmp_path / "bin" / "mkdocs", "build", "--strict", "-q",
               cwd=tmp_path / "new-radar", env=clean_env(NO_MKDOCS_2_WARNING="1"))
    assert (tmp_path / "new-radar" / "site" / "index.html").is_file(), built.stderr


def test_pipx(release: Release, tmp_path: Path) -> None:
    pipx_bin = venv(tmp_path / "pipx-venv")
    uv_pip(pipx_bin, "pipx")
    env = clean_env(PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "bin"),
                    PIPX_MAN_DIR=str(tmp_path / "man"), PIP_CONSTRAINT=str(release.constraints))
    sh(pipx_bin / "pipx", "install", "--include-deps", "--python", sys.executable,
       f"{release.wheel}[site]", env=env)
    assert sh(tmp_path / "bin" / "radar", "--version").stdout == f"radar {__version__}\n"
    init_pins_the_release(tmp_path / "bin" / "radar", tmp_path)


def test_pip_install_from_a_git_url_at_the_tag(release: Release, tmp_path: Path) -> None:
    """pip clones the repository at the tag and builds it: the build records the tag's
    commit, so `radar init` pins the action to it."""
    bin_dir = venv(tmp_path / "venv")
    uv_pip(bin_dir, "pip")
    sh(bin_dir / "pip", "install", "-q", "-c", release.constraints,
       f"radar-as-code @ git+{release.source.as_uri()}@{TAG}")
    init_pins_the_release(bin_dir / "radar", tmp_path)
    assert action_pin(tmp_path) == f"{pins.ACTION}@{release.commit}"


@pytest.fixture
def user(release: Release, tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A fresh virtual environment outside this repository with the wheel installed."""
    bin_dir = venv(tmp_path / "env")
    uv_pip(bin_dir, "-c", release.constraints, f"{release.wheel}[site]", "pre-commit")
    env = clean_env(PATH=f"{bin_dir}{os.pathsep}{clean_env()['PATH']}",
                    PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
                    NO_MKDOCS_2_WARNING="1")
    yield bin_dir, env
    shutil.rmtree(tmp_path / "pre-commit-home", ignore_errors=True)


def test_the_first_hour_of_a_new_radar(release: Release, user: tuple[Path, dict[str, str]],
                                       tmp_path: Path) -> None:
    _bin, env = user
    radar = tmp_path / "our-radar"
    radar.mkdir()

    def run(*argv: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
        return sh(*argv, cwd=radar, env=env, ok=ok)

    run("radar", "init", "--preset", "thoughtworks", "--no-input",
        "--hook-repo", release.source)
    hooks = yaml.safe_load((radar / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["rev"] == TAG
    run("pre-commit", "install")
    run("pre-commit", "run", "--all-files")  # the new repository passes its own hook
    run("git", "add", "-A")
    first = run("git", "commit", "-m", "Start the radar")
    assert "radar check" in first.stdout + first.stderr  # the hook ran, from the tag
    assert run("radar", "check", "--strict").stderr == "no problems\n"
    run("git", "tag", "-a", "edition-1", "-m", "First edition")

    run("radar", "new", "kubernetes", "--title", "Kubernetes", "--quadrant", "platforms",
        "--ring", "trial")
    blip = radar / "radar" / "kubernetes.md"
    fill(blip)
    run("radar", "check", "--strict")
    text = blip.read_text()
    blip.write_text(text.replace("ring: trial", "ring: trail"))
    run("git", "add", "-A")
    refused = run("git", "commit", "-m", "Try Kubernetes", ok=False)
    assert refused.returncode != 0
    assert "radar/kubernetes.md:4:7: error: unknown ring 'trail'" in refused.stderr
    blip.write_text(text)
    run("git", "add", "-A")
    run("git", "commit", "-m", "Try Kubernetes")
    run("git", "tag", "-a", "edition-2", "-m", "Second edition")
    run("radar", "move", "kubernetes", "assess")
    run("git", "commit", "-am", "Kubernetes back to assess")

    moves = json.loads(run("radar", "diff", "--format", "json").stdout)
    assert [(c["kind"], c["id"]) for c in moves["changes"]] == [("moved-out", "kubernetes")]
    notes = run("radar", "diff", "--edition", "edition-2", "--format", "markdown").stdout
    assert "Kubernetes" in notes
    built = run("mkdocs", "build", "--strict")
    assert "WARNING" not in built.stderr
    assert (radar / "site" / "radar" / "kubernetes" / "index.html").is_file()
    assert (radar / "site" / "editions" / "edition-2" / "index.html").is_file()
    assert (radar / "site" / "assets" / "radar" / "radar.css").is_file()  # nothing to copy
