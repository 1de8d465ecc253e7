"""No hand-kept movement flags.

Whether a blip is new or has moved is derived from git by comparing the radar between
two editions (``radar diff``). A flag typed by hand drifts from the truth: in Zalando's
radar most releases carry several ``moved`` flags that contradict the actual change. So
keys such as ``isNew``, ``new`` or ``moved``, and statuses such as ``status: new``, are
rejected.

Fails:

```yaml
title: Polars
ring: adopt
isNew: true     # movements are derived from git; remove this key
status: moved   # the status is active or retired
```
"""

from __future__ import annotations

import re
from typing import Any

from radar_as_code.core.problem import Level, Problem
from radar_as_code.core.yamlread import YamlDoc

ID = "movement-flags"
LEVEL: Level = "error"
CONFIGURABLE = False

_KEY = re.compile(r"^(?:is[-_]?)?(?:new|moved?|movement|changed|updated|moved[-_]?(?:in|out))$",
                  re.IGNORECASE)
_STATUS = re.compile(r"^(?:new|moved?|moved[-_ ]?(?:in|out)|changed|updated|unchanged|"
                     r"no[-_ ]?change)$", re.IGNORECASE)
_WHY = "movements are derived from git by comparing editions (radar diff); remove"


def extract(data: dict[str, Any], doc: YamlDoc, path: str) -> tuple[dict[str, Any], list[Problem]]:
    """Take the movement flags out of ``data``; a problem for each."""
    problems = []
    clean = dict(data)
    for key in data:
        if _KEY.match(key):
            line, col = doc.position((key,), key=True)
            problems.append(Problem(path, line, col, ID, LEVEL, f"'{key}': {_WHY} this key"))
            del clean[key]
    status = data.get("status")
    if isinstance(status, str) and _STATUS.match(status):
        line, col = doc.position(("status",))
        problems.append(Problem(path, line, col, ID, LEVEL,
                                f"status '{status}': {_WHY} it (the status is active or "
                                "retired)"))
        del clean["status"]
    return clean, problems
