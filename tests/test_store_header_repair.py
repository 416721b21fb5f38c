"""A database whose header (or the page holding its schema) is damaged still gives up
its rows: the header is repaired from what a SQLite header must be, the schema page
from what this store's schema is."""

import random
import shutil

import pytest
from helpers import answers_in, studied

from studytui.cli import main
from studytui.store import open_store

DAMAGE = {
    "junk at 0": (0, 256),
    "junk at 16": (16, 256),
    "four bytes at 44": (44, 4),
    "one byte at 56": (56, 1),
    "junk at 100": (100, 256),
}


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    data = tmp_path_factory.mktemp("orig")
    studied(data, 200)
    return data


def damaged_copy(original, tmp_path, offset, length):
    data = tmp_path / "d"
    shutil.copytree(original, data)
    db = data / "studytui.db"
    raw = bytearray(db.read_bytes())
    rng = random.Random(offset)
    raw[offset : offset + length] = bytes(rng.randrange(1, 256) for _ in range(length))
    db.write_bytes(raw)
    return data


@pytest.mark.parametrize("damage", DAMAGE)
def test_header_damage_salvages_every_answer(original, tmp_path, damage):
    data = damaged_copy(original, tmp_path, *DAMAGE[damage])
    told = []
    store = open_store(data, lambda path, moved, kept: told.append(kept))
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 200
    assert told in ([], [200])  # a byte SQLite does not read needs no salvage
    assert store.profiles() == ["张三"]
    store.close()


def test_a_text_encoding_that_is_not_utf8_is_repaired(original, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(original, data)
    db = data / "studytui.db"
    raw = bytearray(db.read_bytes())
    raw[56:60] = (2).to_bytes(4, "big")  # UTF-16le: every name reads as nonsense
    db.write_bytes(raw)
    assert answers_in(data) == 200 and list(data.glob("studytui.db.broken-*"))


def test_an_unsupported_file_format_is_set_aside_with_a_chinese_message(original, tmp_path, capsys):
    data = damaged_copy(original, tmp_path, *DAMAGE["four bytes at 44"])
    assert main(["--data-dir", str(data), "stats"]) == 0
    err = capsys.readouterr().err
    assert "救回 200 条" in err and "unsupported file format" not in err
