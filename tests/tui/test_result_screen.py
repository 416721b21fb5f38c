"""The result screen, driven with Pilot: it opens on its score, every mistake can be reached,
retrying the mistakes, and disputes after an exam."""

from helpers import THREE, prepare, screen_name, shown

from studytui.bankfile import loader
from studytui.flows import study
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings
from studytui.vocabulary import Mode
from studytui.widgets.bars import bar_lines


async def three_wrong_answers(pilot) -> None:
    """Practice on the bank three, every answer wrong: the result screen shows."""
    await pilot.press("p")
    for _ in range(3):
        await pilot.pause()
        await pilot.press(*"不知道", "enter")
        await pilot.pause()
        await pilot.press("enter")
    await pilot.pause()


async def test_the_result_opens_on_its_score_at_80x24(tmp_path, start):
    shipped = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")
    prepare(tmp_path, bank_id=shipped.id)
    async with start(banks=(), size=(80, 24)) as pilot:
        app = pilot.app
        cloze = [q for q in shipped.questions if q.type == "cloze"]
        asked = cloze[:: len(cloze) // 6][:6]  # from all over the speech: a tall breakdown
        session = QuizSession.start(app.store, shipped, app.profile_id, Settings(mode=Mode.EXAM), questions=asked)
        for index, question in enumerate(asked):
            session.submit(question.answer if index else "不知道")
        app.run_flow(study.show_result(app, session))
        await pilot.pause()
        await pilot.pause()
        page = app.screen.query_one("#result")
        score = app.screen.query_one("#result-score")
        assert "得分 5/6（83%）" in str(score.render())
        assert page.scroll_y == 0 and page.region.contains_region(score.region)


async def test_every_mistake_on_the_result_screen_can_be_reached_at_80x24(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await three_wrong_answers(pilot)
        assert screen_name(app) == "ResultScreen"
        page = app.screen.query_one("#result")
        for step in range(3):
            if step:
                await pilot.press("down")
            await pilot.pause()
            await pilot.pause()
            right = app.screen.query_one("#mistake-detail .right")
            assert page.region.contains_region(right.region), step


async def test_accuracy_bars_never_wrap_at_80_columns(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await three_wrong_answers(pilot)
        breakdown = app.screen.query_one(".breakdown")
        breakdown.update(
            bar_lines("各部分得分率", {"关于深化标本兼治一体推进不敢腐不能腐不想腐的部分": (1234, 0.75), "一": (3, 1.0)})
        )
        await pilot.pause()
        assert breakdown.size.height == 3


async def test_retry_the_mistakes(pilot):
    await three_wrong_answers(pilot)
    await pilot.press("r")
    await pilot.pause()
    assert screen_name(pilot.app) == "QuizScreen" and pilot.app.screen.session.total == 3


async def test_a_mistake_in_an_exam_can_be_disputed_on_its_result(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(mode=Mode.EXAM), questions=three.questions)
        for typed in ("两个维护", "七个有之", "四种型态格式"):
            session.submit(typed)
        app.run_flow(study.show_result(app, session))
        await pilot.pause()
        result = app.screen
        assert "得分 2/3" in shown(app, "#result-score") and "67%" in shown(app, "#by-section")
        await pilot.press("o")
        await pilot.pause()
        assert "得分 3/3（100%）" in shown(app, "#result-score")
        assert "67%" not in shown(app, "#by-section") + shown(app, "#by-kind")  # the bars follow the score
        assert "已申诉" in str(result.query_one("#mistake-detail .verdict").render())
        assert app.store.session(session.session_id).score == 3
