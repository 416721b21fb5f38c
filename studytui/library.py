"""The banks one user can study: discovered, loaded (speeches generated), looked up."""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import dataclass, replace
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studytui import __version__, paths
from studytui.constants import MAX_BYTES
from studytui.paths import leaves_its_folder

CACHE_FORMAT = 2
"""Raised when the checks a cached bank passed change (2: control characters refused),
so that no bank is read from a cache it would now fail."""

if TYPE_CHECKING:
    from studytui.bankfile.bank import Bank, Problem, Validation


@dataclass(frozen=True)
class Shelf:
    """The banks found on one reading: each with its problems, and the problems between them
    (two banks with one id)."""

    entries: list[Validation]
    problems: list[Problem]


class Library:
    def __init__(self, data: Path, extra: Sequence[str | Path] = ()):
        self.data = data
        self.extra = list(extra)
        self.entries: list[Validation] = []
        self.problems: list[Problem] = []

    def given(self, path: str | Path) -> bool:
        """Whether the bank at ``path`` was named on the command line (``--bank``: the file, or a
        folder that holds it)."""
        found = Path(path).resolve()
        return any(found == (named := Path(extra).resolve()) or named in found.parents for extra in self.extra)

    def load(self, progress: Callable[[int, int], None] | None = None) -> list[Validation]:
        """Read every bank found; a bank with problems is kept, with its problems.
        Problems between banks (two with one id) go to ``problems``."""
        shelf = self.read(progress)
        self.use(shelf)
        return shelf.entries

    def read(self, progress: Callable[[int, int], None] | None = None) -> Shelf:
        """Every bank found, read (a speech generated) without changing what the library holds:
        a worker thread reads, and the UI thread ``use``s what it read."""
        files = paths.discover_bank_files(self.data, self.extra)
        entries = []
        for done, file in enumerate(files, 1):
            entries.append(self._cached(file) or self._read(file))
            if progress is not None:
                progress(done, len(files))
        return _shelved(entries)

    def use(self, shelf: Shelf) -> None:
        """Hold the banks of ``shelf`` (read by ``read``)."""
        self.entries = shelf.entries
        self.problems = shelf.problems

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
        self.use(_shelved(entries))
        return True

    def _cache_file(self, file: Path) -> Path | None:
        key = _content_key(file)
        return paths.cache_dir(self.data) / "banks" / f"{key}.json" if key else None

    def _cached(self, file: Path) -> Validation | None:
        """The bank as it was last found valid, when the file's name and content are the
        same (reading YAML is what makes a large bank slow to load)."""
        from studytui.bankfile.bank import Validation, from_data

        cached = self._cache_file(file)
        try:
            return Validation(str(file), from_data(json.loads(cached.read_text(encoding="utf-8")), file)) if cached else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _read(self, file: Path) -> Validation:
        """A bank read anew (a speech generated), cached when it is valid."""
        from studytui.bankfile.bank import to_data
        from studytui.bankfile.loader import open_bank, write_cache

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


def _shelved(entries: list[Validation]) -> Shelf:
    """The banks read, the problems between them, and each bank whose id an earlier one has given its own."""
    problems = duplicate_ids(entries)
    _separate_records(entries)
    return Shelf(entries, problems)


def _content_key(file: Path) -> str | None:
    """A hash of what the bank read from ``file`` depends on: its name (the default id)
    and its bytes; None when the file cannot be read or is too large to be a bank."""
    try:
        info = file.stat()
        if leaves_its_folder(file) or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with file.open("rb") as opened:
            content = opened.read(MAX_BYTES + 1)
    except OSError:
        return None
    digest = hashlib.sha1(f"{file.name}|{__version__}|{CACHE_FORMAT}|".encode())
    digest.update(content)
    return digest.hexdigest()


def _clashes(entries: Sequence[Validation]) -> list[tuple[Validation, Bank, str]]:
    """Every bank whose id an earlier bank already has (its entry, the bank), with that earlier bank's file."""
    first: dict[str, str] = {}
    found = []
    for entry in entries:
        if entry.bank is None:
            continue
        other = first.setdefault(entry.bank.id, entry.path)
        if other != entry.path:
            found.append((entry, entry.bank, other))
    return found


def record_key(bank_id: str, path: str) -> str:
    """The id a clashing bank's records are kept under: its id and a mark of its file,
    the same on every start while the file stays where it is."""
    return f"{bank_id}~{hashlib.sha1(path.encode()).hexdigest()[:6]}"


def duplicate_ids(entries: Sequence[Validation]) -> list[Problem]:
    """A problem for every bank whose id an earlier bank already has, naming both files."""
    from studytui.bankfile.bank import Problem

    return [
        Problem(
            entry.path,
            1,
            f"题库 id“{bank.id}”与 {other} 相同：这个题库的成绩另记在“"
            f"{record_key(bank.id, entry.path)}”下，请给其中一个写上不同的 id",
        )
        for entry, bank, other in _clashes(entries)
    ]


def _separate_records(entries: Sequence[Validation]) -> None:
    """Give each bank whose id an earlier bank has its own record key as its id, so its
    answers, mistakes, reviews and sessions never mix with the other bank's; the first
    bank keeps its id, and with it the records made before the clash."""
    for entry, bank, _ in _clashes(entries):
        entry.bank = replace(bank, id=record_key(bank.id, entry.path))


def generated_bank_path(data: Path, speech: Path) -> Path:
    """Where a bank generated from ``speech`` is kept: the data folder's ``banks/``."""
    return paths.user_banks_dir(data) / f"{speech.stem}.yaml"


def generate_into_library(data: Path, speech: Path, progress: Callable[[int, int], None] | None = None) -> tuple[Path, int]:
    """Generate a bank from ``speech`` into the data folder's ``banks/`` (the TUI's G and
    ``studytui generate`` share the generator; this writes where the library looks):
    the file written and its number of questions. Raises ``CannotGenerate`` with the reason
    when the speech cannot be read, gives nothing to ask or the file cannot be written."""
    import os

    from studytui.bankfile import bank
    from studytui.bankfile.loader import read_text
    from studytui.generator.questions import GenerationError, generate

    target = generated_bank_path(data, speech)
    text, problems = read_text(speech)
    if text is None:
        raise CannotGenerate(problems[0].message)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = os.path.relpath(speech.resolve(), target.parent.resolve())
        result = generate(text, bank_id=speech.stem, source=source, progress=progress)
        target.write_text(bank.dump(result.bank), encoding="utf-8")
    except (GenerationError, OSError) as exc:
        raise CannotGenerate(str(exc)) from exc
    return target, len(result.bank.questions)


class CannotGenerate(Exception):
    """A bank could not be generated into the library; the message says why, in Chinese when the generator's."""
