"""Files are readable radar files.

Each blip or decision record is a regular UTF-8 text file (a BOM, CRLF line endings and
a missing final newline are fine), not empty, without NUL bytes, and at most 512 KiB.
Symbolic links are never followed: a link could publish a file from anywhere on the
machine that builds the site.

Fails:

```text
radar/logo.md    -> binary content (a NUL byte)
radar/notes.md   -> saved as Latin-1 (not valid UTF-8)
radar/passwd.md  -> a symbolic link to /etc/passwd
```
"""

from radar_as_code.core.problem import Level
from radar_as_code.core.textfile import RULE as ID

LEVEL: Level = "error"
CONFIGURABLE = False
__all__ = ["ID", "LEVEL"]
