"""What the safety tests share: a data folder where someone has answered a few dozen questions."""

from pathlib import Path

from studytui.store import Answer, open_store


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
