"""The home screen, driven with Pilot: who is studying, the banks listed (and told apart),
progress at a glance, strictness, and what a participant of a served room sees."""

import shutil

from helpers import DATA, THREE, prepare, screen_name, settle, shown

from studytui.bankfile import loader
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings
from studytui.store import open_store


def bank_labels(app) -> list[str]:
    banks = app.screen.query_one("#banks")
    return [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]


async def test_first_start_asks_who_is_studying_and_remembers(tmp_path, start):
    async with start() as pilot:
        assert screen_name(pilot.app) == "ProfileDialog"
        await pilot.press(*"李四", "enter")
        await pilot.pause()
        assert pilot.app.profile_name == "李四"
        assert "李四　今日作答 0 题" in shown(pilot.app, "#summary")
    assert open_store(tmp_path).setting("profile") == "李四"


async def test_a_learner_starts_on_a_speech_bank_and_the_figures_say_whose(tmp_path, start):
    store = open_store(tmp_path)
    store.set_setting("profile", "张三")
    store.profile("张三")
    store.close()
    async with start(banks=()) as pilot:
        assert pilot.app.screen.bank.id != "example"
        assert "本题库待复习" in shown(pilot.app, "#summary")


async def test_home_says_how_many_review_questions_are_due_and_new(tmp_path, start):
    prepare(tmp_path)
    async with start(size=(80, 24)) as pilot:
        app = pilot.app
        await settle(pilot)  # the counts come from a worker, which a loaded machine may not have run yet
        assert "智能复习（到期 0 · 新题 3）" in shown(app, "#modes")
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions)
        for question in three.questions:
            session.submit(question.answer[0])
        app.screen.refresh_summary()
        await settle(pilot)
        assert "智能复习（到期 0 · 新题 0）" in shown(app, "#modes")


async def test_banks_with_one_title_show_their_file_names_on_home(tmp_path, start):
    copy = tmp_path / "three-copy.yaml"
    copy.write_text(THREE.read_text(encoding="utf-8").replace("id: three", "id: three-copy"), encoding="utf-8")
    prepare(tmp_path)
    async with start(banks=[THREE, copy]) as pilot:
        labels = bank_labels(pilot.app)
    assert any("三道填空" in label and "three.yaml" in label for label in labels)
    assert any("三道填空" in label and "three-copy.yaml" in label for label in labels)
    assert not any("qichu-qifali.yaml" in label for label in labels)  # a title of its own needs no file name


async def test_a_speech_that_cannot_be_generated_is_a_problem_line_on_the_home_screen(tmp_path, start, generate_breaks):
    banks = tmp_path / "banks"
    banks.mkdir(parents=True)
    shutil.copy(DATA / "other_speech.txt", banks / "speech.txt")
    prepare(tmp_path)
    async with start(banks=(), size=(110, 30)) as pilot:
        labels = bank_labels(pilot.app)
    assert any(label.startswith("✘ speech.txt:1") and "无法从这篇讲话生成题库" in label for label in labels), labels


async def test_two_banks_with_one_id_are_shown_on_the_home_screen(tmp_path, start):
    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(shipped_banks_dir() / "example.yaml", banks / "example.yaml")
    prepare(tmp_path)
    async with start(banks=(), size=(110, 30)) as pilot:
        labels = bank_labels(pilot.app)
    assert any(label.startswith("⚠ example.yaml") and "题库 id“example”与" in label for label in labels), labels


async def test_strictness_is_a_setting_used_by_new_sessions(tmp_path, pilot):
    app = pilot.app
    await pilot.press("t", "t")  # normal → lenient → strict
    await pilot.pause()
    assert "评分严格" in shown(app, "#summary")
    await pilot.press("p")
    await pilot.pause()
    question = app.screen.session.current
    await pilot.press(*{"q1": "两个维户", "q2": "七个有知", "q3": "四种行态"}[question.id], "enter")
    await pilot.pause()
    assert "得分 0" in shown(app, ".verdict")
    assert open_store(tmp_path).setting("strictness") == "strict"


async def test_a_served_participant_cannot_change_banks_or_run_contests(tmp_path, start):
    prepare(tmp_path)  # someone used this machine before: a participant is still asked
    async with start(participant=True) as pilot:
        app = pilot.app
        dialog = app.screen
        assert screen_name(app) == "ProfileDialog" and dialog.profiles == []
        await pilot.press(*"参加者", "enter")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        await pilot.press("b", "g")
        await pilot.pause()
        assert screen_name(app) == "BanksScreen"  # no dialog to generate a bank
        await pilot.press("escape", "s", "f")
        await pilot.pause()
        assert screen_name(app) == "StatsScreen"  # no looking at others' stats
    assert open_store(tmp_path).setting("profile") == "张三"  # the participant is not remembered


async def test_a_bank_named_on_the_command_line_is_the_one_chosen(tmp_path, start):
    prepare(tmp_path, bank_id="qichu-qifali")  # chosen last time
    async with start(banks=[THREE]) as pilot:
        assert pilot.app.screen.bank.id == "three"
    async with start(banks=()) as pilot:
        assert pilot.app.screen.bank.id == "qichu-qifali"  # without --bank: the one chosen last
