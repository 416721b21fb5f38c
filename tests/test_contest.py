"""The contest rules, round by round: turns, buzz order, early buzzes, stakes, timeouts,
speed bonus, corrections, ties broken by sudden death, the podium."""

import pytest

from studytui.contest import BUZZ, REQUIRED, RISK, TIEBREAK, Contest, ContestError, Round, Settings

TEAMS = [("红队", "a"), ("蓝队", "l"), ("绿队", "z")]


def contest(rounds, settings=Settings(), teams=TEAMS, questions=40):
    return Contest(teams, rounds, [f"q{i}" for i in range(questions)], settings)


def scores(c):
    return {t.name: t.score for t in c.teams}


def test_required_round_gives_each_team_its_own_question_in_turn():
    c = contest([Round(REQUIRED, per_team=2)])
    order = []
    for right in (True, False, True, True, False, True):
        turn = c.next_question()
        order.append(turn.team.name)
        c.open(now=0)
        assert c.buzz("l", now=1) is None  # nobody buzzes in 必答
        c.answer(right, now=5)
    assert order == ["红队", "蓝队", "绿队"] * 2
    assert scores(c) == {"红队": 20, "蓝队": 0, "绿队": 20}  # wrong costs nothing in 必答
    assert c.next_question().round == TIEBREAK  # 红队 and 绿队 are tied for first


def test_buzz_round_first_buzz_answers_and_wrong_costs_ten():
    c = contest([Round(BUZZ, per_team=2)])
    c.next_question()
    c.open(now=0)
    assert c.buzz("z", now=1.0).name == "绿队"
    assert c.buzz("a", now=1.1) is None  # too late: 绿队 is answering
    c.answer(True, now=3)
    c.next_question()
    c.open(now=10)
    assert c.buzz("a", now=11).name == "红队"
    c.answer(False, now=12)
    assert scores(c) == {"红队": -10, "蓝队": 0, "绿队": 10}


def test_a_buzz_before_the_question_is_open_costs_ten():
    c = contest([Round(BUZZ)])
    c.next_question()
    assert c.buzz("l", now=0.5) is None
    assert scores(c)["蓝队"] == -10
    assert [(e.kind, e.team, e.points) for e in c.log] == [("early", "蓝队", -10)]
    c.open(now=1)
    assert c.buzz("l", now=2).name == "蓝队"  # after opening the same team may buzz


def test_risk_round_wins_or_loses_the_stake():
    c = contest([Round(RISK)], teams=TEAMS[:2])
    c.next_question()
    with pytest.raises(ContestError):
        c.open(now=0)  # a stake must be chosen first
    with pytest.raises(ContestError):
        c.choose_stake(25, now=0)
    c.choose_stake(30, now=0)
    c.answer(True, now=4)
    c.next_question()
    c.choose_stake(20, now=10)
    c.answer(False, now=12)
    assert scores(c) == {"红队": 30, "蓝队": -20}


def test_timeouts():
    c = contest([Round(REQUIRED), Round(BUZZ)], settings=Settings(seconds=20), teams=TEAMS[:2])
    c.next_question()
    c.open(now=0)
    assert c.time_left(now=15) == 5
    assert c.timeout(now=20) == 0 and scores(c)["红队"] == 0  # wrong in 必答: 0
    c.next_question()
    c.open(now=30)
    c.next_question()
    c.open(now=40)
    assert c.timeout(now=60) == 0  # nobody buzzed: nobody scores
    assert scores(c) == {"红队": 0, "蓝队": 0}


def test_pause_stops_the_clock_and_speed_bonus_is_a_setting():
    c = contest([Round(REQUIRED)], settings=Settings(seconds=30, speed_bonus=5), teams=TEAMS[:2])
    c.next_question()
    c.open(now=0)
    c.pause(now=5)
    assert c.time_left(now=100) == 25
    c.resume(now=100)
    assert c.time_left(now=105) == 20
    assert c.answer(True, now=106) == 15  # within half the time: +5
    c.next_question()
    c.open(now=200)
    assert c.answer(True, now=225) == 10
    assert contest([Round(REQUIRED)]).settings.speed_bonus == 0  # off by default


def test_starting_score_and_corrections_are_logged():
    c = contest([Round(REQUIRED)], settings=Settings(start_score=100))
    assert set(scores(c).values()) == {100}
    c.correct("z", -5, "判分有误")
    assert scores(c)["绿队"] == 95
    assert c.log[-1].kind == "correction" and c.log[-1].note == "判分有误"
    with pytest.raises(ContestError):
        c.correct("q", 5, "")


def test_ties_are_broken_by_sudden_death_buzz():
    c = contest([Round(REQUIRED)])
    for right in (True, True, False):
        c.next_question()
        c.open(now=0)
        c.answer(right, now=1)
    assert [t.name for t in c.tied_leaders()] == ["红队", "蓝队"]
    turn = c.next_question()
    assert turn.round == TIEBREAK and set(turn.eligible) == {"a", "l"}
    c.open(now=0)
    assert c.buzz("z", now=1) is None  # not in the tie
    assert c.buzz("a", now=1).name == "红队"
    c.answer(False, now=2)  # wrong: out of this question, no points lost
    assert turn.phase == "open" and turn.eligible == ("l",)
    assert c.buzz("l", now=3).name == "蓝队"
    c.answer(True, now=4)
    assert scores(c) == {"红队": 10, "蓝队": 10, "绿队": 0}
    assert c.next_question() is None and c.finished
    assert [(place, team.name) for place, team in c.podium()] == [(1, "蓝队"), (2, "红队"), (3, "绿队")]


def test_teams_must_be_two_to_eight_with_distinct_keys():
    with pytest.raises(ContestError):
        Contest([("甲", "a")], [Round(REQUIRED)], [])
    with pytest.raises(ContestError):
        Contest([("甲", "a"), ("乙", "a")], [Round(REQUIRED)], [])
    with pytest.raises(ContestError):
        Contest([(str(i), k) for i, k in enumerate("abcdefghi")], [Round(REQUIRED)], [])


# -- the engine records; the screen shows --------------------------------------------------

from pathlib import Path  # noqa: E402

from studytui.bankfile.bank import Bank, Question  # noqa: E402
from studytui.contest import ContestRecord, check_teams, contest_questions  # noqa: E402
from studytui.store import open_store  # noqa: E402

CLOZE = Question("c1", "cloze", "一要践行“____”", ("两个维护",), source="一要践行“两个维护”")
CLOZE2 = Question("c2", "cloze", "紧盯“____”", ("七个有之",), source="紧盯“七个有之”")
JUDGE = Question("j1", "judge", "“四种形态”出自讲话。", True, source="精准运用“四种形态”")
CHOICE = Question(
    "h1",
    "choice",
    "推动政治监督____",
    "具体化常态化",
    options=("具体化常态化", "制度化", "规范化", "法治化"),
    source="推动政治监督具体化常态化",
)
SAME_AS_CLOZE2 = Question(
    "c3", "choice", "紧盯“____”", "七个有之", options=("七个有之", "四个意识", "两个维护", "四种形态"), source="紧盯“七个有之”"
)


def test_one_formulation_is_asked_once():
    import random

    for seed in range(20):
        picked = contest_questions([CLOZE, CLOZE2, SAME_AS_CLOZE2, JUDGE], random.Random(seed))
        assert len(picked) == 3 and sum(q.source == "紧盯“七个有之”" for q in picked) == 1


def test_reveal_closes_the_question_no_buzz_no_points():
    c = contest([Round(BUZZ, per_team=2)])
    c.next_question()
    c.open(now=0)
    c.close()  # the host revealed the answer
    assert c.buzz("a", now=1) is None and c.timeout(now=40) == 0
    assert scores(c) == {"红队": 0, "蓝队": 0, "绿队": 0} and c.log == []


def test_team_keys_never_collide_with_answer_keys():
    from studytui.contest import parse_teams

    eight = parse_teams("一组 二组 三组 四组 五组 六组 七组 八组")
    assert not {key for _, key in eight} & {"y", "n"}
    check_teams(eight)
    for key in "yn":
        with pytest.raises(ContestError):
            check_teams([("甲", "a"), ("乙", key)])
        with pytest.raises(ContestError):
            parse_teams(f"甲 乙:{key}")


def test_corrections_name_the_team_by_name_or_key():
    c = contest([Round(REQUIRED)])
    assert c.correct("蓝队", 10, "").name == "蓝队"
    assert c.correct("Z", -5, "").name == "绿队"
    assert scores(c) == {"红队": 0, "蓝队": 10, "绿队": -5}


def test_the_engine_records_answers_and_score_changes(tmp_path):
    store = open_store(tmp_path)
    the_bank = Bank("竞赛", (CLOZE, CLOZE2), id="contest")
    record = ContestRecord(store, the_bank)
    c = Contest(TEAMS[:2], [Round(REQUIRED)], [CLOZE, CLOZE2], Settings(start_score=5), record)
    c.next_question()
    c.open(now=0)
    judged = c.submit(["两个维护"], now=3)
    assert judged.right and judged.points == 10 and judged.team.name == "红队"
    c.finish()
    events = [(e.team, e.kind, e.points) for e in store.contest_events(record.group_id)]
    assert events == [("红队", "start", 5), ("蓝队", "start", 5), ("红队", "right", 10)]
    rows = store.db.execute(
        "SELECT count(*), sum(finished IS NOT NULL) FROM sessions WHERE group_id = ?", (record.group_id,)
    ).fetchone()
    assert tuple(rows) == (2, 2)
    assert store.db.execute("SELECT typed, verdict FROM answers").fetchall()[0][:] == ("两个维护", "correct")


def test_no_screen_writes_to_the_store():
    screens = Path(__file__).parent.parent / "studytui" / "screens"
    assert not [p.name for p in screens.glob("*.py") if "studytui.store" in p.read_text(encoding="utf-8")]


# -- the contest screen, as a host drives it (Pilot) -------------------------------------


def pilot_app(tmp_path, questions):
    from studytui.app import StudyApp

    store = open_store(tmp_path)
    store.set_setting("profile", "主持人")
    store.profile("主持人")
    store.close()
    return StudyApp(data_dir=tmp_path, banks=[])


class Clock:
    """The contest screen's clock, moved by the test."""

    def __init__(self):
        self.moment = 1000.0

    def __call__(self):
        return self.moment


async def contest_screen(pilot, questions, rounds, settings=Settings(), teams=TEAMS, clock=None):
    import random

    from studytui.screens.contest import ContestScreen

    bank = Bank("竞赛", tuple(questions), id="contest")
    contest = Contest(teams, rounds, list(questions), settings, ContestRecord(pilot.app.store, bank))  # in this order
    screen = ContestScreen(bank, contest, random.Random(0), clock or Clock())
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def press(pilot, *keys):
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def said(screen) -> str:
    return str(screen.query_one("#contest-log").render())


async def test_revealing_closes_the_question_on_screen(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2], [Round(BUZZ, 2)])
        await press(pilot, "space", "space", "v")
        assert "两个维护" in said(screen) and screen.contest.turn.phase == "done"
        await press(pilot, "a")
        assert not screen.query(".answer") and scores(screen.contest) == {"红队": 0, "蓝队": 0, "绿队": 0}
        assert screen.contest.time_left(0) is None  # the clock stopped


async def test_a_team_buzzes_and_answers_a_judge_question_with_n(tmp_path):
    teams = [("红队", "a"), ("蓝队", "b")]
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [JUDGE], [Round(BUZZ, 1)], teams=teams)
        await press(pilot, "space", "space", "b", "n")  # 蓝队 buzzes, says 错: wrong
        assert scores(screen.contest) == {"红队": 0, "蓝队": -10}


async def test_buzz_choice_options_show_before_anyone_buzzes_and_the_stake_stays(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CHOICE, CLOZE], [Round(BUZZ, 1), Round(RISK, 1)], teams=TEAMS[:2])
        await press(pilot, "space")
        options = screen.query_one(".answer")
        assert options.disabled and "具体化常态化" in options.texts
        await press(pilot, "space", "l", str(options.texts.index("具体化常态化") + 1))
        assert scores(screen.contest)["蓝队"] == 10
        await press(pilot, "space", "3")
        screen.tick()
        assert "押 30 分" in str(screen.query_one("#contest-status").render())


async def test_the_host_keeps_control_while_a_team_types(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2, JUDGE], [Round(REQUIRED, 1)])
        await press(pilot, "space", "space", "s", "v", "p", "c")
        assert screen.query_one("Input").value == "svpc" and screen.contest.turn.phase == "answering"
        footer = {key for key, active in screen.active_bindings.items() if active.enabled}  # what the footer shows
        assert {"f5", "f6", "f7", "f8"} <= footer and not {"s", "v", "p", "c"} & footer
        await press(pilot, "f7")
        assert screen.contest.paused
        await press(pilot, "f7", "f6")
        assert screen.contest.turn.phase == "done" and "两个维护" in said(screen)


async def test_scores_unsigned_named_corrections_and_a_close_tiebreak_wins(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, JUDGE, CLOZE2, CHOICE], [Round(REQUIRED, 1)], teams=TEAMS[:2])
        await press(pilot, "space", "space", *"两个维护", "enter")
        assert " 10 " in str(screen.query_one("#scoreboard").render()) and "+10" not in str(
            screen.query_one("#scoreboard").render()
        )
        await press(pilot, "c")
        screen.app.screen.query_one("Input").value = "蓝队 +10 补判"
        await press(pilot, "enter")
        assert "蓝队 +10" in said(screen) and scores(screen.contest) == {"红队": 10, "蓝队": 10}
        await press(pilot, "space", "s", "space")  # 蓝队's question skipped; tied: sudden death
        assert screen.contest.turn.round == TIEBREAK
        await press(pilot, "space", "l", *"七个有知", "enter")  # a homophone slip: close
        assert "算答对" in said(screen) and "赢得加赛" in said(screen)
        await press(pilot, "space")
        podium = str(screen.app.screen.query_one("#podium").render())
        assert podium.index("蓝队") < podium.index("红队") and "加赛胜出" in podium


async def test_the_clock_stops_while_the_end_dialog_is_open(tmp_path):
    async with pilot_app(tmp_path, []).run_test(size=(100, 30)) as pilot:
        screen = await contest_screen(pilot, [CLOZE, CLOZE2, JUDGE], [Round(REQUIRED, 1)])
        await press(pilot, "space", "space", "escape")
        assert screen.contest.paused
        await press(pilot, "n")
        assert not screen.contest.paused and screen.contest.turn.phase == "answering"


def test_the_score_log_reads_in_chinese(tmp_path, capsys):
    from studytui.cli import main

    store = open_store(tmp_path)
    record = ContestRecord(store, Bank("竞赛", (CLOZE, CLOZE2), id="contest"))
    c = Contest(TEAMS[:2], [Round(BUZZ, 2)], [CLOZE, CLOZE2], Settings(), record)
    c.next_question()
    c.buzz("l", now=0)  # too early
    c.open(now=1)
    c.buzz("a", now=2)
    c.submit(["两个维护"], now=3)
    c.correct("蓝队", 5, "")
    store.close()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "stats", "--code", record.group_id]) == 0
    log = capsys.readouterr().out.split("计分记录：")[1]
    assert "蓝队　-10　抢答过早" in log and "红队　+10　答对" in log and "蓝队　+5　更正 主持人更正" in log
    assert not any(word in log for word in ("early", "right", "correction"))
