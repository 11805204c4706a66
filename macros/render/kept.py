"""Work kept between builds: a JSON file of {key: value} in `.cache/playbook/` (git-ignored).

    kept = KeptFile(path, valid=lambda value: …, limit=20_000)   # or KeptFile(None): nothing kept
    kept.get(key) -> value or None
    kept.put(key, value)
    kept.save()                                                  # atomically; only if changed

The QR codes (qr.py) and editors' rendered Markdown (markdown.py) cost time, and each depends
only on its input, which its key names (a hash of the input and of everything that shapes the
result). The file is read once and written once per build. It is a file on disk, so it is
trusted for nothing: `valid` decides, for each entry a build asks for, whether it may be
used, and a missing, stale, damaged or foreign file only means the work is done again.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class KeptFile:
    def __init__(self, path: Path | None, valid: Callable[[object], bool], limit: int):
        self.path = path
        self.limit = limit  # entries kept at most: past it, only this build's
        self._valid = valid
        self._entries = self._read()
        self._used: set[str] = set()  # asked for or made by this build (and so checked)
        self._changed = False

    def get(self, key: str) -> object | None:
        """The value kept for `key`, if there is one and `valid` accepts it. Checked when
        first asked for, not when read: a file of many builds holds entries this one never
        uses."""
        value = self._entries.get(key)
        if value is None or key in self._used:
            return value
        if not self._valid(value):
            del self._entries[key]
            return None
        self._used.add(key)
        return value

    def put(self, key: str, value: object) -> None:
        self._entries[key] = value
        self._used.add(key)
        self._changed = True

    def save(self) -> None:
        """Write what this build added, atomically. Earlier entries stay (`playbook
        validate`, `serve` and `build` do different work), unless there are more than
        `limit`: then only this build's. A file that cannot be written is skipped: a
        read-only checkout builds as well, only slower the next time."""
        if self.path is None or not self._changed:
            return
        kept = self._entries
        if len(kept) > self.limit:
            kept = {key: kept[key] for key in self._used}
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(dict(sorted(kept.items())), out, separators=(",", ":"))
            os.replace(temporary, self.path)
            self._changed = False
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _read(self) -> dict[str, object]:
        if self.path is None:
            return {}
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return stored if isinstance(stored, dict) else {}
