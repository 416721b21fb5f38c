"""A contest run as a real one (issue 24): no question answered by what the room has
seen, clocks that start where they should, and a host who can set things right."""

import json
import random

import pytest

from studytui.bankfile.bank import Bank, Question, Section
from studytui.contest import (
    BUZZ,
    REQUIRED,
    RISK,
    TIEBREAK,
    Contest,
    ContestError,
    ContestRecord,
    Round,
    Settings,
    check_enough,
    contest_questions,
    parse_correction,
    parse_setup,
)
from studytui.store import open_store
from tests.test_contest import CLOZE, CLOZE2, JUDGE, TEAMS, Clock, contest, contest_screen, pilot_app, press, said, scores

# -- item 7: nothing on screen answers a question -------------------------------------------

HOLDS = Question(
    "h", "cloze", "坚决查处“七个有之”问题，推动____", ("全面从严治党",), source="坚决查处“七个有之”问题，推动全面从严治党"
)
HELD = Question("x", "cloze", "紧盯“____”", ("七个有之",), source="紧盯“七个有之”")
FRAMED = [
    Question(f"f{i}", "cloze", f"全会{verb}，中国式现代化是____。", ("人口规模巨大的现代化",), source=f"全会{verb}的一句{i}")
    for i, verb in enumerate(("提出", "强调"))
]


def test_no_question_follows_one_whose_prompt_holds_its_answer():
    for seed in range(30):
        picked = contest_questions([HOLDS, HELD, JUDGE], random.Random(seed))
        assert not (HOLDS in picked and HELD in picked and picked.index(HOLDS) < picked.index(HELD))


def test_one_thing_asked_with_two_frames_is_asked_once():
    for seed in range(10):
        assert len(contest_questions(FRAMED, random.Random(seed))) == 1


def test_the_shipped_bank_never_answers_a_later_question_in_a_default_contest():
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import expected_text, gives_away

    bank = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")
    for seed in range(20):
        asked = contest_questions(bank.questions, random.Random(seed))[:11]
        shown = [f"{q.prompt}\n{expected_text(q)}" for q in asked]
        assert not [q.id for i, q in enumerate(asked) if any(gives_away(q, s) for s in shown[:i])]


async def test_a_heading_holding_the_answer_is_not_shown_above_the_question(tmp_path):
    titled = Question("t", "cloze", "紧盯“____”，严肃查处", ("七个有之",), section="s1")
    bank_sections = (Section("s1", "一、坚决查处“七个有之”"),)
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [titled, CLOZE], [Round(REQUIRED, 1)], teams=TEAMS[:2])
        screen.bank = Bank("竞赛", (titled, CLOZE), id="contest", sections=bank_sections)
        await press(pilot, "space")
        card = str(screen.query_one("QuestionCard").render())
        assert "紧盯" in card and "七个有之" not in card


# -- item 8: every question its own clock; the answer clock starts at the buzz ------------------


def test_a_pause_ends_with_its_question():
    c = contest([Round(BUZZ, per_team=2)], settings=Settings(seconds=30))
    c.next_question()
    c.open(now=0)
    c.pause(now=5)
    c.close()  # skipped while paused
    c.next_question()
    c.open(now=100)
    assert not c.paused and c.time_left(now=100) == 30 and c.time_left(now=110) == 20
    c.buzz("a", now=113)
    assert c.elapsed(now=115) == 2


def test_a_team_that_buzzes_late_has_the_whole_countdown_to_answer():
    c = contest([Round(BUZZ)], settings=Settings(seconds=30))
    c.next_question()
    c.open(now=0)
    assert c.buzz("a", now=29).name == "红队"
    assert c.time_left(now=30) == 29  # the question's 30 s are over: the answer's are not
    c.answer(True, now=40)
    assert scores(c)["红队"] == 10


async def test_on_screen_a_pause_does_not_carry_and_a_late_buzz_is_not_timed_out(tmp_path):
    clock = Clock()
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2], [Round(BUZZ, 2)], settings=Settings(seconds=30), clock=clock)
        await press(pilot, "space", "space", "p")
        clock.moment += 21
        await press(pilot, "s", "space", "space")  # skipped while paused; the next question opened
        clock.moment += 29
        await press(pilot, "l")  # 蓝队 buzzes with 1 s left
        clock.moment += 2
        screen.tick()
        status = str(screen.query_one("#contest-status").render())
        assert "剩余 28 秒" in status and "暂停" not in status
        assert scores(screen.contest)["蓝队"] == 0 and screen.contest.turn.phase == "answering"


# -- item 9: the host's and the teams' keys, stakes, ties, slips, the bank's size, undo ----------


async def test_other_teams_buzz_keys_are_not_typed_into_the_answer(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE], [Round(BUZZ, 1)])
        await press(pilot, "space", "space", "a", "l", "z", *"两个维护", "L")
        assert screen.query_one("Input").value == "两个维护"


async def test_a_risk_question_is_shown_once_its_stake_is_chosen(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2], [Round(RISK, 1)], teams=TEAMS[:2])
        await press(pilot, "space")
        assert not screen.query("QuestionCard") and "选择分值" in said(screen)
        await press(pilot, "2")
        assert "一要践行" in str(screen.query_one("QuestionCard").render()) and screen.contest.turn.stake == 20


def test_an_early_buzz_in_a_tiebreak_costs_nothing_and_decides_nothing():
    c = contest([Round(REQUIRED)], teams=TEAMS[:2])
    for _ in range(2):
        c.next_question()
        c.open(now=0)
        c.answer(True, now=1)
    turn = c.next_question()
    assert turn.round == TIEBREAK
    assert c.buzz("a", now=2) is None
    assert scores(c) == {"红队": 10, "蓝队": 10} and [e.kind for e in c.log] == ["right", "right"]
    c.open(now=3)
    assert c.buzz("a", now=4).name == "红队"  # and may buzz once it is open


def test_a_slip_scores_in_the_contest_as_in_stats_code(tmp_path, capsys):
    from studytui.cli import main

    store = open_store(tmp_path)
    record = ContestRecord(store, Bank("竞赛", (CLOZE2, CLOZE), id="contest"))
    c = Contest(TEAMS[:2], [Round(REQUIRED)], [CLOZE2, CLOZE], Settings(), record)
    c.next_question()
    c.open(now=0)
    judged = c.submit(["七个有知"], now=2)  # a homophone slip
    assert judged.right and judged.close and judged.points == 10
    store.close()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "stats", "--code", record.group_id, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["most_missed"] == [] and report["ranking"][0]["points"] == 10
    assert report["ranking"][0]["score"] == 1


def test_a_partly_right_answer_is_not_right():
    two = Question("two", "cloze", "____和____", ("两个维护", "四个意识"), source="两个维护和四个意识")
    c = contest([Round(REQUIRED)], teams=TEAMS[:2])
    c.questions = [two]
    c.next_question()
    c.open(now=0)
    assert not c.submit(["两个维护", "不知道"], now=1).right


def test_setup_checks_the_bank_has_enough_questions():
    setup = parse_setup("红队 蓝队 绿队", "1 5 1", "30 0", "10 -10 -10 0")
    check_enough(setup, 11)
    with pytest.raises(ContestError, match="题库只有 4 道题可用于竞赛.*要 11 道"):
        check_enough(setup, 4)
    with pytest.raises(ContestError):
        parse_setup("红队 蓝队", "1 ² 1", "30 0", "10 -10 -10 0")


async def test_the_setup_says_so_in_chinese_for_the_example_bank(tmp_path):
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.screens.contest_setup import ContestSetup

    example = loader.load(shipped_banks_dir() / "example.yaml")
    available = len(contest_questions(example.questions, random.Random(0)))
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        chosen = []
        await pilot.app.push_screen(ContestSetup(available), chosen.append)
        await pilot.pause()
        await press(pilot, "enter")
        error = str(pilot.app.screen.query_one("#dialog-error").render())
        assert f"题库只有 {available} 道题" in error and not chosen


def test_undo_takes_back_the_last_change_and_stats_agree(tmp_path, capsys):
    from studytui.cli import main

    store = open_store(tmp_path)
    record = ContestRecord(store, Bank("竞赛", (CLOZE, CLOZE2), id="contest"))
    c = Contest(TEAMS[:2], [Round(REQUIRED)], [CLOZE, CLOZE2], Settings(start_score=5), record)
    c.next_question()
    c.open(now=0)
    c.answer(True, now=1)
    c.correct("蓝队", 20, "误加")
    assert c.undo().points == 20 and scores(c) == {"红队": 15, "蓝队": 5}
    assert c.undo().points == 10 and scores(c) == {"红队": 5, "蓝队": 5}
    with pytest.raises(ContestError):
        c.undo()  # starting scores stay
    store.close()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "stats", "--code", record.group_id, "--json"]) == 0
    assert {r["name"]: r["points"] for r in json.loads(capsys.readouterr().out)["ranking"]} == {"红队": 5, "蓝队": 5}
    assert main(["--data-dir", str(tmp_path), "stats", "--code", record.group_id]) == 0
    printed = capsys.readouterr().out
    assert "蓝队　-20　撤销 更正、误加" in printed and "  1. 红队" in printed and "  1. 蓝队" in printed  # one place


def test_undoing_a_tiebreak_win_reopens_the_tie():
    c = contest([Round(REQUIRED)], teams=TEAMS[:2])
    for _ in range(2):
        c.next_question()
        c.open(now=0)
        c.answer(True, now=1)
    c.next_question()
    c.open(now=2)
    c.buzz("l", now=3)
    c.answer(True, now=4)
    assert c.tiebreak_order == ["蓝队"] and not c.tied_leaders()
    c.undo()
    assert c.tiebreak_order == [] and [t.name for t in c.tied_leaders()] == ["红队", "蓝队"]


async def test_the_host_undoes_with_u_and_while_a_team_types_with_f9(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [JUDGE, CLOZE, CLOZE2], [Round(REQUIRED, 1)], teams=TEAMS[:2])
        await press(pilot, "space", "space", "y", "space", "space", *"两个", "f9")  # 蓝队 types; 红队's +10 undone
        assert screen.query_one("Input").value == "两个" and scores(screen.contest) == {"红队": 0, "蓝队": 0}
        await press(pilot, *"维护", "enter", "u")
        assert scores(screen.contest) == {"红队": 0, "蓝队": 0} and "已撤销：蓝队 +10" in said(screen)


async def test_a_correction_with_a_superscript_digit_is_refused_not_a_crash(tmp_path):
    with pytest.raises(ContestError):
        parse_correction("红队 ² 误判")
    assert parse_correction("红队 +10 补判") == ("红队", 10, "补判")
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2], [Round(REQUIRED, 1)], teams=TEAMS[:2])
        await press(pilot, "c")
        pilot.app.screen.query_one("Input").value = "蓝队 ² 补判"
        await press(pilot, "enter")
        assert "格式" in str(pilot.app.screen.query_one("#dialog-error").render())
        assert scores(screen.contest) == {"红队": 0, "蓝队": 0}
