"""A look-alike name is no second person: names are kept normalised (NFKC) and a name
holding an invisible character is refused, in the served room and the store alike (issue 23,
item 8; in the TUI: tui/test_dialogs.py)."""

import os

import pytest


from studytui.names import BadName
from studytui.room import NAME_TAKEN, Room
from studytui.store import open_store


def test_the_store_keeps_one_profile_for_look_alike_names(tmp_path):
    store = open_store(tmp_path)
    first = store.profile("李四12")
    assert store.profile("李四１２") == first  # full-width digits
    assert store.profile(" 李四12 ") == first
    assert store.profile("Jose\u0301") == store.profile("José")  # a decomposed accent
    assert store.profiles() == ["José", "李四12"]


@pytest.mark.parametrize("name", ["李\u200b四", "李四\u200f", "\u202e李四", "李\x1b四"])
def test_the_store_refuses_an_invisible_character(tmp_path, name):
    store = open_store(tmp_path)
    with pytest.raises(BadName, match="看不见的字符"):
        store.profile(name)
    assert store.profiles() == []


def test_a_name_kept_before_names_were_normalised_is_still_found(tmp_path):
    store = open_store(tmp_path)
    store.db.execute("INSERT INTO profiles(name, created) VALUES ('李四１２', '2024-01-01T00:00:00+00:00')")
    legacy = store.db.execute("SELECT id FROM profiles").fetchone()[0]
    assert store.profile("李四１２") == legacy


def test_the_room_refuses_a_look_alike_of_a_name_in_use(tmp_path):
    first, second = Room(tmp_path, "r", pid=os.getpid()), Room(tmp_path, "r", pid=os.getppid())
    assert second.claim("王一1") is None
    assert first.claim("王一１") == NAME_TAKEN
    assert second.claim("張三") is None and first.claim("张三") == NAME_TAKEN  # traditional beside simplified
    with pytest.raises(BadName):
        first.claim("王\u200b一1")


def test_a_participant_is_told_a_name_is_taken(tmp_path):
    from studytui.app import StudyApp

    Room(tmp_path, "local", pid=os.getppid()).claim("王一")
    app = StudyApp(data_dir=tmp_path, participant=True)
    app.store = open_store(tmp_path)
    assert app.use_profile("王一") == NAME_TAKEN
    assert "看不见的字符" in app.use_profile("王\u200b一")
    assert app.use_profile("王二") is None and app.profile_name == "王二"
