"""Authoring commands of the change workflow: decision-record lifecycle and numbers,
reviews, retirements, suggestions, and the whole radar checked before anything is
written. Each edit is compared byte for byte with the file before it."""

from __future__ import annotations

from pathlib import Path

from conftest import Run
from test_authoring import files

TODAY = "2026-05-01"


def record(repo: Path, name: str, status: str, **lists: str) -> Path:
    path = repo / "adr" / f"{name}.md"
    extra = "".join(f"{key}: [{value}]  # kept\n" for key, value in lists.items())
    path.write_text(f"---\ntitle: {name[5:].replace('-', ' ').capitalize()}\n"
                    f"status: {status}   # a comment\ndate: 2026-01-10\ndeciders: [Team]\n"
                    f"{extra}---\n\n## Context\n\nWhy.\n\n## Considered options\n\n### A\n\n"
                    "### B\n\n### C\n\n## Decision outcome\n\nA.\n")
    return path


def test_accept_reject_deprecate_edit_status_and_date_only(base_radar: Path,
                                                           run: Run) -> None:
    proposed = record(base_radar, "0002-try-beta", "proposed")
    before = proposed.read_bytes()
    result = run("-C", base_radar, "adr", "accept", "2", "--today", TODAY)
    assert (result.code, result.out) == (0, "wrote adr/0002-try-beta.md\n"), result.err
    assert proposed.read_bytes() == before.replace(b"status: proposed", b"status: accepted") \
        .replace(b"date: 2026-01-10", f"date: {TODAY}".encode())
    refused = run("-C", base_radar, "adr", "reject", "0002-try-beta")
    assert refused.code == 2
    assert "'0002-try-beta' is accepted; only a proposed record can be rejected: " \
           "`radar adr deprecate 0002-try-beta` or `radar adr supersede 0002-try-beta NEW`" \
           in refused.err
    assert run("-C", base_radar, "adr", "deprecate", "0002", "--today", TODAY).code == 0
    assert b"status: deprecated   # a comment" in proposed.read_bytes()
    record(base_radar, "0003-try-gamma", "proposed")
    assert run("-C", base_radar, "adr", "reject", "3").code == 0
    assert run("-C", base_radar, "check").code == 0


def test_supersede_links_both_ends_in_one_edit(base_radar: Path, run: Run) -> None:
    old = base_radar / "adr" / "0001-choose-alpha.md"
    old_before = old.read_bytes()
    new = record(base_radar, "0002-choose-alpha-again", "proposed", blips="alpha")
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("decisions: [0001-choose-alpha]",
                                               "decisions: [0001-choose-alpha, "
                                               "0002-choose-alpha-again]"))
    new_before = new.read_bytes()
    result = run("-C", base_radar, "adr", "supersede", "1", "2", "--today", TODAY)
    assert result.code == 0, result.err
    assert old.read_bytes() == old_before.replace(b"status: accepted", b"status: superseded") \
        .replace(b"date: 2026-01-10", f"date: {TODAY}".encode()) \
        .replace(b"blips: [alpha]\n", b"blips: [alpha]\nsuperseded_by: [0002-choose-alpha-again]\n")
    assert new.read_bytes() == new_before.replace(b"status: proposed", b"status: accepted") \
        .replace(b"date: 2026-01-10", f"date: {TODAY}".encode()) \
        .replace(b"---\n\n## Context", b"supersedes: [0001-choose-alpha]\n---\n\n## Context")
    assert run("-C", base_radar, "check").code == 0
    assert run("-C", base_radar, "adr", "supersede", "1", "2").code == 2  # not twice


def test_lifecycle_failures_write_nothing(base_radar: Path, run: Run) -> None:
    record(base_radar, "0002-try-beta", "rejected")
    before = files(base_radar)
    for argv, message in [
            (["adr", "accept", "0001"], "'0001-choose-alpha' is already accepted"),
            (["adr", "accept", "2"], "'0002-try-beta' is rejected; only a proposed record"),
            (["adr", "accept", "9"], "no decision record '9'"),
            (["adr", "accept", "0001-chose-alpha"],
             "no decision record '0001-chose-alpha' (did you mean '0001-choose-alpha'?)"),
            (["adr", "supersede", "1", "1"], "cannot supersede itself"),
            (["adr", "supersede", "1", "2"], "'0002-try-beta' is rejected"),
            (["adr", "renumber", "1", "2"], "number 0002 is used by 0002-try-beta; the next "
                                            "free number is 0003"),
            (["adr", "renumber", "1", "x7"], "neither a number"),
            (["adr", "renumber", "1", "0001"], "has that number already")]:
        result = run("-C", base_radar, *argv)
        assert result.code == 2, argv
        assert message in result.err, (argv, result.err)
    assert files(base_radar) == before


def test_renumber_rewrites_file_name_lists_and_links(base_radar: Path, run: Run) -> None:
    record(base_radar, "0002-replace-alpha", "accepted", supersedes="0001-choose-alpha")
    old = base_radar / "adr" / "0001-choose-alpha.md"
    old.write_text(old.read_text().replace("blips: [alpha]\n", "blips: [alpha]\n"
                                           "superseded_by: [0002-replace-alpha]\n")
                   .replace("status: accepted", "status: superseded")
                   + "\nSee [this record](0001-choose-alpha.md#context).\n")
    assert run("-C", base_radar, "check").code == 0
    result = run("-C", base_radar, "adr", "renumber", "0001-choose-alpha", "7")
    assert result.code == 0, result.err
    assert sorted(result.out.splitlines()) == [
        "wrote adr/0002-replace-alpha.md", "wrote adr/0007-choose-alpha.md (was "
        "adr/0001-choose-alpha.md)", "wrote radar/alpha.md"]
    assert not old.exists()
    renumbered = (base_radar / "adr" / "0007-choose-alpha.md").read_text()
    assert "(0007-choose-alpha.md#context)" in renumbered
    alpha = (base_radar / "radar" / "alpha.md").read_text()
    assert "decisions: [0007-choose-alpha]" in alpha
    assert "[the decision](../adr/0007-choose-alpha.md)" in alpha
    assert "supersedes: [0007-choose-alpha]  # kept" in \
        (base_radar / "adr" / "0002-replace-alpha.md").read_text()
    assert run("-C", base_radar, "check").code == 0


def test_retire_records_the_date_and_the_page_shows_it(base_radar: Path, run: Run,
                                                       tmp_path: Path) -> None:
    beta = base_radar / "radar" / "beta.md"
    before = beta.read_bytes()
    assert run("-C", base_radar, "retire", "beta", "--today", "2026-05-20").code == 0
    assert beta.read_bytes() == before.replace(
        b"ring: trial\n", b"ring: trial\nstatus: retired\nretired: 2026-05-20\n")
    out = tmp_path / "pages"
    result = run("-C", base_radar, "render", "--out", out, "--no-history")
    assert result.code == 0
    assert result.out.startswith(f"wrote 11 pages (Markdown) and radar.svg to {out}")
    page = (out / "radar" / "beta.md").read_text()
    assert '<span class="radar-badge radar-retired">Retired 2026-05-20</span>' in page


def test_review_keeps_every_other_byte(base_radar: Path, run: Run) -> None:
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_bytes(alpha.read_bytes().replace(b"\n", b"\r\n")
                      .replace(b"reviewed: 2026-01-15", b"reviewed: '2026-01-15' # q"))
    before = alpha.read_bytes()
    result = run("-C", base_radar, "review", "alpha", "alpha", "--today", TODAY)
    assert (result.code, result.out) == (0, "wrote radar/alpha.md\n"), result.err
    assert alpha.read_bytes() == before.replace(b"'2026-01-15'", f"'{TODAY}'".encode())
    assert run("-C", base_radar, "review", "nobody").code == 2


def test_move_updates_the_ring_stated_in_the_decision(base_radar: Path, run: Run) -> None:
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("Trial it.", "Ring: **Trial**. Try it first."))
    before = beta.read_bytes()
    assert run("-C", base_radar, "move", "beta", "hold", "--today", TODAY).code == 0
    assert beta.read_bytes() == before.replace(b"ring: trial", b"ring: hold").replace(
        b"reviewed: 2026-01-15", f"reviewed: {TODAY}".encode()).replace(
        b"Ring: **Trial**.", b"Ring: **Hold**.")


def test_suggestions_for_mistyped_arguments(base_radar: Path, run: Run) -> None:
    for argv, message in [
            (["move", "alpha", "addopt"], "unknown ring 'addopt' (did you mean 'adopt'?); "
                                          "rings: adopt, trial, hold"),
            (["move", "alpha", "Hold"], "(did you mean 'hold'?)"),
            (["move", "alpah", "hold"], "'alpah': no such blip (did you mean 'alpha'?)"),
            (["new", "gamma", "--title", "G", "--quadrant", "Methods", "--ring", "trial"],
             "unknown quadrant 'Methods' (did you mean 'methods'?)"),
            (["new", "gamma", "--title", "G", "--quadrant", "tools", "--ring", "trial",
              "--tag", "pyhton"], "unknown tag 'pyhton' (did you mean 'python'?)"),
            (["new", "Gamma_Ray", "--title", "G", "--quadrant", "tools", "--ring", "trial"],
             "'Gamma_Ray' is not a valid id (did you mean 'gamma-ray'?)"),
            (["review", "bta"], "(did you mean 'beta'?)")]:
        result = run("-C", base_radar, *argv)
        assert result.code == 2, argv
        assert message in result.err, (argv, result.err)


def test_commands_leave_the_radar_check_clean_or_write_nothing(base_radar: Path,
                                                               run: Run) -> None:
    before = files(base_radar)
    # A duplicate title: the file alone is valid, the radar with it is not.
    result = run("-C", base_radar, "new", "alpha2", "--title", "Alpha", "--quadrant", "tools",
                 "--ring", "trial")
    assert result.code == 2
    assert "this would leave the radar with 1 new error; nothing was written:\n" \
           "radar/alpha2.md:2:8: error: blip title 'Alpha' is also the title of " \
           "radar/alpha.md [identity]" in result.err
    assert files(base_radar) == before
    # Errors that were there before do not stop a command; new ones do.
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("Beta is a method.", "See [x](missing.md)."))
    assert run("-C", base_radar, "review", "alpha", "--today", TODAY).code == 0
    # A placeholder of a new file is expected: the template is there to be filled.
    result = run("-C", base_radar, "new", "gamma", "--title", "Gamma", "--quadrant", "tools",
                 "--ring", "trial", "--today", TODAY)
    assert result.code == 0, result.err
    gamma = base_radar / "radar" / "gamma.md"
    assert "warning: unfinished text" in run("-C", base_radar, "check", gamma).out


def test_reference_to_the_last_record_removed(base_radar: Path, run: Run) -> None:
    """With no decision record left, a blip still citing one was not reported."""
    (base_radar / "adr" / "0001-choose-alpha.md").unlink()
    result = run("-C", base_radar, "check")
    assert "radar/alpha.md:7:13: error: decisions: no decision record '0001-choose-alpha' " \
           "[references]" in result.out


def test_labels_and_misspellings_mean_ids() -> None:
    from radar_as_code.core.suggest import closest

    quadrants = {"languages-and-frameworks": "Languages & Frameworks", "tools": "Tools"}
    assert closest("Languages & Frameworks", quadrants) == "languages-and-frameworks"
    assert closest("languages  &  frameworks", quadrants) == "languages-and-frameworks"
    assert closest("Tools", quadrants) == "tools"
    assert closest("tols", quadrants) == "tools"
    assert closest("platforms", quadrants) is None
    assert closest("Trial", ["adopt", "trial"]) == "trial"
