"""Review (审题): decisions written into the bank file with only the reviewed lines
changed and every comment kept, the bank's validation on every edit, a backup and a write
that never leaves half a file; the new keys in the validator and the loader; the review's
order; and the screen as an instructor drives it from the banks screen."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from studytui.app import StudyApp
from studytui.bankfile import loader, review
from studytui.bankfile.review import BankReview, Change, ReviewError
from studytui.bankfile.review_queue import ReviewQueue, change_from_fields, edit_fields, marked_source
from studytui.cli import main
from studytui.paths import shipped_banks_dir
from studytui.screens.banks import BanksScreen
from studytui.quiz.hashing import bank_hash
from helpers import prepare, settle

EXAMPLE = shipped_banks_dir() / "example.yaml"


@pytest.fixture
def bank(tmp_path) -> Path:
    """A copy of the annotated example bank: comments on every line, block lists, flow lists."""
    path = tmp_path / "example.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and the lines added."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_keep_adds_one_line_after_the_id(bank):
    before = bank.read_text(encoding="utf-8")
    assert BankReview(bank).keep("ex-choice") == []
    removed, added = changes(before, bank.read_text(encoding="utf-8"))
    assert (removed, added) == ([], ["    reviewed: true"])
    after = bank.read_text(encoding="utf-8").splitlines()
    assert after[after.index("  - id: ex-choice") + 1] == "    reviewed: true"
    assert loader.validate(bank).ok


@pytest.mark.parametrize("index", range(7))
def test_discard_removes_exactly_the_question_and_keeps_every_comment_around_it(bank, index):
    before = bank.read_text(encoding="utf-8")
    reviewing = BankReview(bank)
    question = reviewing.questions[index].id
    assert reviewing.discard(question) == []
    after = bank.read_text(encoding="utf-8")
    removed, added = changes(before, after)
    assert added == []
    assert removed[0].strip().startswith(f"- id: {question}")
    assert all(not line.lstrip().startswith("#") for line in removed)  # its own end-of-line comments only
    assert comments(after) == comments(before)  # every comment line stays
    assert [q.id for q in loader.load(bank).questions] == [q.id for q in reviewing.questions]
    assert question not in [q.id for q in reviewing.questions]


def test_an_invalid_edit_says_why_in_chinese_and_is_not_saved(bank):
    before = bank.read_text(encoding="utf-8")
    reviewing = BankReview(bank)
    choice = next(q for q in reviewing.questions if q.id == "ex-choice")
    problems = reviewing.edit("ex-choice", Change(choice.prompt, "九个有之", options=choice.options))
    assert problems == ["答案“九个有之”不在 options 中"]
    cloze = reviewing.questions[0]
    assert reviewing.edit(cloze.id, Change("没有空的题干", cloze.answer, cloze.accept)) == [
        "填空题的题干中没有空：用四个或更多下划线 ____ 表示"
    ]
    assert bank.read_text(encoding="utf-8") == before
    assert not review.backup_path(bank).exists()
    assert reviewing.reviewed_count() == 0


def test_an_edit_is_written_back_in_the_files_own_style_and_marks_it_reviewed(bank):
    before = bank.read_text(encoding="utf-8")
    reviewing = BankReview(bank)
    fields = edit_fields(reviewing.questions[0])
    assert fields == {
        "prompt": "一要践行“____”，推动政治监督具体化常态化",
        "answer": "两个维护",
        "accept": "坚决做到两个维护",
    }
    change = change_from_fields(reviewing.questions[0], {**fields, "accept": "坚决做到两个维护 | 做到两个维护"})
    assert reviewing.edit("ex-cloze-1", change) == []
    removed, added = changes(before, bank.read_text(encoding="utf-8"))
    assert removed == ["    accept: [坚决做到两个维护]          # 可选：其他可接受的答案"]
    assert added[0] == "    reviewed: true"
    assert added[1].startswith("    accept: [坚决做到两个维护, 做到两个维护]") and added[1].endswith("# 可选：其他可接受的答案")
    assert loader.load(bank).questions[0].accept == (("坚决做到两个维护", "做到两个维护"),)


def test_a_bank_generated_again_over_a_reviewed_one_keeps_the_reviewed_one_beside_it(tmp_path, capsys):
    speech = tmp_path / "speech.txt"
    speech.write_text((Path(__file__).parent / "data" / "other_speech.txt").read_text(encoding="utf-8"), encoding="utf-8")
    bank = tmp_path / "bank.yaml"
    assert main(["generate", str(speech), "-o", str(bank)]) == 0
    assert BankReview(bank).keep(loader.load(bank).questions[0].id) == []
    reviewed = bank.read_bytes()
    capsys.readouterr()
    assert main(["generate", str(speech), "-o", str(bank)]) == 0
    assert review.backup_path(bank).read_bytes() == reviewed  # the review is not lost
    assert "备份为" in capsys.readouterr().err
    assert main(["generate", str(speech), "-o", str(bank)]) == 0  # the same bank again: nothing to keep
    assert review.backup_path(bank).read_bytes() == reviewed and "备份为" not in capsys.readouterr().err


def test_fields_that_cannot_be_read_say_why():
    judge = next(q for q in loader.load(EXAMPLE).questions if q.type == "judge")
    assert change_from_fields(judge, {"prompt": judge.prompt, "answer": "也许"}) == "判断题的答案应为“对”或“错”"
    assert change_from_fields(judge, {"prompt": judge.prompt, "answer": "对"}).answer is True


def test_the_first_change_keeps_the_file_as_it_was_and_writes_never_leave_half_a_file(bank, monkeypatch):
    before = bank.read_bytes()
    reviewing = BankReview(bank)
    assert reviewing.keep("ex-cloze-1") == []
    assert reviewing.keep("ex-cloze-2") == []
    assert review.backup_path(bank).read_bytes() == before  # the file as the review found it
    kept = bank.read_bytes()

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(review.os, "replace", crash)
    problems = reviewing.discard("ex-list")
    assert len(problems) == 1 and problems[0].startswith("无法保存 example.yaml：")
    assert bank.read_bytes() == kept
    assert sorted(p.name for p in bank.parent.iterdir()) == ["example.yaml", "example.yaml.bak"]  # no temporary file left
    assert "ex-list" in [q.id for q in reviewing.questions]


def test_a_bank_that_does_not_validate_or_a_speech_cannot_be_reviewed(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\nquestions: []\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="先修正再审题"):
        BankReview(broken)
    speech = tmp_path / "speech.txt"
    speech.write_text("讲话", encoding="utf-8")
    with pytest.raises(ReviewError, match="讲话稿"):
        BankReview(speech)


def test_review_marks_do_not_change_what_a_bank_asks(bank):
    before = bank_hash(loader.load(bank))
    BankReview(bank).keep("ex-judge")
    assert bank_hash(loader.load(bank)) == before


ONLY_REVIEWED = """\
title: 只发已审的题
only_reviewed: true
questions:
  - {id: a, type: judge, prompt: 甲说得对, answer: true, reviewed: true, score: 62}
  - {id: b, type: judge, prompt: 乙说得对, answer: false}
"""


def test_only_reviewed_shows_learners_the_reviewed_questions(tmp_path, capsys):
    path = tmp_path / "bank.yaml"
    path.write_text(ONLY_REVIEWED, encoding="utf-8")
    assert [q.id for q in loader.load(path).questions] == ["a"]
    assert [q.id for q in loader.validate(path, learners=False).bank.questions] == ["a", "b"]
    assert loader.load(path).questions[0].score == 62
    assert main(["validate", "--reviewed", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: 已审 1/2，学员只看到已审的题（only_reviewed）" in out
    path.write_text(ONLY_REVIEWED.replace("reviewed: true, ", ""), encoding="utf-8")
    result = loader.validate(path)
    assert [str(p) for p in result.problems] == [
        f"{path}:2: only_reviewed: true，但还没有一道题标有 reviewed: true，学员将无题可答（请先审题，或删去 only_reviewed）"
    ]


def test_the_validator_checks_the_new_keys(tmp_path, capsys):
    path = tmp_path / "bank.yaml"
    path.write_text(ONLY_REVIEWED.replace("reviewed: true", "reviewed: 是").replace("score: 62", "score: 101"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:4: reviewed 应为 true 或 false" in out
    assert f"{path}:4: score（生成分数）应为 0 到 100 的整数" in out


def test_the_queue_asks_the_weakest_first_and_filters_the_reviewed(bank):
    reviewing = BankReview(bank)
    queue = ReviewQueue(reviewing, {"ex-judge": 40, "ex-list": 55, "ex-choice": 90})
    assert [q.id for q in queue.order()][:4] == ["ex-judge", "ex-list", "ex-choice", "ex-cloze-1"]
    assert queue.current.id == "ex-judge" and queue.progress == "已审 0/7"
    assert queue.keep() == []
    assert queue.current.id == "ex-list" and queue.progress == "已审 1/7"
    queue.toggle_filter()
    assert "ex-judge" not in [q.id for q in queue.order()]
    assert queue.discard() == []
    assert queue.current.id == "ex-choice" and queue.progress == "已审 1/6"
    queue.move(-1)
    assert queue.current.id == "ex-choice"  # the first of those not reviewed
    queue.show("ex-judge")
    assert not queue.unreviewed_only and queue.current.id == "ex-judge"


def test_the_source_marks_the_blank():
    cloze = loader.load(EXAMPLE).questions[0]
    assert marked_source(cloze) == [("一要践行“", False), ("两个维护", True), ("”，推动政治监督具体化常态化", False)]


def test_a_generated_bank_is_scored_by_the_generator_from_its_speech(tmp_path):
    from studytui.bankfile.scores import question_scores

    corpus = Path(__file__).parent / "data" / "corpus" / "qichu_qifali.txt"
    path = tmp_path / "qichu.yaml"
    assert main(["generate", str(corpus), "-o", str(path)]) == 0
    bank = loader.load(path)
    scores = question_scores(bank, path)
    assert set(scores) == {q.id for q in bank.questions}
    assert all(50 <= value <= 100 for value in scores.values())  # the generator keeps what scores 50 or more


async def test_an_instructor_reviews_from_the_banks_screen(tmp_path, bank):
    prepare(tmp_path / "data", "example")
    before = bank.read_text(encoding="utf-8")
    app = StudyApp(data_dir=tmp_path / "data", banks=[bank])
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        paths = [e.path for e in app.library.entries]
        app.screen.query_one("#banks-table").move_cursor(row=paths.index(str(bank)))
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "ReviewScreen":
                break
        screen = app.screen
        assert str(screen.query_one("#review-status").render()).startswith("已审 0/7")
        first = screen.queue.current.id
        await pilot.press("k")
        await pilot.press("d")
        await pilot.pause()
        assert str(screen.query_one("#review-status").render()).startswith("已审 1/6")
        await pilot.press("e")
        await pilot.pause()
        assert screen.queue.current.id == "ex-choice"
        app.screen.query_one("#edit-answer").value = "九个有之"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "EditDialog"
        assert str(app.screen.query_one("#edit-problem").render()) == "未保存：答案“九个有之”不在 options 中"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "BanksScreen" and app.screen.changed
    after = bank.read_text(encoding="utf-8")
    lines = after.splitlines()
    assert lines[next(i for i, line in enumerate(lines) if line.startswith(f"  - id: {first} ")) + 1] == "    reviewed: true"
    assert comments(after)[:5] == comments(before)[:5]
    assert loader.validate(bank).ok


def test_a_bank_with_a_bom_and_windows_line_ends_keeps_them(bank):
    text = bank.read_text(encoding="utf-8")
    bank.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert BankReview(bank).keep("ex-order") == []
    written = bank.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    lines = written[3:].decode("utf-8").split("\r\n")
    assert "\n" not in "".join(lines)
    assert changes(text, "\n".join(lines)) == ([], ["    reviewed: true"])


async def test_a_participant_has_no_review_or_item_analysis(tmp_path, bank):
    app = StudyApp(data_dir=tmp_path / "data", banks=[bank], participant=True)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.use_profile("李四")
        app.push_screen(BanksScreen())
        await pilot.pause()
        await pilot.press("r", "i")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "BanksScreen"
        assert bank.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_the_last_deletion_can_be_undone_and_the_file_is_as_it_was(bank):
    before = bank.read_text(encoding="utf-8")
    queue = ReviewQueue(BankReview(bank), {"ex-judge": 40, "ex-list": 55})
    assert queue.discard() == [] and "ex-judge" not in bank.read_text(encoding="utf-8")
    assert queue.undo_discard() == []
    assert bank.read_text(encoding="utf-8") == before and queue.current.id == "ex-judge"
    assert queue.undo_discard() == ["只能撤销刚才的删除"]  # once


def test_only_a_deletion_that_was_the_last_decision_is_undone(bank):
    queue = ReviewQueue(BankReview(bank), {"ex-judge": 40, "ex-list": 55})
    assert queue.discard() == [] and queue.keep() == []
    kept = bank.read_text(encoding="utf-8")
    assert queue.undo_discard() == ["只能撤销刚才的删除"] and bank.read_text(encoding="utf-8") == kept
