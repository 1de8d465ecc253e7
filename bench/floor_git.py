"""Floors for the git-based commands: the same work done with plain git commands and the
fastest safe YAML parser, or with GitPython (to weigh it against the git command line).

    python bench/floor_git.py REPO diff BASE HEAD       # git diff + cat-file --batch + parse
    python bench/floor_git.py REPO history ID TAG...     # cat-file --batch of TAG:path + parse
    python bench/floor_git.py REPO snapshot-cli TAG     # ls-tree + cat-file --batch, all files
    python bench/floor_git.py REPO snapshot-gitpython TAG  # GitPython, all files
"""

from __future__ import annotations

import subprocess
import sys

import yaml


def git(repo: str, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", repo, *args], input=stdin, capture_output=True,
                          check=True).stdout


def batch(repo: str, names: list[str]) -> list[bytes]:
    out = git(repo, "cat-file", "--batch", stdin="".join(f"{n}\n" for n in names).encode())
    blobs, pos = [], 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        blobs.append(out[pos:pos + size])
        pos += size + 1
    return blobs


def parse(blobs: list[bytes]) -> None:
    for blob in blobs:
        text = blob.decode()
        yaml.load(text.split("\n---\n", 1)[0].removeprefix("---\n"), Loader=yaml.CSafeLoader)


def main() -> None:
    repo, mode, *args = sys.argv[1:]
    if mode == "diff":
        base, head = args
        raw = git(repo, "diff", "--raw", "--no-abbrev", "--no-renames", "-z", base, head,
                  "--", "radar").decode().split("\0")
        shas = []  # ":old-mode new-mode old-sha new-sha status", then the path
        for meta in raw[0::2]:
            if meta:
                _, _, old, new, _ = meta.lstrip(":").split()
                shas += [s for s in (old, new) if set(s) != {"0"}]
        parse(batch(repo, shas))
    elif mode == "history":
        ident, *tags = args
        parse(batch(repo, [f"{tag}:radar/{ident}.md" for tag in tags]))
    elif mode == "snapshot-cli":
        [tag] = args
        listing = git(repo, "ls-tree", "-r", "-z", tag, "--", "radar", "adr").decode()
        shas = [line.split()[2] for line in listing.split("\0") if line]
        blobs = batch(repo, shas)
        assert len(blobs) == len(shas)
    elif mode == "snapshot-gitpython":
        import git as gitpython

        [tag] = args
        tree = gitpython.Repo(repo).commit(tag).tree
        count = 0
        for item in tree.traverse():
            if item.type == "blob" and item.path.startswith(("radar/", "adr/")):
                item.data_stream.read()
                count += 1
        assert count


if __name__ == "__main__":
    main()
