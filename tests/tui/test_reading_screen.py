"""通读原文 driven with Pilot: from home, part by part, practising the part on screen, and the
marks following the answers."""

import shutil
import time

from helpers import DATA, prepare, screen_name, settle, shown

from studytui.vocabulary import Strictness

LONGEST = DATA / "corpus" / "chenguoyang_jiaoyu_gongzuo.txt"


def status(app) -> str:
    return shown(app, "#reading-status")


def page(app) -> str:
    return "\n".join(str(part.text) for part in app.screen.query(".part"))


async def test_d_on_home_reads_the_speech_and_p_practises_the_part_on_screen(tmp_path, start):
    prepare(tmp_path, bank_id="qichu-qifali")
    async with start(banks=(), size=(80, 24)) as pilot:
        app = pilot.app
        assert "D  通读原文" in shown(app, "#modes")
        app.store.set_setting("strictness", Strictness.LENIENT)  # chosen with T on home
        await pilot.press("d")
        await settle(pilot)
        assert screen_name(app) == "ReadingScreen"
        assert "第 1/8 部分" in status(app)
        assert "两个维护○" in page(app)
        await pilot.press("right", "right")
        await pilot.pause()
        assert "第 3/8 部分：以脱贫攻坚为重点" in status(app)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        assert quiz.session.settings.sections == ("s2",)
        assert quiz.session.settings.strictness == Strictness.LENIENT
        assert {q.section for q in quiz.session.questions} == {"s2"}
        while quiz.session.current.type == "judge":  # a judge question asks no formulation
            quiz.session.submit(quiz.session.current.answer)
        question = quiz.session.current
        quiz.session.submit(question.answer)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert "第 3/8 部分" in status(app)
        part = app.screen.reading.parts[2]
        marks = [m for m in part.marks if question.id in m.questions]  # a list's items may be marked apart
        assert marks and all(mark.mastery.value == "已掌握" for mark in marks)
        assert f"✔ {len(marks)}" in str(app.screen.query(".part")[2].text)


async def test_scrolling_follows_the_part_on_screen(tmp_path, start):
    prepare(tmp_path, bank_id="qichu-qifali")
    async with start(banks=(), size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert "第 8/8 部分" in status(app)
        await pilot.press("home")
        await pilot.pause()
        assert "第 1/8 部分" in status(app)


async def test_a_bank_without_a_speech_shows_its_source_sentences(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("d")
        await pilot.pause()
        assert "没有附讲话原文" in shown(app, "#reading-legend")
        assert "· 紧盯“七个有之○”，严肃查处对党不忠诚不老实等问题。" in page(app)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.session.total == 3


async def test_the_longest_corpus_speech_opens_at_once(tmp_path, start):
    speech = tmp_path / "banks" / LONGEST.name
    speech.parent.mkdir()
    shutil.copy(LONGEST, speech)
    prepare(tmp_path, bank_id=speech.stem)
    async with start(banks=(), size=(80, 24)) as pilot:
        app = pilot.app
        assert app.screen.bank.id == speech.stem  # generated into a bank by the worker start() waited on
        started = time.perf_counter()
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.query(".part")
        assert time.perf_counter() - started < 1.5  # about as long as the stats screen takes
        await pilot.press("end")
        await pilot.pause()
        assert "部分" in status(app)
