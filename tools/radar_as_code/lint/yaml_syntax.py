"""Front matter is plain, safe, unambiguous YAML.

Besides syntax errors, these are rejected because they are unsafe or read differently
by different tools: duplicate keys (which value wins depends on the reader), anchors
and aliases (alias bombs), tags such as ``!!python/object``, complex keys, nesting
deeper than 16 levels, numbers over 30 digits, several documents, and plain values that
YAML 1.1 and YAML 1.2 read differently (``no``, ``on``, ``0777``, ``1:30``): quote them.

Fails:

```yaml
ring: no                      # a boolean to YAML 1.1, a string to YAML 1.2
tags: &t [llm]
related: *t                   # aliases are not allowed
title: !!python/object:os.system x
title: Polars                 # duplicate key
```
"""

from radar_as_code.core.problem import Level
from radar_as_code.core.yamlread import RULE as ID

LEVEL: Level = "error"
CONFIGURABLE = False
__all__ = ["ID", "LEVEL"]
