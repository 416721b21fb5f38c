"""A room in browsers: ``studytui serve``, two pages in headless Chromium (Playwright)
take the same class quiz by typing into the page; both are found in the leaderboard's
ranking and in the store, nothing lost."""

import socket
import subprocess
import sys
import time
from pathlib import Path

from studytui import loader
from studytui.quiz import class_code, find_bank, parse_code, pick_questions
from studytui.store import open_store

THREE = Path(__file__).parent / "data" / "three.yaml"
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"studytui serve did not listen on {port}")


def wait_until(condition, timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_two_browsers_take_the_same_class_quiz(tmp_path):
    from playwright.sync_api import sync_playwright

    three = loader.load(THREE)
    code = class_code(three, seed=7, count=3, minutes=10)
    quiz = parse_code(code)
    questions = pick_questions(find_bank(quiz, [three]), quiz.settings())
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "studytui", "serve", "--port", str(port), "--data-dir", str(tmp_path), "--bank", str(THREE)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    answers = {"王一": [q.answer[0] for q in questions], "李二": [questions[0].answer[0], "不知道", questions[2].answer[0]]}
    try:
        wait_for_port(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            )
            pages = {name: browser.new_page(viewport={"width": 1100, "height": 700}) for name in answers}
            for page in pages.values():
                page.goto(f"http://127.0.0.1:{port}/")
            store = open_store(tmp_path)

            def started(name):
                return store.db.execute(
                    "SELECT count(*) FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE p.name = ? AND s.quiz_code = ?",
                    (name, code)).fetchone()[0]

            def answered(name):
                return store.db.execute(
                    "SELECT count(*) FROM answers a JOIN profiles p ON p.id = a.profile_id WHERE p.name = ?", (name,)).fetchone()[0]

            for name, page in pages.items():
                for _ in range(5):  # until the served app is up and has taken the name
                    page.wait_for_timeout(1500)
                    page.locator("body").click()
                    page.keyboard.type(name)
                    page.keyboard.press("Enter")
                    try:
                        wait_until(lambda: name in store.profiles(), timeout=5, what=f"{name} in the store")
                        break
                    except AssertionError:
                        continue
            for name, page in pages.items():
                page.wait_for_timeout(1000)
                page.keyboard.press("c")  # 班级测验
                page.wait_for_timeout(1000)
                page.keyboard.press("Enter")  # 参加测验
                page.wait_for_timeout(1000)
                page.keyboard.type(code)
                page.keyboard.press("Enter")
                wait_until(lambda: started(name) == 1, what=f"{name}'s class quiz session")
            for index in range(len(questions)):
                for name, page in pages.items():
                    page.wait_for_timeout(300)
                    page.keyboard.type(answers[name][index])
                    page.keyboard.press("Enter")
                    wait_until(lambda: answered(name) == index + 1, what=f"{name}'s answer {index + 1}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    ranking = store.ranking(quiz_code=code)
    assert [(r["name"], r["score"], r["answered"]) for r in ranking] == [("王一", 3.0, 3), ("李二", 2.0, 3)]
    typed = [(r["profile"], r["typed"]) for r in store.export_rows(code)]
    assert sorted(typed) == sorted((name, text) for name, texts in answers.items() for text in texts)
