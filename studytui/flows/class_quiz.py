"""班级测验 from the home screen: the menu, then taking a quiz by its code, setting one
from the selected bank, or looking at a code's leaderboard."""

from __future__ import annotations

import random

from studytui.bankfile.bank import Bank
from studytui.flows.leaderboard import show_leaderboard
from studytui.flows.study import run, study
from studytui.host import Host
from studytui.quiz import QuizSession, count_and_minutes
from studytui.quiz_code import ClassQuiz, CodeError, canonical_code, class_code, find_bank, parse_code
from studytui.screens.class_menu import ClassMenu
from studytui.screens.dialogs import TextDialog

MINUTES = range(0, 64)
MOST_QUESTIONS = 127
CODE_PLACEHOLDER = "QZ-XXXX-XXXX-XXXX"
CLOSED = "这套测验老师已经结束，不能再作答；成绩见排行榜"


async def menu(app: Host, bank: Bank | None) -> None:
    choice = await app.push_screen_wait(ClassMenu(app.participant))
    if choice == "create" and app.participant:
        app.notify("参加者不能出题。", severity="warning")
    elif choice == "join":
        await join(app)
    elif choice == "create":
        await create(app, bank)
    elif choice == "board":
        await ask_leaderboard(app)


def _check_size(text: str) -> str | None:
    fits = count_and_minutes(text, MINUTES, most=MOST_QUESTIONS)
    return None if fits else "请写两个数：题数（1–127）和限时分钟（0–63，0 为不限时）"


async def create(app: Host, bank: Bank | None) -> None:
    if bank is None:
        app.notify("请先选择一个没有错误的题库。", severity="error")
        return
    title = bank.title if len(bank.title) <= 20 else bank.title[:19] + "…"
    prompt = f"出一套班级测验：题数 限时分钟（例如 20 15 = 20 道题、限时 15 分钟；0 分钟为不限时）\n题库：{title}"
    text = await app.push_screen_wait(TextDialog(prompt, "20 15", _check_size, "20 15"))
    fits = count_and_minutes(text, MINUTES, most=MOST_QUESTIONS) if text else None
    if fits is None:
        return
    count, minutes = fits
    code = class_code(bank, random.randrange(1 << 12), min(count, len(bank.questions)), minutes)
    app.notify(f"测验码：{code}（请告诉大家；排行榜会自动刷新）", timeout=60)
    await show_leaderboard(app, code, bank.title)


def _check_code(code: str) -> str | None:
    try:
        canonical_code(code)
    except CodeError as exc:
        return str(exc)
    return None


async def ask_leaderboard(app: Host) -> None:
    code = await app.push_screen_wait(TextDialog("查看哪个测验码的排行榜？", CODE_PLACEHOLDER, _check_code))
    if code:
        await show_leaderboard(app, canonical_code(code))


def find(app: Host, quiz: ClassQuiz) -> Bank:
    """The quiz's bank; the folders are read again when it is not among the banks
    loaded, so a bank dropped in while the app runs is found without a restart."""
    try:
        return find_bank(quiz, app.library.banks)
    except CodeError:
        app.library.load()
        return find_bank(quiz, app.library.banks)


async def join(app: Host) -> None:
    """Take a class quiz by its code: an attempt left unfinished goes on where it stopped;
    a code taken before is a retake (practice); a closed quiz is not taken again."""

    def check(code: str) -> str | None:
        try:
            find(app, parse_code(code))
        except CodeError as exc:
            return str(exc)
        return CLOSED if app.store.quiz_closed(canonical_code(code)) else None

    entered = await app.push_screen_wait(TextDialog("输入老师给出的班级测验码", CODE_PLACEHOLDER, check))
    if not entered:
        return
    quiz, code = parse_code(entered), canonical_code(entered)
    unfinished = app.store.unfinished_attempt(app.profile, code)
    if unfinished is not None:
        app.notify("接着做你上次没做完的这套测验（已答的题都已保存）。", timeout=10)
        await run(app, QuizSession.resume(app.store, find(app, quiz), unfinished))
        return
    if app.store.attempts(app.profile, code):
        app.notify("你已做过这套测验：这次是重做，算练习；排行榜和答错最多的题只计第一次。", severity="warning", timeout=10)
    await study(app, find(app, quiz), quiz.settings(), quiz_code=code)
