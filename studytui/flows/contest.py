"""小组竞赛 setup: teams, rounds and points, then the contest screen on the selected bank."""

from __future__ import annotations

import random

from studytui.bankfile.bank import Bank
from studytui.contest import Contest, ContestRecord, contest_questions
from studytui.host import Host
from studytui.screens.contest import ContestScreen
from studytui.screens.contest_setup import ContestSetup


async def setup(app: Host, bank: Bank | None) -> None:
    if app.participant:
        app.notify("小组竞赛在主持人的机器上进行。", severity="warning")
        return
    if bank is None:
        app.notify("请先选择一个没有错误的题库。", severity="error")
        return
    rng = random.Random()
    questions = contest_questions(bank.questions, rng)
    chosen = await app.push_screen_wait(ContestSetup(len(questions)))
    if chosen is not None:
        contest = Contest(chosen.teams, chosen.rounds, questions, chosen.settings, ContestRecord(app.store, bank))
        app.push_screen(ContestScreen(bank, contest, rng))
