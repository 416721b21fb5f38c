"""小组竞赛 setup: teams, rounds and points, then the contest screen on the selected bank."""

from __future__ import annotations

import random

from studytui.bankfile.bank import Bank
from studytui.host import Host
from studytui.screens.contest import ContestScreen, ContestSetup


async def setup(app: Host, bank: Bank | None) -> None:
    if app.participant:
        app.notify("小组竞赛在主持人的机器上进行。", severity="warning")
        return
    if bank is None:
        app.notify("请先选择一个没有错误的题库。", severity="error")
        return
    chosen = await app.push_screen_wait(ContestSetup())
    if chosen is not None:
        teams, rounds, settings = chosen
        app.push_screen(ContestScreen(bank, teams, rounds, settings, random.Random()))
