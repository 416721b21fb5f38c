"""Multi-step flows the app starts when the home screen asks for a mode. A flow is one
coroutine, run as a worker by ``StudyApp.run_flow``, that awaits each screen's result
(``push_screen_wait``) step by step; no screen starts a flow or knows of one."""

from __future__ import annotations

import random
from collections.abc import Coroutine
from typing import Any

from studytui.bankfile.bank import Bank
from studytui.flows import class_quiz, contest, exam, study
from studytui.host import Host
from studytui.quiz import Settings
from studytui.screens.banks import BanksScreen
from studytui.screens.reading import ReadingScreen
from studytui.screens.stats import StatsScreen
from studytui.vocabulary import Mode


def for_mode(app: Host, mode: str, bank: Bank | None) -> Coroutine[Any, Any, None]:
    """The flow of a mode chosen on the home screen (the bank is the one selected there)."""
    if mode == "stats":
        return _show(app, StatsScreen())
    if mode == "banks":
        return _show(app, BanksScreen(bank))
    if mode == "class":
        return class_quiz.menu(app, bank)
    if mode == "contest":
        return contest.setup(app, bank)
    if mode == "read":
        return _show(app, ReadingScreen(bank)) if bank is not None else _nothing()
    if mode == "resume":
        return study.resume(app)
    if bank is None:
        return _nothing()
    settings = Settings(
        mode=Mode(mode),
        seed=random.randrange(1 << 30),
        strictness=app.store.strictness(),
    )
    if mode == "practice":
        return study.practise(app, bank, settings)
    if mode == "exam":
        return exam.ask(app, bank, settings)
    return study.study(app, bank, settings)


async def _show(app: Host, screen: Any) -> None:
    await app.push_screen(screen)


async def _nothing() -> None:
    return None
