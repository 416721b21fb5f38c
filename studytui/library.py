"""The banks one user can study: discovered, loaded (speeches generated), looked up."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studytui import __version__, paths

if TYPE_CHECKING:
    from studytui.bank import Bank, Validation


class Library:
    def __init__(self, data: Path, extra: Sequence[str | Path] = ()):
        self.data = data
        self.extra = list(extra)
        self.entries: list[Validation] = []

    def load(self, progress: Callable[[int, int], None] | None = None) -> list[Validation]:
        """Read every bank found; a bank with problems is kept, with its problems."""
        files = paths.discover_bank_files(self.data, self.extra)
        entries = []
        for done, file in enumerate(files, 1):
            entries.append(self._read(file))
            if progress is not None:
                progress(done, len(files))
        self.entries = entries
        return entries

    def _read(self, file: Path) -> Validation:
        """A bank, from the JSON cache when the file has not changed since it was
        last found valid (reading YAML is what makes a large bank slow to load)."""
        from studytui.bank import Validation, from_data, to_data
        from studytui.loader import open_bank

        try:
            stat = file.stat()
        except OSError:
            return open_bank(file)
        key = hashlib.sha1(f"{file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{__version__}".encode()).hexdigest()
        cached = paths.cache_dir(self.data) / "banks" / f"{key}.json"
        try:
            return Validation(str(file), from_data(json.loads(cached.read_text(encoding="utf-8")), file))
        except (OSError, ValueError, KeyError, TypeError):
            pass
        entry = open_bank(file, paths.cache_dir(self.data))
        if entry.bank is not None and not entry.problems:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(to_data(entry.bank), ensure_ascii=False), encoding="utf-8")
            except OSError:  # a read-only data folder: no cache, nothing else lost
                pass
        return entry

    @property
    def banks(self) -> list[Bank]:
        return [entry.bank for entry in self.entries if entry.bank is not None]

    def find(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)
