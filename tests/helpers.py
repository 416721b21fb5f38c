"""What the TUI tests share: a data folder where someone has studied, and waiting for the banks."""

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
    """Wait until the home screen has its banks (they load after the first frame)."""
    for _ in range(50):
        await pilot.pause(0.05)
        if pilot.app.library.entries:
            await pilot.pause(0.05)
            return
