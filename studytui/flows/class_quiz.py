"""班级测验 from the home screen: the menu, then taking a quiz by its code, setting one
from the selected bank, or looking at a code's leaderboard."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from studytui.flows import study
from studytui.quiz import count_and_minutes
from studytui.quiz_code import ClassQuiz, CodeError, canonical_code, class_code, find_bank, parse_code

if TYPE_CHECKING:
    from studytui.app import StudyApp
    from studytui.bank import Bank


def open_menu(app: StudyApp, bank: Bank | None) -> None:
    from studytui.screens.leaderboard import ClassMenu

    def chosen(choice: str | None) -> None:
        if choice == "create" and app.participant:
            app.notify("参加者不能出题。", severity="warning")
        elif choice == "join":
            join(app)
        elif choice == "create":
            create(app, bank)
        elif choice == "board":
            ask_leaderboard(app)

    app.push_screen(ClassMenu(app.participant), chosen)


def create(app: StudyApp, bank: Bank | None) -> None:
    from studytui.screens.dialogs import TextDialog
    from studytui.screens.leaderboard import LeaderboardScreen

    if bank is None:
        app.notify("请先选择一个没有错误的题库。", severity="error")
        return

    def check(text: str) -> str | None:
        fits = count_and_minutes(text, range(0, 64), most=127)
        return None if fits else "请写两个数：题数（1–127）和限时分钟（0–63，0 为不限时）"

    def made(text: str | None) -> None:
        if text:
            count, minutes = count_and_minutes(text, range(0, 64), most=127)
            code = class_code(bank, random.randrange(1 << 12), min(count, len(bank.questions)), minutes)
            app.push_screen(LeaderboardScreen(code, bank.title))
            app.notify(f"测验码：{code}（请告诉大家；排行榜会自动刷新）", timeout=60)

    title = bank.title if len(bank.title) <= 20 else bank.title[:19] + "…"
    prompt = f"出一套班级测验：题数 限时分钟（例如 20 15 = 20 道题、限时 15 分钟；0 分钟为不限时）\n题库：{title}"
    app.push_screen(TextDialog(prompt, "20 15", check, "20 15"), made)


def ask_leaderboard(app: StudyApp) -> None:
    from studytui.screens.dialogs import TextDialog
    from studytui.screens.leaderboard import LeaderboardScreen

    def check(code: str) -> str | None:
        try:
            canonical_code(code)
        except CodeError as exc:
            return str(exc)
        return None

    app.push_screen(
        TextDialog("查看哪个测验码的排行榜？", "QZ-XXXX-XXXX-XXXX", check),
        lambda code: app.push_screen(LeaderboardScreen(canonical_code(code))) if code else None,
    )


def find(app: StudyApp, quiz: ClassQuiz) -> Bank:
    """The quiz's bank; the folders are read again when it is not among the banks
    loaded, so a bank dropped in while the app runs is found without a restart."""
    try:
        return find_bank(quiz, app.library.banks)
    except CodeError:
        app.library.load()
        return find_bank(quiz, app.library.banks)


def join(app: StudyApp) -> None:
    from studytui.screens.dialogs import TextDialog

    def check(code: str) -> str | None:
        try:
            find(app, parse_code(code))
        except CodeError as exc:
            return str(exc)
        return None

    def entered(code: str | None) -> None:
        if code:
            quiz, code = parse_code(code), canonical_code(code)
            if app.store.attempts(app.profile_id, code):
                app.notify("你已做过这套测验：这次是重做，算练习；排行榜和答错最多的题只计第一次。", severity="warning", timeout=10)
            study.start(app, find(app, quiz), quiz.settings(), quiz_code=code)

    app.push_screen(TextDialog("输入老师给出的班级测验码", "QZ-XXXX-XXXX-XXXX", check), entered)
