"""A class quiz's leaderboard, and the instructor closing the quiz from it."""

from __future__ import annotations

from studytui.host import Host
from studytui.screens.dialogs import ConfirmDialog
from studytui.screens.leaderboard import LeaderboardScreen

CLOSE_QUESTION = "结束这套测验？结束后大家的成绩页显示正确答案，这个测验码不能再作答（没做完的也不能再接着做）。"


async def show_leaderboard(app: Host, code: str, title: str = "") -> None:
    """The leaderboard until left; the instructor (not a participant) may close the quiz there."""
    while await app.push_screen_wait(LeaderboardScreen(code, title, can_close=not app.participant)) == "close":
        if await app.push_screen_wait(ConfirmDialog(CLOSE_QUESTION)):
            app.store.close_quiz(code)
            app.notify(f"测验 {code} 已结束。")
