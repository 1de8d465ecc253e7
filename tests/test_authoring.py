"""Authoring commands: exact edits, atomic writes, nothing written on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, Run
from radar_as_code.authoring import blips as authoring
from radar_as_code.authoring import edit
from radar_as_code.core.load import parse

TODAY = "2026-05-01"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_move_changes_the_ring_and_review_date_only(base_radar: Path, run: Run) -> None:
    repo = base_radar
    alpha = repo / "radar" / "alpha.md"
    alpha.write_bytes(b"\xef\xbb\xbf" + alpha.read_bytes().replace(b"\n", b"\r\n")
                      .replace(b"ring: adopt", b"ring: adopt   # since 2025").rstrip(b"\r\n"))
    before = alpha.read_bytes()
    result = run("-C", repo, "move", "alpha", "hold", "--today", TODAY)
    assert result.code == 0, result.err
    after = alpha.read_bytes()
    assert after == before.replace(b"ring: adopt ", b"ring: hold ").replace(
        b"reviewed: 2026-01-15", f"reviewed: {TODAY}".encode())
    assert run("-C", repo, "check").code == 0


def test_move_with_decision_cites_it(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "move", "beta", "adopt", "--decision", "1", "--today", TODAY)
    assert result.code == 0, result.err
    text = (base_radar / "radar" / "beta.md").read_text()
    assert "ring: adopt" in text and "decisions: [0001-choose-alpha]" in text


def test_failures_write_nothing(base_radar: Path, run: Run) -> None:
    before = files(base_radar)
    for argv in (["move", "alpha", "nowhere"], ["move", "nobody", "hold"],
                 ["move", "alpha", "adopt"], ["move", "alpha", "hold", "--decision", "0042"],
                 ["retire", "nobody"], ["rename", "alpha", "beta"],
                 ["rename", "alpha", "Not_An_Id"],
                 ["new", "alpha", "--title", "A", "--quadrant", "tools", "--ring", "adopt"],
                 ["new", "omega", "--title", "O", "--quadrant", "nowhere", "--ring", "adopt"],
                 ["adr", "new", "Something", "--blip", "nobody"]):
        result = run("-C", base_radar, *argv)
        assert result.code == 2, argv
        assert result.err.startswith("radar: error: "), argv
    assert files(base_radar) == before


def test_new_blip_is_valid_and_refuses_former_ids(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "new", "omega", "--title", "Omega: the end", "--quadrant",
                 "tools", "--ring", "trial", "--tag", "python", "--today", TODAY)
    assert result.code == 0, result.err
    blip = parse("radar/omega.md", (base_radar / "radar" / "omega.md").read_bytes()).document
    assert blip is not None and blip.meta.title == "Omega: the end"
    assert str(blip.meta.reviewed) == TODAY
    assert [s.heading for s in blip.body.sections] == ["Context", "Decision"]
    assert run("-C", base_radar, "check").code == 0
    run("-C", base_radar, "rename", "omega", "omega-two")
    refused = run("-C", base_radar, "new", "omega", "--title", "X", "--quadrant", "tools",
                  "--ring", "trial")
    assert refused.code == 2 and "former id" in refused.err


def test_rename_rewrites_every_reference(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "rename", "alpha", "alpha-prime")
    assert result.code == 0, result.err
    assert not (base_radar / "radar" / "alpha.md").exists()
    text = (base_radar / "radar" / "alpha-prime.md").read_text()
    assert "former_ids: [alpha]" in text
    record = (base_radar / "adr" / "0001-choose-alpha.md").read_text()
    assert "blips: [alpha-prime]" in record and "(../radar/alpha-prime.md)" in record
    assert run("-C", base_radar, "check").code == 0


def test_retire_and_adr_new(base_radar: Path, run: Run) -> None:
    assert run("-C", base_radar, "retire", "beta").code == 0
    assert "status: retired" in (base_radar / "radar" / "beta.md").read_text()
    result = run("-C", base_radar, "adr", "new", "Prefer Beta (for now)", "--blip", "beta",
                 "--today", TODAY)
    assert result.code == 0, result.err
    path = base_radar / "adr" / "0002-prefer-beta-for-now.md"
    assert path.exists()
    assert "decisions: [0002-prefer-beta-for-now]" in (base_radar / "radar" / "beta.md").read_text()
    assert run("-C", base_radar, "check").code == 0


def test_dry_run_writes_nothing(base_radar: Path, run: Run) -> None:
    before = files(base_radar)
    result = run("-C", base_radar, "move", "alpha", "hold", "--dry-run")
    assert result.code == 0 and "would write radar/alpha.md" in result.out
    assert files(base_radar) == before


# --- property: `move` on arbitrary valid files changes only what it should -------------

_comment = st.sampled_from(["", "  # a comment", " #x"])
_quote = st.sampled_from(["", "'", '"'])
_newline = st.sampled_from(["\n", "\r\n"])
_title = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")),
                 min_size=1, max_size=30).map(str.strip).filter(
                     lambda t: bool(t) and not t.startswith(("-", "#")))


@st.composite
def blip_files(draw: st.DrawFn) -> tuple[str, str]:
    nl, quote = draw(_newline), draw(_quote)
    title = draw(_title)
    keys = [f"title: {edit.token(title)}{draw(_comment)}",
            "quadrant: tools", f"ring: {quote}trial{quote}{draw(_comment)}",
            f"reviewed: 2026-01-15{draw(_comment)}"]
    extra = draw(st.lists(st.sampled_from(["tags: [python]", "related: [alpha]",
                                           "status: active", "# a full-line comment"]),
                          unique=True))
    order = draw(st.permutations(keys + extra))
    body = f"{nl}## Context{nl}{nl}Text.{nl}{nl}## Decision{nl}{nl}Text."
    text = "---" + nl + nl.join(order) + nl + "---" + nl + body + draw(st.sampled_from(["", nl]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + text, quote


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=blip_files())
def test_move_property(tmp_path: Path, case: tuple[str, str]) -> None:
    text, quote = case
    repo = tmp_path / "p"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(BASE, repo)
    (repo / "radar" / "beta.md").write_bytes(text.encode())
    before = parse("radar/beta.md", text.encode()).document
    assert before is not None
    from datetime import date

    writes = authoring.move(repo, "beta", "hold", None, date(2026, 5, 1))
    [write] = writes
    new = write.content.decode()
    expected = text.replace(f"ring: {quote}trial{quote}", f"ring: {quote}hold{quote}", 1) \
        .replace("reviewed: 2026-01-15", "reviewed: 2026-05-01", 1)
    assert new == expected
    after = parse("radar/beta.md", write.content).document
    assert after is not None
    assert after.meta == before.meta.model_copy(update={"ring": "hold",
                                                        "reviewed": date(2026, 5, 1)})


def test_rename_rewrites_two_links_on_one_line(base_radar: Path, run: Run) -> None:
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace(
        "Beta is a method.", "See [Alpha](alpha.md#context) and [it](./alpha.md)."))
    result = run("-C", base_radar, "rename", "alpha", "alpha-tool")
    assert result.code == 0, result.err
    assert "See [Alpha](alpha-tool.md#context) and [it](alpha-tool.md)." in beta.read_text()
    assert run("-C", base_radar, "check").code == 0
