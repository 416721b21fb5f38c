"""An organisation-wide exam on a served host (``studytui serve --exam CODE``): the
participant signs in with name and personal code (refused while the name is signed in
on another host), takes the exam (or goes on with it after a lost page), and sees the
leaderboard of every host's answers; then the session ends."""

from __future__ import annotations

import socket
import uuid

from studytui.bankfile.bank import Bank
from studytui.flows.class_quiz import find
from studytui.flows.leaderboard import show_leaderboard
from studytui.flows.study import run, study
from studytui.host import Host
from studytui.names import BadName, clean_name
from studytui.org_exam import KEEP_ALIVE
from studytui.quiz import QuizSession
from studytui.quiz_code import CodeError, parse_code
from studytui.screens.dialogs import TextDialog
from studytui.store import exams

ALREADY_TAKEN = "你已交卷：每人只能考一次。下面是排行榜。"


async def take(app: Host, code: str) -> None:
    try:
        bank = find(app, parse_code(code))
    except CodeError as exc:
        app.exit(return_code=1, message=f"{code}: {exc}")
        return
    token, host = uuid.uuid4().hex, socket.gethostname()
    name = await sign_in(app, code, host, token)
    if name is None:
        app.exit()
        return
    alive = app.set_interval(KEEP_ALIVE, lambda: exams.keep_alive(app.store, code, name, token))
    try:
        await _exam(app, bank, code)
    finally:
        alive.stop()
        exams.sign_out(app.store, code, name, token)
    app.exit()


async def sign_in(app: Host, code: str, host: str, token: str) -> str | None:
    """The name signed in, or None when the participant gave up (Esc)."""
    title = exams.exam_title(app.store, code) or code
    while True:
        name = await app.push_screen_wait(TextDialog(f"{title}\n请输入姓名（与名单一致）", "姓名", _check_name))
        if name is None:
            return None
        name = clean_name(name)

        def check(personal: str, name: str = name) -> str | None:
            return exams.sign_in(app.store, code, name, personal, host, token)

        if await app.push_screen_wait(TextDialog(f"{name}：请输入个人码", "XXXX-XXXX", check)) is None:
            continue
        if (problem := app.use_profile(name)) is not None:  # the same name in another browser of this host
            exams.sign_out(app.store, code, name, token)
            app.notify(problem, severity="error")
            continue
        return name


def _check_name(text: str) -> str | None:
    try:
        clean_name(text)
    except BadName as exc:
        return str(exc)
    return None


async def _exam(app: Host, bank: Bank, code: str) -> None:
    unfinished = app.store.unfinished_attempt(app.profile, code)
    if unfinished is not None:
        app.notify("接着做你上次没做完的考试（已答的题都已保存）。", timeout=10)
        await run(app, QuizSession.resume(app.store, bank, unfinished))
    elif app.store.attempts(app.profile, code):
        app.notify(ALREADY_TAKEN, severity="warning", timeout=10)
        await show_leaderboard(app, code, bank.title)
    else:
        await study(app, bank, parse_code(code).settings(), quiz_code=code)
