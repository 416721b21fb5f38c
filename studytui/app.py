"""StudyApp: the screens on top of the host's state, and the flows the home screen asks
for; no quiz logic here."""

from __future__ import annotations

from collections.abc import Coroutine
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.worker import Worker, WorkerState

from studytui.host import Host
from studytui.room import NAME_WAIT
from studytui.screens.home import HomeScreen
from studytui.store import StoreError, open_store

if TYPE_CHECKING:
    from studytui.bankfile.bank import Bank
    from studytui.screens.banks import BanksScreen
    from studytui.screens.items import ItemsScreen
    from studytui.screens.reading import ReadingScreen  # its message's type; the screen loads with the flows

WAITING = "正在等待数据库…（另一个程序占用着它；作答先留在内存中，稍后自动保存，请勿退出）"
DISK_FULL = "磁盘已满：作答先留在内存中，腾出空间后自动保存"
RECONNECTING = "正在重新连接数据库…（作答先留在内存中，连上后自动保存，请勿退出）"
WAITING_FOR = {"full": DISK_FULL, "reconnecting": RECONNECTING}


class StudyApp(Host):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "studytui 提法学习"
    ENABLE_COMMAND_PALETTE = False  # every action has its key, shown in the footer
    BINDINGS = [
        Binding("question_mark", "help", "帮助", key_display="?", tooltip="本帮助（Esc、? 或 Q 关闭）"),
        Binding("ctrl+q", "quit", "退出", show=False, priority=True, tooltip="退出（在任何对话框里也可以）"),
    ]

    waiting = False
    """Whether the user was told that answers wait in memory for the database."""

    def on_mount(self) -> None:
        try:
            self.store = open_store(self.data, self._tell_broken)
        except StoreError as exc:
            self.exit(return_code=1, message=str(exc))
            return
        if self.store.read_only:
            self.notify(f"数据文件夹 {self.data} 只读：可以照常学习，但作答无法保存。", severity="warning", timeout=60)
        remembered = None if self.participant else self.store.setting("profile")
        if remembered and len(self.store.people()) <= 1:  # several people on one machine: asked who is there
            self.use_profile(remembered)
        if self.participant and (exam := _exam_code()) is not None:
            from studytui.flows import org_exam  # lazily, as every flow

            self.run_flow(org_exam.take(self, exam))  # signed in with a personal code; no home screen
        else:
            self.push_screen(HomeScreen())
        self.set_interval(1.0, self._save_unsaved)
        if self.participant:
            self.set_timer(NAME_WAIT, self._no_name_in_time)
            self.set_interval(2.0, self._still_mine)

    def _still_mine(self) -> None:
        """A participant's name taken over by another browser with its code: this session ends."""
        if self.room is not None and self.profile_name and not self.room.holds(self.profile_name):
            self.exit(message="你的名字已在另一个浏览器中继续使用，本会话已结束。")

    def _no_name_in_time(self) -> None:
        """A served session that nobody named within a minute ends: its seat is free again."""
        if self.profile_id is None:
            self.exit(message="一分钟内没有输入姓名，本次会话已结束；刷新页面可重新进入。")

    def _save_unsaved(self) -> None:
        """Answers kept in memory while another program holds the database: retried each
        second, and the user told once that they wait and once that they are saved."""
        if not self.store.unsaved:
            return
        if self.store.save_unsaved():
            self.notify("等待中的作答已保存。")
            self.waiting = False
        elif not self.waiting:
            self.waiting = True
            self.notify(WAITING_FOR.get(self.store.waiting_for or "", WAITING), severity="warning", timeout=10)

    def _tell_broken(self, path: Path, moved: Path, kept: int, names_lost: int = 0) -> None:
        lost = f"{names_lost} 人的姓名未能救回，其作答暂记在“恢复的用户…”名下。" if names_lost else ""
        self.notify(
            f"数据库 {path} 已损坏，已改名为 {moved.name}；从中救回 {kept} 条作答，已存入新建的数据库。{lost}",
            severity="error",
            timeout=30,
        )

    # -- flows ---------------------------------------------------------------------------

    def on_home_screen_mode_chosen(self, message: HomeScreen.ModeChosen) -> None:
        from studytui import flows  # lazily: the flows' screens and the generator are not needed to show home

        self.run_flow(flows.for_mode(self, message.mode, message.bank))

    def on_reading_screen_practise_chosen(self, message: ReadingScreen.PractiseChosen) -> None:
        from studytui.flows import study  # lazily, as above

        self.run_flow(study.study(self, message.bank, message.settings))

    # -- the instructor's desk: review (审题) and item analysis (题目分析) ----------------

    def on_banks_screen_review_chosen(self, message: BanksScreen.ReviewChosen) -> None:
        self.run_worker(
            partial(self._open_review, message.path, message.question_id), thread=True, group="review", exit_on_error=False
        )

    def on_items_screen_review_chosen(self, message: ItemsScreen.ReviewChosen) -> None:
        self.run_worker(
            partial(self._open_review, message.path, message.question_id), thread=True, group="review", exit_on_error=False
        )

    def _open_review(self, path: Path, question_id: str | None) -> None:
        """In a thread: the bank file read and scored (the speech read again when the bank
        records no scores), then the review shown."""
        from studytui.bankfile.review import ReviewError
        from studytui.bankfile.review_queue import open_queue
        from studytui.screens.review import ReviewScreen

        self.call_from_thread(self.notify, f"正在打开 {path.name} 审题……", timeout=3, markup=False)
        try:
            queue = open_queue(path, question_id)
        except ReviewError as exc:
            self.call_from_thread(self.notify, f"不能审题：{exc}", severity="error", markup=False, timeout=10)
            return
        self.call_from_thread(self.push_screen, ReviewScreen(queue), self._reviewed)

    def _reviewed(self, changed: bool | None) -> None:
        """A bank file changed in review: the banks are read again (in a worker, by the screen that lists them)."""
        from studytui.screens.banks import BanksScreen

        if changed:
            banks = next((s for s in self.screen_stack if isinstance(s, BanksScreen)), None)
            home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
            if banks is not None:
                banks.banks_changed()
            elif home is not None:
                home.load_banks()

    def on_banks_screen_items_chosen(self, message: BanksScreen.ItemsChosen) -> None:
        bank = next((e.bank for e in self.library.entries if Path(e.path) == message.path and e.bank is not None), None)
        if bank is not None:
            self.run_worker(partial(self._open_items, message.path, bank), thread=True, group="items", exit_on_error=False)

    def _open_items(self, path: Path, bank: Bank) -> None:
        """In a thread: every answer to the bank read from the store and each question analysed, then shown."""
        from studytui.items import analyse, every_question
        from studytui.screens.items import ItemsScreen
        from studytui.store.items import bank_answers

        bank = every_question(bank)
        analysed = analyse(bank, bank_answers(self.store, bank.id))
        self.call_from_thread(self.push_screen, ItemsScreen(path, bank.title, analysed))

    def run_flow(self, flow: Coroutine[Any, Any, None]) -> Worker[None]:
        """A flow is one coroutine that awaits its screens step by step (``push_screen_wait``
        needs a worker); its errors are told in ``on_worker_state_changed``."""
        return self.run_worker(flow, group="flow", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A flow's failure is told as a screen's is (``Host.tell_failure``): the app carries on."""
        if event.state == WorkerState.ERROR:
            self.tell_failure(event.worker.error)

    # -- keys everywhere -----------------------------------------------------------------

    async def action_quit(self) -> None:
        """In a served room, ending the session is asked first: the page cannot reopen it; and
        answers still waiting for the database are told before quitting."""
        from studytui.screens.dialogs import ConfirmDialog  # lazily: not needed to show home

        if self._store is not None and (waiting := self._store.unsaved_at_quit()) is not None:
            message, journalled = waiting
            if journalled:
                self.exit(message=message)
            elif not isinstance(self.screen, ConfirmDialog):
                self.push_screen(ConfirmDialog(message), lambda yes: self.exit() if yes else None)
            return
        if not self.participant:
            self.exit()
            return
        if not isinstance(self.screen, ConfirmDialog):
            self.push_screen(ConfirmDialog("结束本次答题？（已答的题都已保存）"), lambda yes: self.exit() if yes else None)

    def get_key_display(self, binding: Binding) -> str:
        """Footers name keys one way (``studytui.keys``): Esc, 空格, Shift+↑, not esc, space, shift+↑."""
        from studytui.keys import key_display

        return binding.key_display or key_display(binding.key)

    def action_help(self) -> None:
        from studytui.screens.help import HelpScreen  # lazily: its Markdown costs start-up time

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.BINDINGS))

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.save_unsaved()
            self._store.close()  # what still waits is journalled for the next start


def _exam_code() -> str | None:
    """The organisation-wide exam a served participant signs in to (``serve --exam``), if any."""
    from studytui.org_exam import exam_code  # lazily: only a served participant asks

    return exam_code()
