"""小组竞赛 setup: teams, rounds and points, then the contest screen on the selected bank."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studytui.app import StudyApp
    from studytui.bank import Bank


def setup(app: StudyApp, bank: Bank | None) -> None:
    from studytui.screens.contest import ContestScreen, ContestSetup

    if app.participant:
        app.notify("小组竞赛在主持人的机器上进行。", severity="warning")
        return
    if bank is None:
        app.notify("请先选择一个没有错误的题库。", severity="error")
        return

    def configured(setup) -> None:
        if setup is not None:
            teams, rounds, settings = setup
            app.push_screen(ContestScreen(bank, teams, rounds, settings, random.Random()))

    app.push_screen(ContestSetup(), configured)
