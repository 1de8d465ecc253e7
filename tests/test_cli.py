"""The `radar` command: formats, exit codes, partial checks, `show`, `schema`, `rules`."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, Run, golden
from radar_as_code.cli import schema as schema_cli
from radar_as_code.lint import REGISTRY


def break_it(repo: Path) -> None:
    alpha = repo / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "rnig: adopt"))
    beta = repo / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("reviewed:", "related: [alpha, zeta]\nreviewed:"))


def test_clean_radar(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "check")
    assert (result.code, result.out, result.err) == (0, "", "no problems\n")


def test_text_format(base_radar: Path, run: Run) -> None:
    break_it(base_radar)
    result = run("-C", base_radar, "check", "--format", "text")
    assert result.code == 1
    golden("check.txt", result.out)
    assert result.err == "3 errors, 0 warnings in 2 files\n"


def test_json_format(base_radar: Path, run: Run) -> None:
    break_it(base_radar)
    result = run("-C", base_radar, "check", "--format", "json")
    assert result.code == 1
    golden("check.json", result.out)
    data = json.loads(result.out)
    assert data["errors"] == 3
    assert set(data["problems"][0]) == {"path", "line", "col", "rule", "level", "message"}


def test_github_format_is_automatic_under_actions(base_radar: Path, run: Run,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    break_it(base_radar)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("-C", base_radar, "check")
    golden("check.github", result.out)
    assert result.out.startswith("::error file=radar/alpha.md,line=")


def test_github_annotation_escapes_user_text(base_radar: Path, run: Run) -> None:
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("related: [beta]",
                                               'related: [beta]\n"a,b:%\\x0a::x": 1'))
    result = run("-C", base_radar, "check", "--format", "github")
    assert "unknown key 'a,b:%\\x0a::x'" not in result.out
    line = result.out.splitlines()[0]
    assert line.startswith("::error file=radar/alpha.md,line=7,col=1,title=schema::")
    assert "a,b:%25\\x0a::x" in line  # '%' escaped; the newline shown, never emitted
    assert len(result.out.splitlines()) == 1


def test_warnings_pass_unless_strict(base_radar: Path, run: Run) -> None:
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(beta.read_text() + "\n## Notes\n\nExtra.\n")
    assert run("-C", base_radar, "check").code == 0
    assert run("-C", base_radar, "check", "--strict").code == 1


def test_rule_levels_from_config(base_radar: Path, run: Run) -> None:
    break_it(base_radar)
    config = base_radar / "radar" / "radar.yml"
    config.write_text(config.read_text() + "rules:\n  references: warning\n")
    result = run("-C", base_radar, "check")
    assert "warning: related: no blip 'zeta'" in result.out
    config.write_text(config.read_text().replace("references: warning", "references: disable"))
    result = run("-C", base_radar, "check")
    assert "zeta" not in result.out


def test_partial_check_reports_only_named_files(base_radar: Path, run: Run,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    break_it(base_radar)
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("ring: trial", "ring: trail"))
    monkeypatch.chdir(base_radar)
    only_beta = run("check", "radar/beta.md")
    assert only_beta.code == 1
    assert only_beta.out.splitlines() == [
        "radar/beta.md:4:7: error: unknown ring 'trail' (did you mean 'trial'?) [vocabulary]",
        "radar/beta.md:5:18: error: related: no blip 'zeta' (did you mean 'beta'?) [references]"]
    assert run("check", "README.md" if (base_radar / "README.md").exists() else
               "radar/radar.yml").code == 1  # the config changed: everything is checked
    assert run("check", "adr/0001-choose-alpha.md").code == 0


def test_partial_check_resolves_references_without_reading_them(
        base_radar: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    (base_radar / "radar" / "beta.md").write_bytes(b"\x00 not even text")
    monkeypatch.chdir(base_radar)
    # alpha relates to beta; beta is broken but exists, so alpha alone is clean
    assert run("check", "radar/alpha.md").code == 0
    assert run("check").code == 1


def test_usage_errors(base_radar: Path, run: Run, tmp_path: Path) -> None:
    assert run("-C", base_radar, "check", "radar/nope.md").code == 2
    assert run("-C", base_radar, "check", "--format", "xml").code == 2
    assert run("nosuchcommand").code == 2
    outside = tmp_path / "outside.md"
    outside.write_text("x")
    result = run("-C", base_radar, "check", outside)
    assert result.code == 2
    assert "outside the radar's repository" in result.err


def test_show_json(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "show", "--format", "json")
    assert result.code == 0
    golden("show.json", result.out)
    data = json.loads(result.out)
    assert [b["number"] for b in data["blips"]] == [1, 2]
    assert set(data["blips"][0]) == {"id", "title", "quadrant", "ring", "status", "tags",
                                     "related", "decisions", "former_ids", "reviewed", "retired",
                                     "featured", "imported", "number", "path"}
    assert {"id", "title", "status", "blips", "supersedes", "superseded_by", "path"} <= set(
        data["decisions"][0])


def test_show_numbers_by_quadrant_ring_title(base_radar: Path, run: Run) -> None:
    template = (base_radar / "radar" / "beta.md").read_text()
    for ident, title, quadrant, ring in [("zulu", "Zulu", "tools", "adopt"),
                                         ("echo", "echo", "tools", "trial"),
                                         ("retired-one", "Retired", "tools", "adopt")]:
        text = template.replace("title: Beta", f"title: {title}").replace(
            "quadrant: methods", f"quadrant: {quadrant}").replace("ring: trial", f"ring: {ring}")
        if ident == "retired-one":
            text = text.replace("reviewed:", "status: retired\nreviewed:")
        (base_radar / "radar" / f"{ident}.md").write_text(text)
    data = json.loads(run("-C", base_radar, "show", "--format", "json").out)
    assert [(b["id"], b["number"]) for b in data["blips"]] == [
        ("alpha", 1), ("zulu", 2), ("echo", 3), ("beta", 4), ("retired-one", None)]


def test_show_text(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "show")
    golden("show.txt", result.out)


def test_committed_schemas_do_not_drift() -> None:
    for kind in schema_cli.KINDS:
        committed = (ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text()
        assert committed == schema_cli.schema(kind), f"run `make schema` ({kind})"


@pytest.mark.content
def test_schema_validates_this_radar() -> None:
    import jsonschema  # installed with check-jsonschema

    from radar_as_code.core import frontmatter, yamlread

    validator = jsonschema.Draft202012Validator(
        json.loads(schema_cli.schema("blip")), format_checker=jsonschema.FormatChecker())
    for path in sorted((ROOT / "radar").glob("*.md")):
        split = frontmatter.split(str(path), path.read_text())
        assert not isinstance(split, Exception)
        data = yamlread.read(str(path), split.yaml).value  # type: ignore[union-attr]
        errors = list(validator.iter_errors(data))
        assert not errors, (path, errors)


def test_every_rule_is_documented_and_has_cases() -> None:
    for rule, module in REGISTRY.items():
        doc = inspect.getdoc(module) or ""
        assert doc.split("\n")[0].endswith("."), rule
        assert "\nFails" in doc, f"{rule}: its docstring has no failing example"
        assert module.LEVEL in ("error", "warning")
        if getattr(module, "NEEDS_GIT", False):  # cases are repositories with history
            source = "".join((TESTS / name).read_text()
                             for name in ("test_timeline.py", "test_cycle.py"))
            assert f"def test_{rule.replace('-', '_')}_" in source, f"{rule}: no failing cases"
            continue
        cases = TESTS / "cases" / rule / "fail"
        assert cases.is_dir() and any(cases.iterdir()), f"{rule}: no failing cases"


def test_rules_page(run: Run) -> None:
    result = run("rules")
    assert result.code == 0
    for rule in REGISTRY:
        assert f"\n## {rule}\n" in result.out


def test_schema_and_body_problems_in_one_run(base_radar: Path, run: Run) -> None:
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "rnig: adopt")
                     .replace("See [Beta](beta.md)", "See [Zeta](zeta.md)")
                     .replace("## Decision\n\nAdopt it.\n", ""))
    rules = [line.rsplit("[", 1)[1] for line in run("-C", base_radar, "check").out.splitlines()]
    assert sorted(set(rules)) == ["links]", "schema]", "sections]"]


def test_a_bug_is_one_line_not_a_traceback(base_radar: Path, run: Run,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from radar_as_code.cli import show

    def broken(args: object) -> int:
        raise ValueError("unexpected")

    monkeypatch.setattr(show, "run", broken)
    monkeypatch.delenv("RADAR_DEBUG", raising=False)
    result = run("-C", base_radar, "show")
    assert result.code == 3
    assert result.err == ("radar: internal error: ValueError: unexpected (this is a bug in "
                          "radar; RADAR_DEBUG=1 shows the traceback)\n")


def test_the_machine_saying_no_is_a_plain_error(base_radar: Path, run: Run,
                                                tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = run("-C", base_radar, "export", "--format", "json", "--out", folder)
    assert result.code == 2
    assert result.err.startswith("radar: error: ") and "Is a directory" in result.err


def test_the_radar_is_found_from_a_sub_folder(base_radar: Path, run: Run,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "ring: nowhere"))
    monkeypatch.chdir(base_radar / "radar")
    result = run("check", "alpha.md")  # like git: the nearest folder with radar/radar.yml
    assert result.code == 1 and "radar/alpha.md:" in result.out, result.out
    monkeypatch.chdir(base_radar / "adr")
    assert run("check").code == 1
    result = run("-C", base_radar / "radar", "check", str(alpha))  # -C DIR: found from DIR
    assert result.code == 1 and "radar/alpha.md:" in result.out


def test_help_and_version_import_no_command(tmp_path: Path) -> None:
    """`radar --help` lists every command without importing any of them (start-up)."""
    import subprocess
    import sys

    code = ("import sys; from radar_as_code.cli import main, COMMANDS; rc = main(['--help']); "
            "loaded = [m for m in sys.modules if m.startswith(('radar_as_code.cli.', "
            "'pydantic', 'yaml'))]; print(loaded)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout
    assert out.splitlines()[-1] == "[]"
    from radar_as_code.cli import COMMANDS
    assert all(f"    {name}" in out for name in COMMANDS)


def test_a_folder_that_does_not_exist(run: Run, tmp_path: Path) -> None:
    """Defect (QA): `-C /nonexistent` said radar/radar.yml was not in the working tree."""
    result = run("-C", tmp_path / "nowhere", "check")
    assert result.code == 2 and result.err == f"radar: error: -C {tmp_path / 'nowhere'}: " \
        "no such folder\n"
