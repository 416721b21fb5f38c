"""The banks one user can study: discovered, loaded (speeches generated), looked up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from studytui import paths
from studytui.bank import Bank, Validation, open_bank


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
            entries.append(open_bank(file, paths.cache_dir(self.data)))
            if progress is not None:
                progress(done, len(files))
        self.entries = entries
        return entries

    @property
    def banks(self) -> list[Bank]:
        return [entry.bank for entry in self.entries if entry.bank is not None]

    def find(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)
