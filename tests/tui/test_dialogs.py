"""Dialogs, driven with Pilot: every one can be left (Ctrl+Q, Esc), the profile dialog (a new
name, a refused name, only people who study here), and the section picker."""

import pytest
from helpers import prepare, screen_name, settle, shown
from textual.screen import ModalScreen
from textual.widgets import Input

from studytui.paths import shipped_banks_dir
from studytui.store import open_store

SHIPPED = sorted(shipped_banks_dir().glob("*.yaml"))


# -- ways out --------------------------------------------------------------------------------------


async def _first_run(pilot):
    pass


async def _profile(pilot):
    await pilot.press("f")
    await settle(pilot)  # the names read by a worker, then the dialog


async def _sections(pilot):
    await pilot.press("p")


async def _exam_size(pilot):
    await pilot.press("e")


async def _leave(pilot):
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")


async def _help(pilot):
    await pilot.press("question_mark")


@pytest.mark.parametrize("opening", [_first_run, _profile, _sections, _exam_size, _leave, _help])
async def test_ctrl_q_quits_from_every_dialog(tmp_path, start, opening):
    if opening is not _first_run:
        prepare(tmp_path, bank_id="")
    async with start(banks=SHIPPED) as pilot:
        await opening(pilot)
        await pilot.pause()
        assert isinstance(pilot.app.screen, ModalScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert pilot.app.return_code == 0


async def test_escape_in_the_first_run_dialog_leaves_the_app(start):
    async with start() as pilot:
        assert screen_name(pilot.app) == "ProfileDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.return_code == 0


# -- who is studying --------------------------------------------------------------------------------


async def test_a_new_name_typed_straight_into_the_profile_dialog_is_taken(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"李四", "enter")
        await pilot.pause()
        assert pilot.app.profile_name == "李四"
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("enter")  # Enter on the list still picks the name highlighted
        await pilot.pause()
        assert pilot.app.profile_name == "张三"


async def test_the_tui_says_why_a_name_is_refused(start):
    async with start() as pilot:
        app = pilot.app
        app.screen.query_one("#new-profile", Input).value = "李\u200b四"
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile_id is None
        assert any("看不见的字符（U+200B）" in n.message for n in app._notifications)
        app.screen.query_one("#new-profile", Input).value = "李四"
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile_name == "李四"


async def test_switching_person_lists_only_people_who_study_here(tmp_path, start):
    store = open_store(tmp_path)
    store.set_setting("profile", "张三")
    store.start_session(store.profile("张三"), "three", "h", "practice", {})
    store.start_session(store.profile("红队"), "three", "h", "contest", {}, group_id="CT-1")
    store.close()
    async with start() as pilot:
        await pilot.press("f")
        await settle(pilot)
        assert screen_name(pilot.app) == "ProfileDialog" and pilot.app.screen.profiles == ["张三"]


# -- the section picker -------------------------------------------------------------------------------


OPENING_AND_PARTS = """\
title: 开头与两部分
id: parts
sections:
  - {id: s1, title: 践行“两个维护”}
  - {id: s2, title: 一体推进不敢腐不能腐不想腐}
questions:
  - {id: s0-001, type: cloze, prompt: 2020年是“____”规划收官之年。, answer: 十三五}
  - {id: s1-001, type: cloze, section: s1, prompt: 要坚持“____”。, answer: 两个维护}
  - {id: s2-001, type: cloze, section: s2, prompt: 一体推进不敢腐不能腐____。, answer: 不想腐}
"""


async def test_title_and_opening_questions_are_a_choice_of_their_own(tmp_path, start):
    bank = tmp_path / "parts.yaml"
    bank.write_text(OPENING_AND_PARTS, encoding="utf-8")
    prepare(tmp_path, bank_id="parts")
    async with start(banks=(bank,)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        picker = pilot.app.screen.query_one("#sections")
        assert "标题与开头" in str(picker.get_option_at_index(0).prompt)
        picker.deselect_all()
        await pilot.press("space")  # the first choice: the title and the opening remarks
        await pilot.press("enter")
        await pilot.pause()
        questions = pilot.app.screen.session.questions
    assert questions and all(q.section is None for q in questions)


async def test_unticking_every_section_says_one_is_needed(tmp_path, start):
    prepare(tmp_path, bank_id="qichu-qifali")
    async with start(banks=()) as pilot:
        await pilot.press("p")
        await pilot.pause()
        pilot.app.screen.query_one("#sections").deselect_all()
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(pilot.app) == "SectionsDialog"
        assert "至少选择一项" in shown(pilot.app, "#dialog-error")
