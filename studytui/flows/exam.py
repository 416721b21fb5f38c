"""Exam setup: ask its size and time, then run it as a study session."""

from __future__ import annotations

from dataclasses import replace

from studytui.bankfile.bank import Bank
from studytui.flows.study import study
from studytui.host import Host
from studytui.quiz import EXAM_QUESTIONS, EXAM_SECONDS, Settings, count_and_minutes
from studytui.screens.dialogs import TextDialog
from studytui.vocabulary import Mode

MINUTES = range(1, 1000)


def _check(text: str) -> str | None:
    return None if count_and_minutes(text, MINUTES) else "请写两个正整数：题数和限时分钟，例如：20 15"


async def ask(app: Host, bank: Bank, settings: Settings) -> None:
    default = f"{min(EXAM_QUESTIONS, len(bank.questions))} {EXAM_SECONDS // 60}"
    text = await app.push_screen_wait(TextDialog("考试：题数 限时分钟（题型混合，交卷后看结果）", default, _check, default))
    fits = count_and_minutes(text, MINUTES) if text else None
    if fits is None:
        return
    count, minutes = fits
    await study(app, bank, replace(settings, mode=Mode.EXAM, count=min(count, len(bank.questions)), time_limit=minutes * 60))
