"""Exam setup: ask its size and time, then run it as a study session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studytui.flows import study
from studytui.quiz import EXAM_QUESTIONS, EXAM_SECONDS, Settings, count_and_minutes

if TYPE_CHECKING:
    from studytui.app import StudyApp
    from studytui.bank import Bank


def ask(app: StudyApp, bank: Bank, seed: int, strictness: str) -> None:
    from studytui.screens.dialogs import TextDialog

    def check(text: str) -> str | None:
        return None if count_and_minutes(text, range(1, 1000)) else "请写两个正整数：题数和限时分钟，例如：20 15"

    def chosen(text: str | None) -> None:
        if text:
            count, minutes = count_and_minutes(text, range(1, 1000))
            settings = Settings(mode="exam", seed=seed, count=min(count, len(bank.questions)), time_limit=minutes * 60, strictness=strictness)
            study.start(app, bank, settings)

    default = f"{min(EXAM_QUESTIONS, len(bank.questions))} {EXAM_SECONDS // 60}"
    app.push_screen(TextDialog("考试：题数 限时分钟（题型混合，交卷后看结果）", default, check, default), chosen)
