"""The banks screen, driven with Pilot: problems, the preview, and generating a bank from a
speech (in a worker, waited on with ``settle``)."""

from pathlib import Path

from helpers import DATA, THREE, prepare, screen_name, settle, shown

from studytui.bankfile import loader
from studytui.paths import shipped_banks_dir

SPEECH = shipped_banks_dir() / "qichu-qifali.yaml"


async def test_banks_screen_shows_problems_and_generates_from_a_speech(tmp_path, start):
    prepare(tmp_path)
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "broken.yaml").write_text("title: x\nquestions: []\n", encoding="utf-8")
    async with start(size=(110, 34)) as pilot:
        app = pilot.app
        labels = [str(o.prompt) for o in app.screen.query_one("#banks").options]
        assert any("broken.yaml:2" in label and "questions 为空" in label for label in labels)
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        assert table.row_count == len(app.library.entries)
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#dialog-input").value = str(DATA / "other_speech.txt")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.changed
        assert loader.validate(banks / "other_speech.yaml").ok
        assert any(e.bank and e.bank.id == "other_speech" for e in app.library.entries)
        assert app.screen.chosen_path() == banks / "other_speech.yaml"  # the cursor on the new bank, to review it


async def test_generating_over_a_bank_in_banks_asks_first(tmp_path, start):
    prepare(tmp_path)
    banks = tmp_path / "banks"
    banks.mkdir()
    mine = banks / "other_speech.yaml"
    mine.write_text(THREE.read_text(encoding="utf-8"), encoding="utf-8")
    async with start(size=(110, 34)) as pilot:
        app = pilot.app
        await pilot.press("b")
        await pilot.pause()
        for answer in ("n", "y"):
            await pilot.press("g")
            await pilot.pause()
            app.screen.query_one("#dialog-input").value = str(DATA / "other_speech.txt")
            await pilot.press("enter")
            await pilot.pause()
            assert "已经存在" in shown(app, ".dialog-text")
            await pilot.press(answer)
            await settle(pilot)
            replaced = mine.read_text(encoding="utf-8") != THREE.read_text(encoding="utf-8")
            assert replaced == (answer == "y")


async def test_the_banks_preview_scrolls_through_every_question(tmp_path, start):
    prepare(tmp_path, bank_id="qichu-qifali")
    speech = loader.load(SPEECH)
    async with start(banks=()) as pilot:
        app = pilot.app
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        row = [e.bank.id if e.bank else "" for e in app.library.entries].index("qichu-qifali")
        table.move_cursor(row=row)
        await pilot.pause()
        preview = app.screen.query_one("#bank-preview")
        assert speech.questions[-1].id in shown(app, "#bank-preview-text")
        await pilot.press("tab")
        await pilot.pause()
        assert preview.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert preview.scroll_y > 0 and preview.scroll_y == preview.max_scroll_y


async def test_a_long_source_is_cut_with_an_ellipsis(tmp_path, start):
    long = tmp_path / "long.yaml"
    long.write_text(
        THREE.read_text(encoding="utf-8").replace(
            "id: three", "id: long\nsource: sources/一篇题目特别特别长的讲话稿原文存档.txt"
        ),
        encoding="utf-8",
    )
    prepare(tmp_path)
    async with start(banks=[long]) as pilot:
        app = pilot.app
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        row = [e.bank.id if e.bank else "" for e in app.library.entries].index("long")
        source = str(table.get_row_at(row)[-2])
    assert source.endswith("…") and source.startswith("一篇题目")


async def generate_from_the_speech(pilot) -> None:
    await pilot.press("b")
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one("#dialog-input").value = str(DATA / "other_speech.txt")
    await pilot.press("enter")
    await settle(pilot)


async def test_generating_into_a_read_only_data_folder_is_told_and_the_app_carries_on(start, read_only_data):
    async with start(read_only_data) as pilot:
        await pilot.press(*"张三", "enter")
        await settle(pilot)
        await generate_from_the_speech(pilot)
        app = pilot.app
        assert app.is_running and screen_name(app) == "BanksScreen"
        assert any(n.message.startswith("未能生成") for n in app._notifications)
        assert not app.screen.query_one("#generate-progress").display and not app.screen.changed


async def test_a_failure_nobody_foresaw_in_a_worker_is_told_once_and_the_app_carries_on(pilot, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("磁盘控制器坏了")

    monkeypatch.setattr("studytui.screens.banks.generate_into_library", broken)
    await generate_from_the_speech(pilot)
    app = pilot.app
    assert app.is_running and screen_name(app) == "BanksScreen"
    assert [n.message for n in app._notifications] == ["出错了：磁盘控制器坏了"]
    assert not app.screen.query_one("#generate-progress").display


async def test_the_banks_screen_opens_on_the_bank_chosen_at_home(pilot):
    app = pilot.app
    home = app.screen.query_one("#banks")
    home.highlighted = home.option_count - 1  # not the first bank: R must review this one
    await pilot.pause()
    chosen = app.screen.bank
    await pilot.press("b")
    await pilot.pause()
    entry = next(e for e in app.library.entries if e.bank is chosen)
    assert app.screen.chosen_path() == Path(entry.path)
