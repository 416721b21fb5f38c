"""jieba's prefix dictionary, read a slot at a time.

jieba reads its whole prefix dictionary (half a million words and their prefixes) before it
cuts a word: most of a second, more than the rest of generating a bank. A text looks up only
the words that begin with one of its own pairs of characters, so the dictionary is kept in a
file of slots by a word's first two characters, built once from jieba's ``dict.txt`` (as
jieba builds its own cache), and a slot is read the first time a text holds one of its pairs.
Words are cut exactly as jieba cuts them with its whole dictionary.
"""

from __future__ import annotations

import marshal
import os
import struct
import tempfile
from array import array
from pathlib import Path

import jieba

SLOTS = 1 << 18
_MAGIC = b"studytui jieba prefixes 1\n"
_HEADER = struct.Struct("<QQQ")  # dict.txt's size and mtime (ns), the frequencies' total


def _slot(pair: str) -> int:
    return (ord(pair[0]) * 40503 + ord(pair[1])) % SLOTS


class Prefixes:
    """A built file: single characters (always read) and slots of longer words and prefixes."""

    def __init__(self, blob: bytes) -> None:
        if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + _HEADER.size + 4 * (SLOTS + 2):
            raise ValueError("not a prefix file")
        self.source_size, self.source_mtime, self.total = _HEADER.unpack_from(blob, len(_MAGIC))
        start = len(_MAGIC) + _HEADER.size
        self._offsets = array("I", blob[start : start + 4 * (SLOTS + 2)])
        self._data = memoryview(blob)[start + 4 * (SLOTS + 2) :]
        if self._offsets[-1] != len(self._data):
            raise ValueError("truncated prefix file")

    def singles(self) -> dict[str, int]:
        return self._read(SLOTS)

    def slot(self, index: int) -> dict[str, int]:
        return self._read(index)

    def _read(self, index: int) -> dict[str, int]:
        slot: dict[str, int] = marshal.loads(self._data[self._offsets[index] : self._offsets[index + 1]])
        return slot


def build(dictionary: Path) -> bytes:
    """The prefix file of jieba's ``dictionary`` (its word list, one ``word freq [tag]`` a line)."""
    with dictionary.open("rb") as lines:
        frequencies, total = jieba.Tokenizer.gen_pfdict(lines)
    slots: list[dict[str, int]] = [{} for _ in range(SLOTS + 1)]  # the last holds single characters
    for word, frequency in frequencies.items():
        slots[_slot(word) if len(word) > 1 else SLOTS][word] = frequency
    blobs = [marshal.dumps(slot) for slot in slots]
    offsets = array("I", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    stat = dictionary.stat()
    return b"".join([_MAGIC, _HEADER.pack(stat.st_size, stat.st_mtime_ns, total), offsets.tobytes(), *blobs])


def load(dictionary: Path, cache: Path) -> Prefixes:
    """The prefixes of ``dictionary``, from ``cache`` when it was built from this very file;
    else built and written there (atomically: two processes may build at once). A cache that
    cannot be written only costs the next process the build again."""
    try:
        prefixes = Prefixes(cache.read_bytes())
        stat = dictionary.stat()
        if (prefixes.source_size, prefixes.source_mtime) == (stat.st_size, stat.st_mtime_ns):
            return prefixes
    except (OSError, ValueError):
        pass
    blob = build(dictionary)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, prefix=cache.name)
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, cache)
    except OSError:
        pass
    return Prefixes(blob)


class SlottedTokenizer(jieba.Tokenizer):  # type: ignore[misc]  # jieba has no types
    """jieba's tokenizer on ``Prefixes``: before it looks a text's words up (or adds a word),
    the slots of the text's pairs of characters are read into its dictionary."""

    def __init__(self, prefixes: Prefixes) -> None:
        super().__init__()
        self.FREQ = prefixes.singles()
        self.total = prefixes.total
        self.initialized = True
        self._prefixes = prefixes
        self._pairs: set[str] = set()
        self._slots: set[int] = set()

    def read_slots(self, text: str) -> None:
        """Read the slots of ``text``'s pairs not read yet. A pair is marked only once its
        slot is in the dictionary, so a thread that finds it marked may look its words up."""
        pairs = {text[i : i + 2] for i in range(len(text) - 1)} - self._pairs
        if pairs:
            with self.lock:
                for index in {_slot(pair) for pair in pairs} - self._slots:
                    self.FREQ.update(self._prefixes.slot(index))
                    self._slots.add(index)
                self._pairs |= pairs

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 (jieba's name)
        self.read_slots(sentence)
        dag: dict[int, list[int]] = super().get_DAG(sentence)
        return dag

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        self.read_slots(word)
        super().add_word(word, freq, tag)
