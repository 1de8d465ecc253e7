"""The real pre-commit, on a temporary repository: a broken reference is refused at commit
time, a clean change is accepted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE, ROOT

BIN = Path(sys.executable).parent


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=check, env=env)


def manifest_hook() -> dict[str, Any]:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert isinstance(hook, dict)
    return hook


def make_repo(tmp_path: Path, config: dict[str, Any]) -> Path:
    repo = tmp_path / "radar-repo"
    shutil.copytree(BASE, repo)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial radar", "--no-verify")
    return repo


def refuse_then_accept(repo: Path, tmp_path: Path) -> None:
    subprocess.run([BIN / "pre-commit", "install"], cwd=repo, check=True, capture_output=True)
    alpha = repo / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("related: [beta]", "related: [beta, zeta]"))
    git(repo, "add", "radar/alpha.md")
    refused = git(repo, "commit", "-m", "relate alpha to zeta", check=False)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "radar/alpha.md:6:17: error: related: no blip 'zeta'" in output, output
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1

    alpha.write_text(alpha.read_text().replace("related: [beta, zeta]", "related: []")
                     .replace("See [Beta](beta.md)", "See Beta"))
    git(repo, "add", "radar/alpha.md")
    accepted = git(repo, "commit", "-m", "alpha is unrelated", check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "radar check" in accepted.stdout + accepted.stderr


def refused(repo: Path, message: str, *commit: str) -> None:
    """`git commit` is refused by the hook with ``message``; the change is undone."""
    result = git(repo, "commit", *commit, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in output, output
    git(repo, "reset", "-q", "--hard")


def refuse_deletions(repo: Path) -> None:
    """A deleted or renamed record or blip that others still name is refused at commit
    time, also by `git commit -a` (a temporary index); other commits pass."""
    (repo / "notes.txt").write_text("not part of the radar\n")
    git(repo, "add", "notes.txt")
    unrelated = git(repo, "commit", "-m", "notes", check=False)
    assert unrelated.returncode == 0, unrelated.stdout + unrelated.stderr
    commits = git(repo, "log", "--oneline").stdout.count("\n")

    git(repo, "rm", "-q", "adr/0001-choose-alpha.md")
    refused(repo, "decisions: no decision record '0001-choose-alpha'", "-m", "drop it")
    (repo / "adr" / "0001-choose-alpha.md").unlink()  # not staged: `commit -a` stages it
    refused(repo, "decisions: no decision record '0001-choose-alpha'", "-a", "-m", "drop it")
    git(repo, "mv", "radar/alpha.md", "radar/alpha-two.md")
    refused(repo, "blips: no blip 'alpha'", "-m", "rename alpha by hand")
    assert git(repo, "log", "--oneline").stdout.count("\n") == commits


def test_published_hook_fields_as_a_local_hook(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest's entry, file pattern and options, run from this environment."""
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    hook = manifest_hook()
    hook.update(language="system", entry=f"{BIN / 'radar'} {hook['entry'].split(' ', 1)[1]}")
    repo = make_repo(tmp_path, {"repos": [{"repo": "local", "hooks": [hook]}]})
    refuse_then_accept(repo, tmp_path)
    refuse_deletions(repo)


def test_this_repository_runs_the_published_hook() -> None:
    """`.pre-commit-config.yaml` runs the same check as the published manifest."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    [local] = [h for r in config["repos"] for h in r["hooks"] if h["id"] == "radar-check"]
    published = manifest_hook()
    assert local["entry"].split("radar ", 1)[1] == published["entry"].split("radar ", 1)[1]
    for key in ("files", "always_run", "require_serial"):
        assert local[key] == published[key], key


@pytest.mark.slow
def test_published_hook_installed_by_pre_commit(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest as other repositories use it: pre-commit builds this package itself.
    Needs the package index (as CI has) and a committed HEAD."""
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=False)
    if head.returncode != 0:
        pytest.skip("this checkout has no commit yet")
    clone = tmp_path / "hook-source"
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(clone)], check=True)
    config = {"repos": [{"repo": str(clone), "rev": head.stdout.strip(),
                         "hooks": [{"id": manifest_hook()["id"]}]}]}
    repo = make_repo(tmp_path, config)
    refuse_then_accept(repo, tmp_path)
    refuse_deletions(repo)
