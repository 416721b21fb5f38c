"""A salvage keeps who answered: a lost profiles page does not turn people into stand-ins."""

import sqlite3

from helpers import studied

from studytui.store import open_store


def zero_the_page_of(data, table):
    db = data / "studytui.db"
    con = sqlite3.connect(db)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    raw = bytearray(db.read_bytes())
    raw[(root - 1) * size : root * size] = bytes(size)
    db.write_bytes(raw)


def test_zeroing_the_profiles_page_keeps_every_name(tmp_path):
    studied(tmp_path, 30, "李四")
    zero_the_page_of(tmp_path, "profiles")
    told = []
    store = open_store(tmp_path, lambda *args: told.append(args))
    assert store.profiles() == ["李四"]
    assert store.setting("profile") == "李四"
    assert (
        store.db.execute(
            "SELECT count(*) FROM answers a JOIN profiles p ON p.id = a.profile_id WHERE p.name = '李四'"
        ).fetchone()[0]
        == 30
    )
    assert told and told[0][2] == 30


def test_names_that_could_not_be_saved_are_said(tmp_path):
    studied(tmp_path, 30, "李四")
    con = sqlite3.connect(tmp_path / "studytui.db")
    con.execute("DELETE FROM settings WHERE key LIKE 'name:%'")  # as in a store from before names were kept twice
    con.commit()
    con.close()
    zero_the_page_of(tmp_path, "profiles")
    told = []
    open_store(tmp_path, lambda *args: told.append(args))
    assert told[0][3] == 1  # one person's name could not be recovered
