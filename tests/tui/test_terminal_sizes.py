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


FOUR_BLANKS = (
    "title: 四空\nid: four\nquestions:\n"
    "  - {id: f1, type: cloze, prompt: 巡察工作只能____、不能____，只能____、不能____。, answer: [加强, 削弱, 深化, 停滞],"
    " explanation: 原文：各级党组织必须清醒认识到，巡察工作只能加强、不能削弱，只能深化、不能停滞。}\n"
)


async def test_a_long_feedback_at_80x24_is_shown_to_its_end_and_scrolls(tmp_path, start):
    bank = tmp_path / "four.yaml"
    bank.write_text(FOUR_BLANKS, encoding="utf-8")
    prepare(tmp_path, bank_id="four")
    async with start(banks=[bank], size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        for answer in ("加强", "削弱", "深化", "停止"):
            await pilot.press(*answer, "enter")
            await pilot.pause()
        await pilot.pause()
        body = pilot.app.screen.query_one("#quiz-body")
        hint = pilot.app.screen.query_one("#next-hint")
        assert body.max_scroll_y > 0 and body.scroll_y == body.max_scroll_y  # what to press next is in sight
        assert body.region.contains_region(hint.region)
        await pilot.press("up")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y  # the keys scroll the feedback back up
