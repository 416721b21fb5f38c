"""What the tests share: a data folder where someone has studied (or answered a few of the
example bank's questions), waiting for the banks, starting an exam and letting its time run out."""

from datetime import timedelta
from pathlib import Path

from studytui.store import open_store

THREE = Path(__file__).parent / "data" / "three.yaml"


def prepare(data: Path, bank_id: str = "three", profile: str = "张三") -> None:
    """``profile`` has studied in ``data`` before, with ``bank_id`` chosen."""
    store = open_store(data)
    store.profile(profile)
    store.set_setting("profile", profile)
    store.set_setting("bank", bank_id)
    store.close()


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
