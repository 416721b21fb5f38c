"""Keys and help, driven with Pilot: the help lists every screen's keys (read from their
bindings) and is not cut at 80 columns, and footers name keys one way."""

from helpers import PICKS, prepare, screen_name, shown
from textual.geometry import Region

from studytui.app import StudyApp
from studytui.keys import key_display
from studytui.screens.help import help_rows, pages


def footer_keys(app) -> list[str]:
    return [key.key_display for key in app.screen.query_one("Footer").query("FooterKey")]


async def test_help_opens_with_question_mark(pilot):
    await pilot.press("question_mark")
    await pilot.pause()
    assert screen_name(pilot.app) == "HelpScreen"


def test_help_lists_every_key_of_every_screen():
    """The help is read from the bindings: every key that says what it does is on its page."""
    rows = help_rows(pages(), StudyApp.BINDINGS)
    for title, screens in pages():
        page = rows[[r[0] for r in rows].index(title) :]
        listed = " / ".join(keys for _, keys, _ in page[: next((i for i, r in enumerate(page[1:], 1) if r[0]), len(page))])
        for screen in screens:
            for binding in screen.BINDINGS:
                if binding.tooltip or binding.description:
                    key = binding.key.split(",")[0]
                    assert key.isdigit() or key_display(key) in listed.split(" / "), (screen.__name__, key)
    assert ("任何页面", "?", "本帮助（Esc、? 或 Q 关闭）") in rows


async def test_help_cells_are_not_cut_at_80_columns(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one("#help-text")
        lines = [strip.text for strip in text.render_lines(Region(0, 0, text.size.width, text.size.height))]
    page = "".join(line.strip() for line in lines)
    assert "…" not in page
    assert "通读原文：逐部分读讲话，题目问到的提法标出掌握情况" in page


async def test_footers_name_keys_one_way(tmp_path, start):
    bank = tmp_path / "picks.yaml"
    bank.write_text(PICKS, encoding="utf-8")
    prepare(tmp_path / "data", bank_id="picks")
    async with start(tmp_path / "data", banks=[bank], size=(100, 24)) as pilot:
        app = pilot.app
        await pilot.press("p")
        await pilot.pause()
        keys = []
        for _ in range(2):
            await pilot.pause()  # the footer follows the focused answer widget's bindings once they are refreshed
            keys += footer_keys(app)
            app.screen.session.submit([])
            await app.screen.show_question()
            await pilot.pause()
    assert {"Esc", "空格", "回车", "Shift+↑", "Shift+↓"} <= set(keys)
    assert not {"esc", "space", "⏎", "shift+↑"} & set(keys)


async def test_the_home_footer_is_readable_at_80x24(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        footer = pilot.app.screen.query_one("Footer")
        visible = [item for item in footer.query("FooterKey") if item.region.right <= 80 and item.region.width > 0]
        assert {item.description for item in visible} >= {"换人", "宽严", "退出", "帮助"}
        modes = shown(pilot.app, "#modes")
        assert all(f" {key} " in modes for key in "PEMRCGUSB")
