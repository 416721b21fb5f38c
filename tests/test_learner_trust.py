"""Studying alone, issue 22: a grade a learner can trust (the result of an exam that ran out,
stray Enters, disputes, the score in view), the profile dialog, review counts, stats and footers.
Driven with Pilot, like test_study_alone."""

from textual.geometry import Region

from studytui.bankfile import loader
from studytui.app import StudyApp
from studytui.flows import study
from studytui.quiz import QuizSession, Settings
from helpers import THREE, prepare, run_out, settle, start_exam


def modes(app) -> str:
    return str(app.screen.query_one("#modes").render())


# -- item 9: review shows due and new apart ------------------------------------------------------


async def test_home_says_how_many_review_questions_are_due_and_new(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "智能复习（到期 0 · 新题 3）" in modes(app)
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions)
        for question in three.questions:
            session.submit(question.answer[0])
        app.screen.refresh_summary()
        await settle(pilot)
        assert "智能复习（到期 0 · 新题 0）" in modes(app)


# -- item 4: an exam that ran out is not "all right" ---------------------------------------------


async def test_an_exam_that_ran_out_half_answered_is_not_called_all_right(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot, "3 1")
        quiz = app.screen
        quiz.session.submit(quiz.session.current.answer[0])
        await quiz.show_question()
        run_out(quiz)
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultScreen"
        page = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert "全部正确" not in page
        assert "还有 2 题没有作答" in page


# -- item 8: the result opens on its score ---------------------------------------------------------


async def test_the_result_opens_on_its_score_at_80x24(tmp_path):
    from studytui.paths import shipped_banks_dir

    shipped = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")
    prepare(tmp_path, bank_id=shipped.id)
    app = StudyApp(data_dir=tmp_path, banks=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cloze = [q for q in shipped.questions if q.type == "cloze"]
        asked = cloze[:: len(cloze) // 6][:6]  # from all over the speech: a tall breakdown
        session = QuizSession.start(app.store, shipped, app.profile_id, Settings(mode="exam"), questions=asked)
        for index, question in enumerate(asked):
            session.submit(question.answer if index else "不知道")
        app.run_flow(study.show_result(app, session))
        await pilot.pause()
        await pilot.pause()
        page = app.screen.query_one("#result")
        score = app.screen.query_one("#result-score")
        assert "得分 5/6（83%）" in str(score.render())
        assert page.scroll_y == 0 and page.region.contains_region(score.region)


# -- item 5: a new name typed in the profile dialog is taken ------------------------------------


async def test_a_new_name_typed_straight_into_the_profile_dialog_is_taken(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"李四", "enter")
        await pilot.pause()
        assert app.profile_name == "李四"
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")  # Enter on the list still picks the name highlighted
        await pilot.pause()
        assert app.profile_name == "张三"


# -- item 6: a stray Enter on a multi or order question answers nothing -------------------------

PICKS = """\
title: 多选与排序
id: picks
questions:
  - id: m
    type: multi
    prompt: 下列哪些属于“三圈”？
    options: [朋友圈, 社交圈, 生活圈, 工作圈]
    answer: [朋友圈, 社交圈, 生活圈]
  - id: o
    type: order
    prompt: 排列：
    answer: [不敢腐, 不能腐, 不想腐]
"""


async def test_a_stray_enter_on_a_multi_or_order_question_asks_first(tmp_path):
    bank = tmp_path / "picks.yaml"
    bank.write_text(PICKS, encoding="utf-8")
    prepare(tmp_path / "data", bank_id="picks")
    app = StudyApp(data_dir=tmp_path / "data", banks=[bank])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        for answered in range(2):
            await pilot.press("enter")  # nothing picked or moved
            await pilot.pause()
            assert quiz.session.position == answered and quiz.last is None
            assert quiz.query(".empty-answer")
            await pilot.press("enter")  # asked once: the second Enter answers
            await pilot.pause()
            assert quiz.last is not None and quiz.last.verdict == "wrong"
            await pilot.press("enter")
            await pilot.pause()


# -- item 7: no dispute of a blank answer; disputes after an exam -------------------------------


async def test_a_blank_answer_cannot_be_disputed(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        await pilot.press("enter", "enter")  # asked once, then answered blank
        await pilot.pause()
        assert quiz.last is not None and quiz.last.verdict == "wrong"
        assert "我答对了" not in str(quiz.query_one("#next-hint").render())
        await pilot.press("o")
        await pilot.pause()
        assert not quiz.last.overridden


async def test_a_mistake_in_an_exam_can_be_disputed_on_its_result(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(mode="exam"), questions=three.questions)
        for typed in ("两个维护", "七个有之", "四种型态格式"):
            session.submit(typed)
        app.run_flow(study.show_result(app, session))
        await pilot.pause()
        result = app.screen
        assert "得分 2/3" in str(result.query_one("#result-score").render())
        await pilot.press("o")
        await pilot.pause()
        assert "得分 3/3（100%）" in str(result.query_one("#result-score").render())
        assert "已申诉" in str(result.query_one("#mistake-detail .verdict").render())
        assert app.store.session(session.session_id)["score"] == 3


# -- item 10: stats keep types and kinds apart and show the weakest questions whole ---------------


async def test_stats_keep_types_apart_from_kinds_and_show_the_weakest_questions_whole(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions)
        for typed in ("两个维护", "不知道", "不知道"):
            session.submit(typed)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert "填空" not in str(screen.query_one("#stats-kinds").render())
        assert "填空" in str(screen.query_one("#stats-types").render())
        weakest = screen.query_one("#stats-weakest")
        lines = [strip.text for strip in weakest.render_lines(weakest.region.reset_offset)]
        shown = "".join(line.strip() for line in lines)
        assert "精准运用“____”，对主动投案者依规依纪依法从宽处理。" in shown
        assert "q3" not in shown


# -- item 13 (part): key names in Chinese or as printed on the keys; help not cut at 80 columns --


def footer_keys(app) -> list[str]:
    return [key.key_display for key in app.screen.query_one("Footer").query("FooterKey")]


async def test_footers_name_keys_one_way(tmp_path):
    bank = tmp_path / "picks.yaml"
    bank.write_text(PICKS, encoding="utf-8")
    prepare(tmp_path / "data", bank_id="picks")
    app = StudyApp(data_dir=tmp_path / "data", banks=[bank])
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        shown = []
        for _ in range(2):
            shown += footer_keys(app)
            app.screen.session.submit([])
            await app.screen.show_question()
            await pilot.pause()
    assert {"Esc", "空格", "回车", "Shift+↑", "Shift+↓"} <= set(shown)
    assert not {"esc", "space", "⏎", "shift+↑"} & set(shown)


async def test_help_cells_are_not_cut_at_80_columns(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one("#help-text")
        lines = [strip.text for strip in text.render_lines(Region(0, 0, text.size.width, text.size.height))]
    page = "".join(line.strip() for line in lines)
    assert "…" not in page
    assert "通读原文：逐部分读讲话，题目问到的提法标出掌握情况" in page
