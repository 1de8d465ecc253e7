"""Every blip and decision record starts with YAML front matter.

The first line is ``---``, then the fields as a YAML mapping, then a closing ``---``
(or ``...``). The body follows.

Fails:

```markdown
title: Polars        <- no opening '---'
```

```markdown
---
title: Polars
quadrant: data       <- never closed
```

```markdown
---
- title              <- a list, not a mapping
---
```
"""

from radar_as_code.core.frontmatter import RULE as ID
from radar_as_code.core.problem import Level

LEVEL: Level = "error"
CONFIGURABLE = False
__all__ = ["ID", "LEVEL"]
