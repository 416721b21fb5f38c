"""The stats screen, driven with Pilot: the chart of past scores, accuracy per type and per
kind, and the weakest questions; its figures are read in a worker, waited on with ``settle``."""

import time
from datetime import datetime, timezone

from helpers import THREE, prepare, settle, shown

from studytui.bankfile import loader
from studytui.quiz import QuizSession, Settings


async def test_stats_chart_has_a_scale_local_times_and_says_when_empty(tmp_path, start, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("s")
        await settle(pilot)
        assert "还没有做完的练习或考试" in shown(app, "#stats-chart")
        await pilot.press("escape")
        three = loader.load(THREE)
        moment = datetime(2026, 5, 1, 1, 0, tzinfo=timezone.utc)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions, clock=lambda: moment)
        for typed in ("两个维护", "七个有之", "错"):
            session.submit(typed)
        await pilot.press("s")
        await settle(pilot)
        chart = shown(app, "#stats-chart")
    monkeypatch.delenv("TZ")
    time.tzset()
    assert "0%" in chart and "100%" in chart and "05-01 09:00 练习" in chart and "67%" in chart


async def test_stats_keep_types_apart_from_kinds_and_show_the_weakest_questions_whole(pilot):
    app = pilot.app
    three = loader.load(THREE)
    session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions)
    for typed in ("两个维护", "不知道", "不知道"):
        session.submit(typed)
    await pilot.press("s")
    await settle(pilot)
    assert "填空" not in shown(app, "#stats-kinds")
    assert "填空" in shown(app, "#stats-types")
    weakest = app.screen.query_one("#stats-weakest")
    lines = [strip.text for strip in weakest.render_lines(weakest.region.reset_offset)]
    page = "".join(line.strip() for line in lines)
    assert "精准运用“____”，对主动投案者依规依纪依法从宽处理。" in page
    assert "q3" not in page


async def test_f_on_the_stats_screen_shows_someone_else_s(pilot):
    app = pilot.app
    three = loader.load(THREE)
    other = app.store.profile("李四")
    session = QuizSession.start(app.store, three, other, Settings(), questions=three.questions)
    session.submit("两个维护")
    await pilot.press("s")
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    assert app.screen.profiles == ["张三", "李四"]  # read by a worker, then the dialog
    app.screen.query_one("#profiles").highlighted = 1
    await pilot.press("enter")
    await settle(pilot)
    assert "李四" in shown(app, "#stats-summary")
