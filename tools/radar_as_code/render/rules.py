"""The rules page, generated from the rule modules' docstrings."""

from __future__ import annotations

import inspect

from radar_as_code.lint import REGISTRY, configurable


def rules_page() -> str:
    out = ["# Lint rules", "",
           "`radar check` applies these rules, in pre-commit and in CI. Each problem names",
           "its file, line, column and rule. The level of a rule that can be changed is set",
           "under `rules:` in `radar/radar.yml` (`error`, `warning` or `disable`).", "",
           "| rule | default level | can be changed | checks |", "| --- | --- | --- | --- |"]
    for rule, module in REGISTRY.items():
        doc = inspect.getdoc(module) or ""
        first = doc.split("\n", 1)[0]
        level = getattr(module, "SHOWN_LEVEL", module.LEVEL)  # "off", "error in CI"...
        out.append(f"| [`{rule}`](#{rule}) | {level} | "
                   f"{'yes' if configurable(rule) else 'no'} | {first} |")
    for rule, module in REGISTRY.items():
        doc = inspect.getdoc(module) or ""
        first, _, rest = doc.partition("\n")
        out += ["", f"## {rule}", "", f"**{first.strip()}**", "", rest.strip()]
    return "\n".join(out) + "\n"
