"""The files `radar new` and `radar adr new` write: front matter and sections to fill in.

Every text left to write starts with ``TODO`` (see the ``unfinished`` rule), so a draft
is visible to `radar check` and never published by mistake.
"""

from __future__ import annotations

from datetime import date

from radar_as_code.authoring.edit import token
from radar_as_code.core.model import RadarConfig
from radar_as_code.lint.unfinished import MARKER

_BLIP_PROMPTS = {
    "context": f"{MARKER}: What problem does this address, for whom, and why now?",
    "criteria": f"- {MARKER}: What must a good answer do?",
    "options": f"- **{MARKER}: an option**: its strengths and limits.",
    "decision": f"{MARKER}: Our view, and why it earns this ring.",
    "consequences": f"- {MARKER}: Limits, caveats, what to watch, when to review again.",
}
_ADR_PROMPTS = {
    "context": f"{MARKER}: The problem and its forces.",
    "drivers": f"- {MARKER}: What the choice must achieve.",
    "outcome": f"Chosen option: {MARKER}, because {MARKER}.",
    "consequences": f"- Good: {MARKER}\n- Bad: {MARKER}",
}
_OTHER = f"{MARKER}: Write this section."


def blip(config: RadarConfig, title: str, quadrant: str, ring: str, tags: list[str],
         today: date) -> str:
    label = next(r.label for r in config.rings if r.id == ring)
    body = ""
    for section in config.blip_sections:
        text = _BLIP_PROMPTS.get(section.id, _OTHER)
        if section.id == "decision":  # `radar move` keeps this statement of the ring
            text = f"**{label}.** {text}"
        body += f"\n## {section.heading}\n\n{text}\n"
    return ("---\n" f"title: {token(title)}\n" f"quadrant: {quadrant}\n" f"ring: {ring}\n"
            "status: active\n" f"tags: [{', '.join(tags)}]\n" "related: []\n" "decisions: []\n"
            f"reviewed: {today.isoformat()}\n" "former_ids: []\n" "---\n" + body)


def decision(config: RadarConfig, title: str, blips: list[str], today: date) -> str:
    options = "\n".join(f"\n### {MARKER}: option {n}\n\n{MARKER}: Its strengths and limits."
                        for n in range(1, max(config.adr_min_options, 1) + 1))
    body = ""
    for section in config.adr_sections:
        text = options.strip() if section.id == "options" else \
            _ADR_PROMPTS.get(section.id, _OTHER)
        body += f"\n## {section.heading}\n\n{text}\n"
    return ("---\n" f"title: {token(title)}\n" "status: proposed\n"
            f"date: {today.isoformat()}\n" f"deciders: [{MARKER}]\n" "supersedes: []\n"
            "superseded_by: []\n" f"blips: [{', '.join(blips)}]\n" "---\n" + body)
