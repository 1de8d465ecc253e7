"""The questions `radar init` asks on a terminal, for what its flags did not say. Each
question shows its default; an empty answer takes it."""

from __future__ import annotations

from collections.abc import Callable

from radar_as_code.errors import UsageError
from radar_as_code.scaffold.presets import PRESETS, Choices, Entry, Preset, entry

Read = Callable[[str], str]


def _ask(read: Read, question: str, default: str) -> str:
    try:
        answer = read(f"{question} [{default}]: ").strip()
    except EOFError:
        raise UsageError("radar init: no answer (end of input); nothing was written") from None
    return answer or default


def _entries(read: Read, question: str, default: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Entries, asked again until every one gives an id and no id comes twice."""
    shown = ", ".join(e.label for e in default)
    while True:
        answer = _ask(read, f"{question} (comma-separated; id=Label to choose an id)", shown)
        if answer == shown:
            return default
        try:
            found = tuple(entry(part) for part in answer.split(",") if part.strip())
        except UsageError as exc:
            print(f"  {exc}")
            continue
        ids = [e.id for e in found]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if not found or twice:
            print(f"  {'the id ' + ', '.join(twice) + ' comes twice' if twice else 'none given'}"
                  ": answer again")
            continue
        return found


def ask(read: Read, given: Choices) -> Choices:
    """Ask for each value ``given`` leaves empty (a preset named on the command line keeps
    its quadrants and rings unless they were given too)."""
    preset_name = given.preset
    while not preset_name:
        preset_name = _ask(read, f"Layout ({' or '.join(PRESETS)})", "thoughtworks")
        if preset_name not in PRESETS:
            print(f"  '{preset_name}' is no layout: {', '.join(PRESETS)}")
            preset_name = ""
    preset: Preset = PRESETS[preset_name]
    title = given.title or _ask(read, "Title", preset.title)
    quadrants = given.quadrants or _entries(read, "Quadrants", preset.quadrants)
    rings = given.rings or _entries(read, "Rings, from the centre", preset.rings)
    edition_tag = given.edition_tag or _ask(read, "Edition tags (a git tag glob)", "edition-*")
    language = given.language or _ask(read, "Language (en, fr, ...)", "en")
    return Choices(preset_name, title, quadrants, rings, edition_tag, language)
