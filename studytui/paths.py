"""Where studytui keeps its data and finds its question banks.

The data folder is, in order: ``--data-dir``, ``$STUDYTUI_DATA_DIR``, the platform's
user data folder (platformdirs). Banks come from the shipped ``question_banks``
package, the data folder's ``banks/`` and every ``--bank`` path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

ENV_DATA_DIR = "STUDYTUI_DATA_DIR"
BANK_SUFFIXES = (".yaml", ".yml", ".txt")  # a .txt is a speech, generated into a bank on load


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if missing."""
    if override:
        path = Path(override)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("studytui", appauthor=False))
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_banks_dir(data: Path) -> Path:
    return data / "banks"


def cache_dir(data: Path) -> Path:
    """Banks generated from speech files, by content hash."""
    return data / "cache"


def shipped_banks_dir() -> Path:
    import importlib

    banks = importlib.import_module("studytui.question_banks")  # a package only to be installed; the folder is what counts
    return Path(str(banks.__file__)).parent


def _bank_files_in(folder: Path) -> list[Path]:
    """Every bank file in ``folder``, and every link, FIFO or device named like one: loading
    says why those are not read, rather than leaving them out without a word."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES and not p.is_dir())


def leaves_its_folder(path: Path) -> bool:
    """A link to nothing, or to a file outside the folder the link is in: it is not followed
    (a link in ``banks/`` must not make studytui read a system file)."""
    if not path.is_symlink():
        return False
    target = path.resolve()
    return not target.exists() or not target.is_relative_to(path.parent.resolve())


def discover_bank_files(data: Path | None, extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Every bank file: shipped, then the user's, then each ``--bank`` path (file or folder).

    A ``--bank`` path that does not exist is returned as is, so that loading it
    reports the problem instead of silently ignoring it.
    """
    folders = [shipped_banks_dir()]
    if data is not None:
        folders.append(user_banks_dir(data))
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found.extend(_bank_files_in(folder))
    for item in extra:
        path = Path(item)
        found.extend(_bank_files_in(path) if path.is_dir() else [path])
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.absolute() if leaves_its_folder(path) else path.resolve(), None)
    return list(unique)
