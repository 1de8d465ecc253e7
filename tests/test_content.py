"""This repository's radar, whatever it holds: clean under `radar check --strict`, every
page built, every active blip on the picture, every page reachable. A content pull
request (a blip added, moved, retired or renamed) passes these without touching a test
(tests/test_content_change.py proves it). The seed's rings belong to the content's own
history: they are checked at the commit that brought the seed, not at HEAD.

The tool itself is tested on fixture radars (tests/cases/), never on this content."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from conftest import ROOT, Run
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.timeline import Timeline
from sitekit import broken_links, build, links

pytestmark = pytest.mark.content

# The seed (Sicara's Tech Radar IA, early 2024): quadrant -> ring -> blip ids.
SEED = {
    "data": {
        "adopt": ["apache-parquet", "dvc", "polars", "prodigy", "pydantic", "streamlit"],
        "trial": ["dedicated-vector-databases", "presidio", "segments-ai",
                  "tensorboard-embedding-projector"],
        "hold": ["pandas-numpy-backend"],
    },
    "algorithms": {
        "adopt": ["dinov2", "gpt-4", "pytorch", "retrieval-augmented-generation", "shap",
                  "spacy", "yolo"],
        "trial": ["boruta", "causal-impact", "openai-assistants-api",
                  "llm-supervised-fine-tuning"],
        "assess": ["open-source-llms"],
        "hold": ["classic-few-shot-learning"],
    },
    "industrialisation": {
        "adopt": ["airflow", "infrastructure-as-code", "poetry"],
        "trial": ["langchain", "qarnot", "vllm", "langsmith"],
        "assess": ["guidance", "end-to-end-ml-platforms"],
        "hold": ["dataiku"],
    },
    "methods": {
        "adopt": ["algorithm-decision-records", "business-metrics"],
        "trial": ["github-copilot", "short-ai-iterations", "test-driven-machine-learning",
                  "sicarator", "mteb"],
        "assess": ["llm-as-a-judge"],
        "hold": ["llm-iterations-without-metrics"],
    },
}


@pytest.fixture(scope="module")
def radar() -> Radar:
    loaded = load(WorktreeReader(ROOT))
    assert loaded.radar is not None, loaded.problems
    return loaded.radar


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("content") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def test_this_radar_is_clean(run: Run) -> None:
    result = run("-C", ROOT, "check", "--strict")
    assert (result.code, result.out) == (0, "")


def test_every_page_is_built(site: Path, radar: Radar) -> None:
    expected = [f"radar/{b}/index.html" for b in radar.blips] + \
               [f"adr/{d}/index.html" for d in radar.decisions] + \
               [f"quadrants/{q.id}/index.html" for q in radar.config.quadrants] + \
               ["index.html", "adr/index.html", "editions/index.html", "tags/index.html"]
    assert [page for page in expected if not (site / page).is_file()] == []
    assert broken_links(site) == []


def test_every_active_blip_is_on_the_picture(site: Path, radar: Radar) -> None:
    home = (site / "index.html").read_text()
    start = re.search(r'<svg[^>]*class="radar-picture"', home)
    assert start is not None
    picture = home[start.start():home.index("</svg>", start.start())]
    shown = sorted(re.findall(r'data-blip="([^"]+)"', picture))
    active = sorted(b.id for b in radar.blips.values() if b.meta.status == "active")
    assert shown == active


def _crawl(site: Path) -> Iterator[str]:
    """Every page reachable from the home page by following links."""
    seen, todo = set(), ["/"]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        yield url
        page = site / url.lstrip("/") / "index.html" if url.endswith("/") else \
            site / url.lstrip("/")
        if not page.is_file() or page.suffix != ".html":
            continue
        for _tag, target in links(page.read_text()):
            path = urldefrag(urljoin(url, target))[0]
            if "://" not in path and not path.startswith("mailto:"):
                todo.append(path)


def test_every_blip_and_decision_record_is_reachable(site: Path, radar: Radar) -> None:
    reached = set(_crawl(site))
    pages = [f"/radar/{b}/" for b in radar.blips] + [f"/adr/{d}/" for d in radar.decisions]
    assert [page for page in pages if page not in reached] == []


def test_the_seed_is_the_first_content_of_the_history(run: Run) -> None:
    """The rings of the seed, read at the commit that brought it (history never moves:
    later content pull requests cannot break this)."""
    added = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H",
                            "--", "radar/radar.yml"], capture_output=True, text=True,
                           check=False)
    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True, check=False).stdout.strip()
    if added.returncode != 0 or not added.stdout.strip() or shallow == "true":
        pytest.skip("no full git history here (a copy, or a shallow clone)")
    seed_commit = added.stdout.split()[-1]
    _end, reader = Timeline(ROOT).end(seed_commit)
    seed = load(reader).radar
    assert seed is not None
    expected = {blip: (quadrant, ring) for quadrant, rings in SEED.items()
                for ring, ids in rings.items() for blip in ids}
    assert len(expected) == 43
    assert {b.id: (b.meta.quadrant, b.meta.ring) for b in seed.blips.values()} == expected
    assert all(b.meta.status == "active" for b in seed.blips.values())
