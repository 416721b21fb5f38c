"""Small terminals, driven with Pilot: nothing crashes, and what must show is not cut."""

import pytest
from helpers import prepare, screen_name


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_small_terminals_do_not_crash(tmp_path, start, size):
    prepare(tmp_path)
    async with start(size=size) as pilot:
        app = pilot.app
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"两个维护", "enter")
        await pilot.pause()
        await pilot.press("enter", "escape", "y")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert screen_name(app) == "StatsScreen"
    assert app.return_code in (None, 0)


async def test_the_progress_counter_is_never_cut_at_40x12(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(40, 12)) as pilot:
        app = pilot.app
        await pilot.press("p")
        await pilot.pause()
        count = app.screen.query_one("#quiz-count")
        assert count.region.right <= 40 and count.region.width >= len("1/3")
