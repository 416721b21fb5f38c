"""Loose ends met as learners and instructors (issue 16), driven with Pilot: telling
banks apart, marked feedback for multi and list answers, line breaking, NO_COLOR, and
the section picker."""

import re

from studytui.bankfile import loader
from studytui.app import StudyApp
from studytui.paths import shipped_banks_dir
from helpers import THREE, prepare, settle

SPEECH = shipped_banks_dir() / "qichu-qifali.yaml"


# -- telling banks apart ------------------------------------------------------------------------


async def test_banks_with_one_title_show_their_file_names_on_home(tmp_path):
    copy = tmp_path / "three-copy.yaml"
    copy.write_text(THREE.read_text(encoding="utf-8").replace("id: three", "id: three-copy"), encoding="utf-8")
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE, copy])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        banks = app.screen.query_one("#banks")
        labels = [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]
    assert any("三道填空" in label and "three.yaml" in label for label in labels)
    assert any("三道填空" in label and "three-copy.yaml" in label for label in labels)
    assert not any("qichu-qifali.yaml" in label for label in labels)  # a title of its own needs no file name


async def test_the_banks_preview_scrolls_through_every_question(tmp_path):
    prepare(tmp_path, bank_id="qichu-qifali")
    app = StudyApp(data_dir=tmp_path, banks=[])
    speech = loader.load(SPEECH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        row = [e.bank.id if e.bank else "" for e in app.library.entries].index("qichu-qifali")
        table.move_cursor(row=row)
        await pilot.pause()
        preview = app.screen.query_one("#bank-preview")
        assert speech.questions[-1].id in str(app.screen.query_one("#bank-preview-text").render())
        await pilot.press("tab")
        await pilot.pause()
        assert preview.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert preview.scroll_y > 0 and preview.scroll_y == preview.max_scroll_y


async def test_a_long_source_is_cut_with_an_ellipsis(tmp_path):
    long = tmp_path / "long.yaml"
    long.write_text(
        THREE.read_text(encoding="utf-8").replace(
            "id: three", "id: long\nsource: sources/一篇题目特别特别长的讲话稿原文存档.txt"
        ),
        encoding="utf-8",
    )
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[long])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        row = [e.bank.id if e.bank else "" for e in app.library.entries].index("long")
        source = str(table.get_row_at(row)[-2])
    assert source.endswith("…") and source.startswith("一篇题目")


# -- feedback for multi and list answers, NO_COLOR --------------------------------------------------

EXAMPLE = loader.load(shipped_banks_dir() / "example.yaml")


def _feedback(question_id: str, response):
    from studytui.quiz import expected_text, grade_question, response_text
    from studytui.widgets.feedback import Feedback

    question = next(q for q in EXAMPLE.questions if q.id == question_id)
    grade = grade_question(question, response)
    return Feedback(grade, question, expected_text(question), response_text(question, response))


def _styled(text, style_word: str) -> list[str]:
    return [text.plain[s.start : s.end] for s in text.spans if style_word in str(s.style)]


def test_multi_feedback_marks_wrong_and_missing_picks():
    typed = _feedback("ex-multi", ["朋友圈", "工作圈"]).marked_typed()
    assert _styled(typed, "strike") == ["✘工作圈"]
    assert "漏选：社交圈、生活圈" in typed.plain and "✔朋友圈" in typed.plain


def test_list_feedback_marks_the_wrong_characters_of_an_item():
    typed = _feedback("ex-list", "审批监管、执法思法、工程建设").marked_typed()
    assert "思" in "".join(_styled(typed, "underline"))
    assert typed.plain.count("、") == 2


def test_a_wrong_character_is_marked_by_more_than_colour():
    from studytui.grading import grade
    from studytui.widgets.feedback import marked_answer

    for typed in ("两个维户", "八个维护", "两个个维护", "两维护"):
        marked = marked_answer(grade("两个维护", typed))
        marks = [s for s in marked.spans]
        assert marks and all({"underline", "strike"} & set(str(s.style).split()) or "［" in marked.plain for s in marks), typed


# -- the section picker ----------------------------------------------------------------------------


async def test_title_and_opening_questions_are_a_choice_of_their_own(tmp_path):
    prepare(tmp_path, bank_id="qichu-qifali")
    app = StudyApp(data_dir=tmp_path, banks=[])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen.query_one("#sections")
        assert "标题与开头" in str(picker.get_option_at_index(0).prompt)
        picker.deselect_all()
        await pilot.press("space")  # the first choice: the title and the opening remarks
        await pilot.press("enter")
        await pilot.pause()
        questions = app.screen.session.questions
    assert questions and all(q.section is None for q in questions)


async def test_unticking_every_section_says_one_is_needed(tmp_path):
    prepare(tmp_path, bank_id="qichu-qifali")
    app = StudyApp(data_dir=tmp_path, banks=[])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#sections").deselect_all()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SectionsDialog"
        assert "至少选择一项" in str(app.screen.query_one("#dialog-error").render())


# -- line breaking -----------------------------------------------------------------------------------


def test_a_blank_never_wraps_and_closing_marks_never_start_a_line():
    from rich.text import Text

    from studytui.widgets.wrap import break_text

    prompt = Text(
        "坚持____，始终保持深挖彻查的强大攻势，加大对重点个案的直查直办和指导督办力度，彻底斩断黑恶势力利益链、“关系网”。汇聚____的力量"
    )
    for width in range(12, 80):
        lines = break_text(prompt, width).plain.split("\n")
        assert "".join(lines) == prompt.plain
        assert all(not line.startswith(tuple("，。、”")) for line in lines[1:]), width
        assert all(run == "____" for line in lines for run in re.findall("_+", line)), width  # each blank whole


async def test_prompts_on_screen_follow_the_line_breaking_rules(tmp_path):
    from studytui.flows import study
    from studytui.quiz import QuizSession, Settings

    speech = loader.load(SPEECH)
    prepare(tmp_path, bank_id=speech.id)
    app = StudyApp(data_dir=tmp_path, banks=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        long = [q for q in speech.questions if q.type == "cloze" and len(q.prompt) > 60][:15]
        session = QuizSession.start(app.store, speech, app.profile_id, Settings(), questions=long)
        app.run_flow(study.run(app, session))
        await pilot.pause()
        quiz = app.screen
        for question in long[:-1]:
            await pilot.pause()
            card = quiz.query_one("#question")
            lines = [line.rstrip() for line in str(card.render()).split("\n")]
            assert all(not line.startswith(tuple("，。、")) for line in lines[1:]), question.id
            assert card.size.height == len(lines)
            quiz.session.submit(None)
            await quiz.show_question()
