"""What an import did, edition by edition, counted from the files it wrote; every id it
had to make up and every choice it made about who is who; and what it left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from radar_as_code.interchange.records import Where, shown
from radar_as_code.interchange.replay import Edition

KINDS = ("new", "moved", "quadrant", "retired", "back", "retitled", "revised")
_WORDS = {"new": "new", "moved": "moved", "quadrant": "changed quadrant", "retired": "retired",
          "back": "back", "retitled": "retitled", "revised": "text revised"}


@dataclass
class Summary:
    format: str
    into: str
    editions: list[dict[str, Any]] = field(default_factory=list)
    ids: list[dict[str, Any]] = field(default_factory=list)  # id, source (id or name), made
    decisions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    blips: int = 0
    active: int = 0

    def add(self, edition: Edition, tag: str, written: int, active: int) -> None:
        self.editions.append({"edition": tag, "date": edition.date, "source": edition.origin,
                              "files": written, "active": active,
                              **{k: edition.counts.get(k, 0) for k in KINDS}})
        self.decisions.extend(shown(d) for d in edition.decisions)

    def note(self, where: Where, message: str) -> None:
        self.notes.append(shown(f"{where}: {message}"))

    def as_json(self) -> dict[str, Any]:
        return {"format": self.format, "into": self.into, "blips": self.blips,
                "active": self.active, "editions": self.editions, "ids": self.ids,
                "decisions": self.decisions, "notes": self.notes}

    def text(self) -> str:
        lines = [f"imported {self.blips} blips ({self.active} on the radar) from "
                 f"{len(self.editions)} release(s) into {self.into}"]
        for row in self.editions:
            counts = ", ".join(f"{row[k]} {_WORDS[k]}" for k in KINDS if row[k])
            lines.append(f"  {row['edition']}: {row['active']} on the radar, {row['files']} "
                         f"file(s) written ({counts or 'no change'})")
        for title, items in (("ids made for the source's ids or names", [
                f"{i['id']} <- {i['source']}" for i in self.ids if i["made"]]),
                ("who is who", self.decisions), ("left out or changed", self.notes)):
            if items:
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  {item}" for item in items)
        return "\n".join(lines) + "\n"
