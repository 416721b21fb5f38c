"""Item analysis (题目分析) against a small set of answers computed by hand: the answers go
through the store (a dispute is the store's 我答对了), the figures through studytui.items,
the report through the command line, and the screen through the banks screen's I.

The hand-made set: four cloze questions, five takers A–E. Each taker's FIRST answer to each
question (score in brackets; C = correct, W = wrong, c = close, ✓ = disputed, stands correct):

    taker  q1 两个维护     q2 四种形态     q3 六稳六保          q4 七个有之     total (mean of firsts)
    A      W 两个坚持 (0)  C (1)           C (1)                C (1)           3/4   = 0.75
    B      W 两个坚持 (0)  C (1)           C (1)                C (1)           3/4   = 0.75
    C      C (1)           W 三种形态 (0)  C (1)                W 八个有之 (0)  2/4   = 0.5
    D      C (1)           W “三种形态” (0) W 六保六稳 ✓ (1)    W 八个有之 (0)  2/4   = 0.5
    E      C (1)           W 三种形态 (0)  c 六稳六宝 (0.5)     W 六个有之 (0)  1.5/4 = 0.375

Later answers (attempts, not first answers): A answers q1 right; E answers q3 六保六稳 and disputes it.

Upper and lower 27%: round(0.27 × 5) = round(1.35) = 1 taker each. By total, then name: the
upper taker is A (0.75, before B), the lower is E (0.375).

Point-biserial r = (M1 − M0) / s · √(p·q) over the five firsts. Totals: mean 2.875/5 = 0.575,
deviations .175 .175 −.075 −.075 −.2, squares sum .1125, variance .1125/5 = .0225, s = 0.15.

q1: attempts 6 (5 firsts + A's later), correct 4 (C D E + A later) → 4/6 = 67%.
    D = A(0) − E(1) = −1.  Right: C D E, M1 = 1.375/3 = 0.458333; wrong: A B, M0 = 0.75;
    p = 0.6, √(0.24) = 0.489898; r = (−0.291667 / 0.15) × 0.489898 = −0.9526.
    Wrong answers: 两个坚持 ×2 (not more than the 4 right). Flag: negative discrimination.
q2: attempts 5, correct 2 → 40%. D = A(1) − E(0) = +1; r = +0.9526 (q1 mirrored).
    Wrong answers: 三种形态 ×3 (“三种形态” is the same once normalised) > 2 right. Flag: wrong beats right.
q3: attempts 6, correct 5 (A B C, D disputed, E's later disputed) → 83%. Disputes 2 (≥ 2, ≥ 10% of 6).
    D = A(1) − E(0, a close answer is not correct) = +1. Right: A B C D, M1 = 2.5/4 = 0.625;
    wrong: E, M0 = 0.375; p = 0.8, √(0.16) = 0.4; r = (0.25 / 0.15) × 0.4 = 0.6667.
    Wrong answers: 六稳六宝 ×1. Flag: disputed.
q4: attempts 5, correct 2 → 40%. D = +1; r = +0.9526. Wrong: 八个有之 ×2 (not more than 2 right), 六个有之 ×1.
    Not flagged.
"""

from __future__ import annotations

import csv
import io

import pytest

from studytui.app import StudyApp
from studytui.bankfile import loader
from studytui.cli import main
from studytui.items import Flag, analyse, point_biserial, upper_lower
from studytui.store import Answer, open_store
from studytui.store.items import bank_answers
from helpers import prepare, settle

BANK = """\
title: 手算样例
id: hand
questions:
  - {id: q1, type: cloze, prompt: 坚决做到“____”, answer: 两个维护}
  - {id: q2, type: cloze, prompt: 运用监督执纪“____”, answer: 四种形态}
  - {id: q3, type: cloze, prompt: 做好“____”工作, answer: 六稳六保}
  - {id: q4, type: cloze, prompt: 坚决防止“____”, answer: 七个有之}
"""

# (taker, question, typed, verdict, score, disputed), in the order given
ANSWERS = [
    ("A", "q1", "两个坚持", "wrong", 0.0, False),
    ("A", "q2", "四种形态", "correct", 1.0, False),
    ("A", "q3", "六稳六保", "correct", 1.0, False),
    ("A", "q4", "七个有之", "correct", 1.0, False),
    ("B", "q1", "两个坚持", "wrong", 0.0, False),
    ("B", "q2", "四种形态", "correct", 1.0, False),
    ("B", "q3", "六稳六保", "correct", 1.0, False),
    ("B", "q4", "七个有之", "correct", 1.0, False),
    ("C", "q1", "两个维护", "correct", 1.0, False),
    ("C", "q2", "三种形态", "wrong", 0.0, False),
    ("C", "q3", "六稳六保", "correct", 1.0, False),
    ("C", "q4", "八个有之", "wrong", 0.0, False),
    ("D", "q1", "两个维护", "correct", 1.0, False),
    ("D", "q2", "“三种形态”", "wrong", 0.0, False),
    ("D", "q3", "六保六稳", "wrong", 0.0, True),
    ("D", "q4", "八个有之", "wrong", 0.0, False),
    ("E", "q1", "两个维护", "correct", 1.0, False),
    ("E", "q2", "三种形态", "wrong", 0.0, False),
    ("E", "q3", "六稳六宝", "close", 0.5, False),
    ("E", "q4", "六个有之", "wrong", 0.0, False),
    ("A", "q1", "两个维护", "correct", 1.0, False),
    ("E", "q3", "六保六稳", "wrong", 0.0, True),
]


@pytest.fixture
def recorded(tmp_path, backend):
    """The hand-made answers in a store, and the bank file."""
    bank_file = tmp_path / "hand.yaml"
    bank_file.write_text(BANK, encoding="utf-8")
    data = tmp_path / "data"
    store = open_store(data)
    sessions = {}
    for taker, question, typed, verdict, score, disputed in ANSWERS:
        if taker not in sessions:
            sessions[taker] = store.start_session(store.profile(taker), "hand", "h", "practice", {})
        answer_id = store.record(Answer(sessions[taker], question, "prompt", typed, verdict, score, 3.0))
        if disputed:
            store.override(answer_id)
    store.close()
    return data, bank_file


def test_the_figures_match_the_hand_computation(recorded):
    data, bank_file = recorded
    store = open_store(data)
    stats = {s.question.id: s for s in analyse(loader.load(bank_file), bank_answers(store, "hand"))}
    store.close()
    figures = {
        qid: (s.attempts, s.correct, s.takers, s.discrimination, round(s.point_biserial, 4), s.disputes)
        for qid, s in stats.items()
    }
    assert figures == {
        "q1": (6, 4, 5, -1.0, -0.9526, 0),
        "q2": (5, 2, 5, 1.0, 0.9526, 0),
        "q3": (6, 5, 5, 1.0, 0.6667, 2),
        "q4": (5, 2, 5, 1.0, 0.9526, 0),
    }
    assert round(stats["q1"].share_correct, 4) == round(4 / 6, 4)
    assert stats["q1"].wrong_answers == (("两个坚持", 2),)
    assert stats["q2"].wrong_answers == (("三种形态", 3),)
    assert stats["q3"].wrong_answers == (("六稳六宝", 1),)
    assert stats["q4"].wrong_answers == (("八个有之", 2), ("六个有之", 1))
    assert {qid: s.flags for qid, s in stats.items()} == {
        "q1": (Flag.NEGATIVE,),
        "q2": (Flag.WRONG_BEATS_RIGHT,),
        "q3": (Flag.DISPUTED,),
        "q4": (),
    }


def test_flagged_questions_come_first(recorded):
    data, bank_file = recorded
    store = open_store(data)
    order = [s.question.id for s in analyse(loader.load(bank_file), bank_answers(store, "hand"))]
    store.close()
    assert order == ["q1", "q2", "q3", "q4"]


def test_figures_that_are_not_defined_are_none():
    assert upper_lower([(0.5, "A", 1)]) is None  # one taker
    assert point_biserial([(0.5, 1), (0.7, 1)]) is None  # nobody wrong
    assert point_biserial([(0.5, 1), (0.5, 0)]) is None  # totals all alike
    assert upper_lower([(1.0, "A", 1), (0.0, "B", 0)]) == 1.0


def test_report_items_in_markdown_and_csv(recorded, capsys, tmp_path):
    data, bank_file = recorded
    assert main(["report", "--items", str(bank_file), "--data-dir", str(data)]) == 0
    text = capsys.readouterr().out
    assert "# 题目分析：手算样例" in text
    assert "4 道题，22 次作答；3 道题需要复查" in text
    assert "| q1 | 填空 | 坚决做到“____” | 6 | 67% | -1.00 | -0.95 | 0 | 两个坚持（2） | 区分度为负 |" in text
    assert "| q3 | 填空 | 做好“____”工作 | 6 | 83% | +1.00 | +0.67 | 2 | 六稳六宝（1） | 申诉多 |" in text
    out = tmp_path / "items.csv"
    assert main(["report", "--items", "hand", "--bank", str(bank_file), "--data-dir", str(data), "--csv", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:5] == ["题号", "题型", "题目", "作答", "答对率"]
    assert rows[2] == ["q2", "填空", "运用监督执纪“____”", "5", "0.4", "1.0", "0.9526", "0", "三种形态（3）", "错答多于正答"]


def test_report_items_of_a_bank_that_is_not_there(tmp_path, capsys):
    assert main(["report", "--items", "nosuch", "--data-dir", str(tmp_path)]) == 1
    assert "nosuch:1: 找不到这个题库" in capsys.readouterr().err


async def test_the_items_screen_flags_and_opens_the_review(recorded):
    data, bank_file = recorded
    prepare(data, "hand")
    app = StudyApp(data_dir=data, banks=[bank_file])
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileDialog"  # five people answered on this machine: who is there?
        await pilot.press("enter")  # the last one, first in the list
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        rows = [e.path for e in app.library.entries]
        table = app.screen.query_one("#banks-table")
        table.move_cursor(row=rows.index(str(bank_file)))
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "ItemsScreen"
        assert "3 道题需要复查" in str(app.screen.query_one("#items-summary").render())
        await pilot.press("down", "down")  # q3, flagged: disputed
        await pilot.pause()
        assert "申诉多" in str(app.screen.query_one("#items-detail-text").render())
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "ReviewScreen":
                break
        assert app.screen.queue.current.id == "q3"
