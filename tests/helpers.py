"""What the tests share: data folders where someone has studied (or answered a few of the
example bank's questions, or a few dozen of the bank three's), waiting for the app to settle,
starting an exam and letting its time run out, and reading what a screen shows."""

from datetime import timedelta
from pathlib import Path

from studytui.store import Answer, open_store

DATA = Path(__file__).parent / "data"
THREE = DATA / "three.yaml"
# A bank of one multi-select and one order question, for the answer widgets and their keys.
PICKS = """\
title: 多选与排序
id: picks
questions:
  - id: m
    type: multi
    prompt: 下列哪些属于“三圈”？
    options: [朋友圈, 社交圈, 生活圈, 工作圈]
    answer: [朋友圈, 社交圈, 生活圈]
  - id: o
    type: order
    prompt: 排列：
    answer: [不敢腐, 不能腐, 不想腐]
"""


def prepare(data: Path, bank_id: str = "three", profile: str = "张三") -> None:
    """``profile`` has studied in ``data`` before, with ``bank_id`` chosen."""
    store = open_store(data)
    store.profile(profile)
    store.set_setting("profile", profile)
    store.set_setting("bank", bank_id)
    store.close()


def studied(data: Path, answers: int = 30, name: str = "张三") -> None:
    """``name`` has answered ``answers`` questions of the bank ``three`` in ``data``."""
    store = open_store(data)
    pid = store.profile(name)
    store.set_setting("profile", name)
    session = store.start_session(pid, "three", "h", "practice", {})
    for n in range(answers):
        store.record(Answer(session, f"q{n % 3 + 1}", "题目", "两个维护", "correct", 1.0, 2.0))
    store.finish_session(session)
    store.close()


def answers_in(data: Path) -> int:
    store = open_store(data)
    try:
        return store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
    finally:
        store.close()


def answer_some(data_dir: Path, name: str = "张三"):
    """Three answers of the example bank on record for ``name``: one close, one correct, one wrong."""
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import QuizSession, Settings

    store = open_store(data_dir)
    example = loader.load(shipped_banks_dir() / "example.yaml")
    session = QuizSession.start(store, example, store.profile(name), Settings(), questions=example.questions[:3])
    session.submit("两个维户")  # close
    session.submit(["2020", "十三五"])  # correct
    session.submit("八个有之")  # wrong
    store.close()
    return example


async def settle(pilot) -> None:
    """Wait until the app has nothing left to do: every screen's worker done (the banks read after
    the first frame, progress at a glance, a report) and what it posted handled, which may start
    another. A flow is not waited for: it waits on its screens."""
    app = pilot.app
    await pilot.pause()
    while busy := [w for w in app.workers if w.group != "flow" and not w.is_finished]:
        await app.workers.wait_for_complete(busy)
        await pilot.pause()


async def start_exam(pilot, size: str = "2 1") -> None:
    await pilot.press("e")
    await pilot.pause()
    pilot.app.screen.query_one("#dialog-input").value = size
    await pilot.press("enter")
    await pilot.pause()


def run_out(quiz) -> None:
    """The exam's time has passed: its clock is as if it started long ago."""
    quiz.session.started -= timedelta(hours=1)
    quiz.tick()


def screen_name(app) -> str:
    return type(app.screen).__name__


def shown(app, selector: str) -> str:
    """What the widget ``selector`` of the screen on top shows, as text."""
    return str(app.screen.query_one(selector).render())
