"""`radar init`: a radar repository that passes its own checks at once, presets and
options, prompts on a terminal, refusal to overwrite, a radar added to an existing
repository (in a sub-folder) and to an existing MkDocs site."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import AI, ROOT, Run
from radar_as_code import __version__
from radar_as_code.scaffold import pins
from radar_as_code.scaffold.files import HOOK_FILES
from sitekit import broken_links, build
from test_workflows import pinned_steps

BIN = Path(sys.executable).parent
SHA = "0123456789abcdef0123456789abcdef01234567"


class _SiteLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, `!!python/name:` values kept as their names."""


_SiteLoader.add_multi_constructor("tag:yaml.org,2002:python/name:",
                                  lambda loader, suffix, node: f"python/name:{suffix}")


def site_config(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SiteLoader)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (but .git) and a digest of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".git" not in p.parts}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def check_workflows(folder: Path) -> list[dict[str, Any]]:
    """The workflows as GitHub and zizmor read them, offline; every action pinned."""
    paths = sorted(folder.glob("*.yml"))
    for argv in ([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows",
                  *paths],
                 [BIN / "zizmor", "--offline", "--persona", "pedantic", "--no-progress",
                  folder]):
        result = subprocess.run(argv, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    workflows = [yaml.safe_load(p.read_text()) for p in paths]
    for workflow in workflows:
        pinned_steps(workflow)
    return workflows


def uses_of_the_action(workflows: list[dict[str, Any]]) -> list[str]:
    return [step["uses"] for w in workflows for job in w["jobs"].values()
            for step in job["steps"] if step.get("uses", "").startswith(pins.ACTION)]


def test_a_new_radar_passes_its_own_checks(tmp_path: Path, run: Run) -> None:
    target = tmp_path / "tech-radar"
    result = run("init", target, "--no-input", "--action-ref", SHA)
    assert result.code == 0, result.err
    assert (target / ".git").is_dir()  # git init: the folder was in no repository
    assert sorted(tree(target)) == [
        ".github/workflows/radar-comment.yml", ".github/workflows/radar-pages.yml",
        ".github/workflows/radar-release-notes.yml", ".github/workflows/radar.yml",
        ".gitignore", ".pre-commit-config.yaml", "README.md",
        "adr/0001-keep-the-radar-as-code.md", "docs/about.md", "mkdocs.yml",
        "radar/radar.yml"]
    assert run("-C", target, "check", "--strict").code == 0
    config = yaml.safe_load((target / "radar" / "radar.yml").read_text())
    assert [q["label"] for q in config["quadrants"]] == [
        "Techniques", "Tools", "Platforms", "Languages & Frameworks"]
    assert [r["label"] for r in config["rings"]] == ["Adopt", "Trial", "Assess", "Hold"]
    out = tmp_path / "site"
    built = build(target, out)
    assert built.returncode == 0, built.stderr
    assert broken_links(out) == []
    assert (out / "adr" / "0001-keep-the-radar-as-code" / "index.html").is_file()

    workflows = check_workflows(target / ".github" / "workflows")
    assert uses_of_the_action(workflows) == [f"{pins.ACTION}@{SHA}"] * 4
    hooks = yaml.safe_load((target / ".pre-commit-config.yaml").read_text())
    [repo] = hooks["repos"]
    assert (repo["repo"], repo["rev"], repo["hooks"]) == (
        pins.REPOSITORY, f"v{__version__}", [{"id": "radar-check"}])
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in published] == ["radar-check"]
    assert published[0]["files"] == f"^{HOOK_FILES}"  # a radar in a folder: the same files
    assert "next:" in result.out and "pre-commit install" in result.out


def test_the_tools_repository_is_named_once(tmp_path: Path) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'Repository = "{pins.REPOSITORY}"' in pyproject
    assert pins.REPOSITORY.endswith("/" + pins.ACTION)


def test_refuses_to_overwrite_and_lists_every_file_in_the_way(tmp_path: Path,
                                                              run: Run) -> None:
    target = tmp_path / "busy"
    (target / "radar").mkdir(parents=True)
    (target / "radar" / "radar.yml").write_text("title: Mine\n")
    (target / ".github" / "workflows").mkdir(parents=True)
    (target / ".github" / "workflows" / "radar.yml").write_text("name: mine\n")
    (target / "adr").mkdir()
    (target / "adr" / "0001-keep-the-radar-as-code.md").symlink_to(tmp_path / "nowhere")
    before = tree(target)
    result = run("init", target, "--no-input")
    assert result.code == 2
    assert "nothing was written" in result.err
    for path in (".github/workflows/radar.yml", "adr/0001-keep-the-radar-as-code.md",
                 "radar/radar.yml"):
        assert path in result.err, path
    assert tree(target) == before and not (target / ".git").exists()


def test_presets_and_options(tmp_path: Path, run: Run) -> None:
    ai = tmp_path / "ai"
    assert run("init", ai, "--preset", "ai", "--no-input").code == 0
    config = yaml.safe_load((ai / "radar" / "radar.yml").read_text())
    mine = yaml.safe_load((AI / "radar" / "radar.yml").read_text())  # this layout, frozen
    assert [q["id"] for q in config["quadrants"]] == [q["id"] for q in mine["quadrants"]]
    assert [r["id"] for r in config["rings"]] == [r["id"] for r in mine["rings"]]
    assert config["blip_sections"] == mine["blip_sections"]
    assert config["adr_sections"] == mine["adr_sections"]

    custom = tmp_path / "custom"
    quadrants = [f"--quadrant=Area {n}" for n in range(6)]
    rings = ["--ring=now=Use now", "--ring=Next", "--ring=Later", "--ring=Watch",
             "--ring=stop=Stop"]
    result = run("init", custom, "--no-input", "--title", "Plateforme: radar", "--language",
                 "fr", "--edition-tag", "radar-v*", *quadrants, *rings)
    assert result.code == 0, result.err
    config = yaml.safe_load((custom / "radar" / "radar.yml").read_text())
    assert config["title"] == "Plateforme: radar"
    assert [q["id"] for q in config["quadrants"]] == [f"area-{n}" for n in range(6)]
    assert [r["id"] for r in config["rings"]] == ["now", "next", "later", "watch", "stop"]
    assert config["edition_tag"] == "radar-v*" and config["labels"]["edit"] == \
        "Modifier cette page"
    assert config["description"].startswith("Les techniques, outils")  # in the language
    assert run("-C", custom, "check", "--strict").code == 0
    site = site_config(custom / "mkdocs.yml")
    assert site["theme"]["language"] == "fr"
    release = yaml.safe_load((custom / ".github" / "workflows" /
                              "radar-release-notes.yml").read_text())
    assert release[True]["push"]["tags"] == ["radar-v*"]
    built = build(custom, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "Décisions" in (tmp_path / "site" / "index.html").read_text()


def test_options_that_make_a_bad_radar_write_nothing(tmp_path: Path, run: Run) -> None:
    target = tmp_path / "bad"
    result = run("init", target, "--no-input", "--quadrant", "Tools", "--quadrant", "tools")
    assert result.code == 2
    assert "quadrant 'tools' is listed twice" in result.err and "nothing was written" in \
        result.err
    assert not target.exists()
    assert run("init", target, "--no-input", "--action-ref", "v1").code == 2
    assert run("init", target, "--no-input", "--site-prefix", "../up").code == 2
    assert not target.exists()


def test_questions_on_a_terminal(tmp_path: Path, run: Run,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    # Defects (QA): a label with no ASCII letter and a repeated id failed the whole init
    # after the last question; each is asked again now.
    answers = iter(["ai", "Data, 日本", "Data, data", "Data, models=Models and algorithms", "",
                    "radar-*", "fr"])
    asked: list[str] = []

    def answer(question: str) -> str:
        asked.append(question)
        return next(answers)

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setattr("builtins.input", answer)
    from radar_as_code.cli import main

    assert main(["init", str(tmp_path / "asked"), "--title", "Given"]) == 0
    assert [q.split(" [")[0].split(" (")[0] for q in asked] == [
        "Layout", "Quadrants", "Quadrants", "Quadrants", "Rings, from the centre",
        "Edition tags", "Language"]
    assert "[Data, Algorithms, Industrialisation, Methods & Enablers]" in asked[1]
    config = yaml.safe_load((tmp_path / "asked" / "radar" / "radar.yml").read_text())
    assert config["title"] == "Given"
    assert [(q["id"], q["label"]) for q in config["quadrants"]] == [
        ("data", "Données"), ("models", "Models and algorithms")]
    assert [r["id"] for r in config["rings"]] == ["adopt", "trial", "assess", "hold"]
    assert (config["edition_tag"], config["language"]) == ("radar-*", "fr")


def test_without_a_known_commit_the_action_is_a_marked_placeholder(
        tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "built_commit", lambda: None)
    target = tmp_path / "unpinned"
    result = run("init", target, "--no-input")
    assert result.code == 0
    assert "placeholder" in result.err and "--action-ref SHA" in result.err
    workflow = (target / ".github" / "workflows" / "radar.yml").read_text()
    assert f"uses: {pins.ACTION}@{pins.PLACEHOLDER} # v{__version__} TODO: pin" in workflow


def test_the_commit_a_wheel_was_built_from(tmp_path: Path) -> None:
    record = tmp_path / "_build.json"
    record.write_text(f'{{"version": "{__version__}", "commit": "{SHA}"}}')
    assert pins.built_commit(record) == SHA
    for bad in ('{"commit": null}', '{"commit": "main"}', "[]", "not json"):
        record.write_text(bad)
        assert pins.built_commit(record) is None
    assert pins.built_commit(tmp_path / "missing.json") is None


def test_a_label_that_gives_no_id(tmp_path: Path, run: Run) -> None:
    result = run("init", tmp_path / "r", "--no-input", "--quadrant", "日本", "--quadrant", "B")
    assert result.code == 2 and "'日本' gives no id" in result.err and "id=Label" in result.err
    assert run("init", tmp_path / "r", "--no-input", "--quadrant", "nihon=日本",
               "--quadrant", "B", "--action-ref", SHA).code == 0


def test_init_again_lists_the_files_in_the_way(tmp_path: Path, run: Run) -> None:
    """Defect (QA): a second `radar init` in a radar's folder said its mkdocs.yml was a
    site with pages of its own and advised --site-prefix."""
    target = tmp_path / "radar"
    assert run("init", target, "--no-input", "--action-ref", SHA).code == 0
    before = tree(target)
    again = run("init", target, "--no-input", "--action-ref", SHA)
    assert again.code == 2 and "--site-prefix" not in again.err
    assert "mkdocs.yml" in again.err and "radar/radar.yml" in again.err
    assert "--keep-radar" not in again.err  # the rest is there too
    assert tree(target) == before


def test_dry_run_writes_nothing(tmp_path: Path, run: Run) -> None:
    result = run("init", tmp_path / "dry", "--no-input", "--dry-run")
    assert result.code == 0
    assert "would write" in result.out and "radar/radar.yml" in result.out
    assert not (tmp_path / "dry").exists()


def test_a_radar_in_a_folder_of_an_existing_repository(tmp_path: Path, run: Run) -> None:
    """Files the repository has are never touched: what to add to them is printed."""
    top = tmp_path / "monorepo"
    top.mkdir()
    git(top, "init", "-q", "-b", "trunk")
    git(top, "remote", "add", "origin", "git@github.com:acme/monorepo.git")
    (top / ".pre-commit-config.yaml").write_text("repos: []\n")
    (top / "README.md").write_text("# Monorepo\n")
    before = tree(top)
    result = run("init", top / "platform" / "radar", "--no-input", "--action-ref", SHA)
    assert result.code == 0, result.err
    assert {k: v for k, v in tree(top).items() if k in before} == before
    assert not (top / "platform" / "radar" / ".git").exists()
    assert f"add to {top / '.pre-commit-config.yaml'} (left as it is)" in result.out
    assert "entry: radar -C platform/radar check --staged --" in result.out
    workflows = check_workflows(top / ".github" / "workflows")
    checks = [s for w in workflows for j in w["jobs"].values() for s in j["steps"]
              if s.get("uses", "").startswith(pins.ACTION)]
    assert {s["with"].get("path") for s in checks if s["with"].get("command") != "comment"} \
        == {"platform/radar"}
    ci = yaml.safe_load((top / ".github" / "workflows" / "radar.yml").read_text())
    assert ci[True]["push"]["branches"] == ["trunk"]
    site = site_config(top / "platform" / "radar" / "mkdocs.yml")
    assert site["repo_url"] == "https://github.com/acme/monorepo"
    assert site["edit_uri"] == "edit/trunk/platform/radar/docs/"
    assert site["site_url"] == "https://acme.github.io/monorepo/"  # GitHub Pages' sub-path
    assert run("-C", top / "platform" / "radar", "check", "--strict").code == 0


def _printed_block(out: str, header: str) -> str:
    block = out.split(header, 1)[1].lstrip("\n")
    return block.split("\n\n", 1)[0] + "\n"


def test_the_radar_joins_an_existing_mkdocs_site_under_a_prefix(tmp_path: Path,
                                                                run: Run) -> None:
    top = tmp_path / "docs-site"
    (top / "docs").mkdir(parents=True)
    (top / "docs" / "index.md").write_text("# Platform handbook\n\nWelcome.\n")
    (top / "docs" / "guide.md").write_text("# Guide\n\nHow we work.\n")
    config = {"site_name": "Platform handbook", "strict": True,
              "theme": {"name": "material", "font": False},
              "nav": [{"Home": "index.md"}, {"Guide": "guide.md"}],
              "validation": {"nav": {"omitted_files": "warn", "not_found": "warn"},
                             "links": {"not_found": "warn"}}}
    (top / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    (top / ".gitignore").write_text("/site/\n")
    git(top, "init", "-q", "-b", "main")
    before = tree(top)

    refused = run("init", top, "--no-input")
    assert refused.code == 2 and "--site-prefix radar" in refused.err
    assert tree(top) == before

    result = run("init", top, "--no-input", "--site-prefix", "radar", "--action-ref", SHA)
    assert result.code == 0, result.err
    assert {k: v for k, v in tree(top).items() if k in before} == before  # nothing touched
    written = sorted(set(tree(top)) - set(before))
    assert written == [".github/workflows/radar-comment.yml",
                       ".github/workflows/radar-release-notes.yml",
                       ".github/workflows/radar.yml", ".pre-commit-config.yaml",
                       "README.md", "adr/0001-keep-the-radar-as-code.md", "radar/radar.yml"]
    check_workflows(top / ".github" / "workflows")
    lines = yaml.safe_load(_printed_block(result.out, f"add to {top / 'mkdocs.yml'}"
                                          " (left as it is):"))
    # Defect (QA): without `search`, a site with no `plugins:` lost its default search.
    assert lines["plugins"] == ["search", {"radar": {"prefix": "radar"}}]
    [section] = lines["nav"]
    assert section["Tech Radar"][0] == {"Tech Radar": "radar/index.md"}

    config["plugins"] = lines["plugins"]  # what the user does with the printed lines
    config["nav"] += lines["nav"]
    (top / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    out = tmp_path / "site"
    built = build(top, out)
    assert built.returncode == 0, built.stderr
    assert "Platform handbook" in (out / "index.html").read_text()
    assert (out / "search" / "search_index.json").is_file()
    radar_home = (out / "radar" / "index.html").read_text()
    assert 'class="radar-picture"' in radar_home
    assert 'href="../guide/"' in radar_home  # the site's own nav, from the radar's pages
    assert (out / "radar" / "adr" / "0001-keep-the-radar-as-code" / "index.html").is_file()
    assert broken_links(out) == []


def test_every_label_has_its_french_word() -> None:
    """A label added to the site without its translation would show in English on a radar
    that `radar init --language fr` made."""
    from radar_as_code.core.model import Labels
    from radar_as_code.core.spec import pydantic_model
    from radar_as_code.scaffold.presets import WORDS

    fields = pydantic_model(Labels).model_fields
    names = {field.alias or name for name, field in fields.items()}
    assert sorted(names - set(WORDS["fr"].labels)) == []


@pytest.mark.parametrize(("repo_url", "pages"), [
    ("https://github.com/Acme/tech-radar", "https://acme.github.io/tech-radar/"),
    ("https://github.com/acme/acme.github.io", "https://acme.github.io/"),
    ("https://gitlab.com/acme/tech-radar", None),
    (None, None)])
def test_the_pages_address_of_a_github_repository(repo_url: str | None,
                                                  pages: str | None) -> None:
    from radar_as_code.scaffold.files import pages_url

    assert pages_url(repo_url) == pages


@pytest.mark.parametrize(("origin", "web"), [
    ("https://user:token@github.com/acme/radar.git", "https://github.com/acme/radar"),
    ("git@github.com:acme/radar.git", "https://github.com/acme/radar"),
    ("https://example.org/github.com/acme/radar", None)])
def test_the_web_address_of_the_origin_never_keeps_credentials(origin: str,
                                                               web: str | None) -> None:
    from radar_as_code.cli.init import _github

    assert _github(origin) == web


def test_a_new_site_has_both_schemes_code_and_diagrams(tmp_path: Path, run: Run) -> None:
    target = tmp_path / "r"
    assert run("init", target, "--no-input", "--action-ref", SHA).code == 0
    site = site_config(target / "mkdocs.yml")
    assert [p["scheme"] for p in site["theme"]["palette"]] == ["default", "slate"]
    fences = next(e for e in site["markdown_extensions"] if isinstance(e, dict)
                  and "pymdownx.superfences" in e)["pymdownx.superfences"]["custom_fences"]
    assert fences[0]["name"] == "mermaid"
