"""The banks one user can study: discovered, loaded (speeches generated), looked up."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studytui import __version__, paths
from studytui.constants import MAX_BYTES

if TYPE_CHECKING:
    from studytui.bank import Bank, Problem, Validation


class Library:
    def __init__(self, data: Path, extra: Sequence[str | Path] = ()):
        self.data = data
        self.extra = list(extra)
        self.entries: list[Validation] = []
        self.problems: list[Problem] = []

    def load(self, progress: Callable[[int, int], None] | None = None) -> list[Validation]:
        """Read every bank found; a bank with problems is kept, with its problems.
        Problems between banks (two with one id) go to ``problems``."""
        files = paths.discover_bank_files(self.data, self.extra)
        entries = []
        for done, file in enumerate(files, 1):
            entries.append(self._cached(file) or self._read(file))
            if progress is not None:
                progress(done, len(files))
        self._found(entries)
        return entries

    def load_cached(self) -> bool:
        """Read every bank found from the cache, when each one is there: a start that
        can show the banks at once (no YAML read, nothing generated). False, and
        nothing loaded, when any bank must be read anew."""
        entries = []
        for file in paths.discover_bank_files(self.data, self.extra):
            entry = self._cached(file)
            if entry is None:
                return False
            entries.append(entry)
        self._found(entries)
        return True

    def _found(self, entries: list[Validation]) -> None:
        self.entries = entries
        self.problems = duplicate_ids(entries)

    def _cache_file(self, file: Path) -> Path | None:
        key = _content_key(file)
        return paths.cache_dir(self.data) / "banks" / f"{key}.json" if key else None

    def _cached(self, file: Path) -> Validation | None:
        """The bank as it was last found valid, when the file's name and content are the
        same (reading YAML is what makes a large bank slow to load)."""
        from studytui.bank import Validation, from_data

        cached = self._cache_file(file)
        try:
            return Validation(str(file), from_data(json.loads(cached.read_text(encoding="utf-8")), file)) if cached else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _read(self, file: Path) -> Validation:
        """A bank read anew (a speech generated), cached when it is valid."""
        from studytui.bank import to_data
        from studytui.loader import open_bank, write_cache

        entry = open_bank(file, paths.cache_dir(self.data))
        cached = self._cache_file(file)
        if cached and entry.bank is not None and not entry.problems:
            write_cache(cached, json.dumps(to_data(entry.bank), ensure_ascii=False))
        return entry

    @property
    def banks(self) -> list[Bank]:
        return [entry.bank for entry in self.entries if entry.bank is not None]

    def find(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)


def _content_key(file: Path) -> str | None:
    """A hash of what the bank read from ``file`` depends on: its name (the default id)
    and its bytes; None when the file cannot be read or is too large to be a bank."""
    try:
        if file.stat().st_size > MAX_BYTES:
            return None
        content = file.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha1(f"{file.name}|{__version__}|".encode())
    digest.update(content)
    return digest.hexdigest()


def duplicate_ids(entries: Sequence[Validation]) -> list[Problem]:
    """A problem for every bank whose id an earlier bank already has, naming both files:
    answers are recorded by bank id, so the two would be taken for one bank."""
    from studytui.bank import Problem

    first: dict[str, str] = {}
    problems = []
    for entry in entries:
        if entry.bank is None:
            continue
        other = first.setdefault(entry.bank.id, entry.path)
        if other != entry.path:
            problems.append(Problem(
                entry.path, 1,
                f"题库 id“{entry.bank.id}”与 {other} 相同：两个题库的成绩会混在一起，请给其中一个写上不同的 id",
            ))
    return problems
