"""A whole contest in the TUI, driven with Pilot: three teams, every round, a tie broken by
sudden death, the podium and the record."""

from helpers import prepare, screen_name, shown

from studytui.cli import main
from studytui.contest import TIEBREAK
from studytui.store import open_store


async def answer_in_contest(pilot, right: bool):
    screen = pilot.app.screen
    question = screen.contest.turn.question
    widget = screen.query_one(".answer")
    if question.type == "cloze":
        await pilot.press(*(question.answer[0] if right else "不对的答案"))
        for blank in question.answer[1:]:  # a cloze of two blanks (“六稳”“六保”): each filled, or each wrong
            await pilot.press("enter", *(blank if right else "x"))
        await pilot.press("enter")
    elif question.type == "choice":
        index = widget.texts.index(question.answer)
        await pilot.press(str(index + 1 if right else (index + 1) % 4 + 1))
    else:
        await pilot.press("y" if question.answer == right else "n")
    await pilot.pause()


async def test_a_whole_three_team_contest_to_the_podium(tmp_path, start, capsys):
    prepare(tmp_path, bank_id="qichu-qifali")
    async with start(banks=(), size=(100, 34)) as pilot:
        app = pilot.app
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#rounds").value = "1 2 1"
        app.screen.query_one("#teams").focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen_name(app) == "ContestScreen"

        async def step(*keys):
            for key in keys:
                await pilot.press(key)
                await pilot.pause()

        for right in (True, True, False):  # 必答: 红 蓝 绿, each its own question
            await step("space", "space")
            await answer_in_contest(pilot, right)
        await step("space", "l")  # 蓝队 buzzes before the host opens the question: −10
        await step("space", "z")  # 绿队 buzzes first
        await answer_in_contest(pilot, True)
        await step("space", "space", "a")
        await answer_in_contest(pilot, False)
        for stake, right in (("3", True), ("1", False), ("2", True)):  # 风险题: 30, 10, 20
            await step("space", stake)
            await answer_in_contest(pilot, right)
        scores = {t.name: t.score for t in screen.contest.teams}
        assert scores == {"红队": 30, "蓝队": -10, "绿队": 30}
        assert "红队［A］ 30 " in shown(app, "#scoreboard")
        await step("space")  # a tie at the top: sudden death
        assert screen.contest.turn.round == TIEBREAK
        await step("space", "z")
        await answer_in_contest(pilot, True)
        await step("space")
        podium = shown(app, "#podium")
        assert podium.index("绿队") < podium.index("红队") < podium.index("蓝队")
        group_id = screen.group_id
    store = open_store(tmp_path)
    rows = store.db.execute(
        "SELECT p.name, count(a.id) FROM sessions s JOIN profiles p ON p.id = s.profile_id "
        "LEFT JOIN answers a ON a.session_id = s.id WHERE s.group_id = ? GROUP BY p.name",
        (group_id,),
    ).fetchall()
    assert dict(rows) == {"红队": 3, "蓝队": 2, "绿队": 4}
    events = store.contest_events(group_id)
    assert ("蓝队", "early", -10) in [(e.team, e.kind, e.points) for e in events]
    assert sum(e.points for e in events if e.team == "红队") == 30
    assert main(["--data-dir", str(tmp_path), "stats", "--code", group_id]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  1. 绿队　30 分") and lines[1].startswith("  2. 红队　30 分")
