"""Banks: every bank found, its source, counts per type and problems; a preview of
its questions; and generating a bank from a speech. Dismissed with True when the
list of banks changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widgets import DataTable, Footer, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from studytui.bankfile.bank import Bank
from studytui.constants import TYPE_NAMES, TYPES
from studytui.library import CannotGenerate, Shelf, generate_into_library, generated_bank_path
from studytui.screens.working import WorkingScreen
from studytui.widgets.header import Header

PREVIEW_QUESTIONS = 2000
TITLE_CELLS = 30
SOURCE_CELLS = 20


def clip(text: str, cells: int) -> Text:
    """``text`` in at most ``cells`` terminal cells, ending in … when cut."""
    return Text(text if cell_len(text) <= cells else set_cell_size(text, cells - 1) + "…")


class BanksScreen(WorkingScreen[bool]):
    BINDINGS = [
        Binding("escape,h", "close", "返回"),
        Binding("g", "generate", "从讲话生成", tooltip="从讲话稿生成题库"),
        Binding("r", "review", "审题", tooltip="审题：保留、删除或修改选中题库的题"),
        Binding("i", "items", "题目分析", tooltip="题目分析（每道题的答对率、区分度、申诉和常见错答）"),
    ]

    @dataclass
    class ReviewChosen(Message):
        """Review a bank file's questions; the app opens it (``question_id``: start there)."""

        path: Path
        question_id: str | None = None

    @dataclass
    class ItemsChosen(Message):
        """How each question of a bank performed; the app asks the store."""

        path: Path

    @dataclass
    class BanksRead(Message):
        """The bank folders, read again off the UI thread."""

        shelf: Shelf

    @dataclass
    class Progress(Message):
        """How far generating has come: ``done`` of ``total`` steps."""

        done: int
        total: int

    @dataclass
    class Generated(Message):
        """A bank was generated into ``target`` (``count`` questions), and the banks read again."""

        target: Path
        count: int
        shelf: Shelf

    @dataclass
    class NotGenerated(Message):
        """Generating failed; ``reason`` says why, in Chinese."""

        reason: str

    generating: var[bool] = var(False, init=False)
    """Whether a bank is being generated (its progress bar shows)."""
    changed = False
    """Whether the list of banks changed (a bank generated): what the screen is dismissed with."""

    def __init__(self, chosen: Bank | None = None) -> None:
        super().__init__()
        self.chosen = chosen
        """The bank chosen on the home screen: the cursor opens on it, so R reviews what was chosen."""

    def compose(self):
        yield Header()
        with Vertical(id="banks-page"):
            yield DataTable(id="banks-table", cursor_type="row", zebra_stripes=True)
            yield ProgressBar(id="generate-progress", show_eta=False)
            yield Label("预览（↑↓ 选择题库；Tab 到预览，↑↓ 滚动）", classes="heading")
            with VerticalScroll(id="bank-preview"):
                yield Static("", id="bank-preview-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#banks-table", DataTable)
        table.add_columns("题库", "题数", *[TYPE_NAMES[t] for t in TYPES], "来源", "问题")
        self.watch_generating(False)
        self.fill(next((Path(e.path) for e in self.app.library.entries if e.bank is self.chosen), None))
        table.focus()

    def fill(self, chosen: Path | None = None) -> None:
        """A row for every bank, the cursor on ``chosen`` (a bank just generated, or the one chosen at home) or where it was."""
        table = self.query_one("#banks-table", DataTable)
        row = table.cursor_row
        table.clear()
        for entry in self.app.library.entries:
            bank = entry.bank
            problems = Text(str(len(entry.errors)) if entry.errors else "—", style="red" if entry.errors else "")
            if bank is None:
                table.add_row(Text(Path(entry.path).name), "—", *["—"] * len(TYPES), "", problems)
                continue
            counts = bank.type_counts()
            source = clip(Path(bank.source).name if bank.source else Path(entry.path).name, SOURCE_CELLS)
            table.add_row(clip(bank.title, TITLE_CELLS), len(bank.questions), *[counts[t] or "" for t in TYPES], source, problems)
        paths = [Path(entry.path).resolve() for entry in self.app.library.entries]
        if chosen is not None and chosen.resolve() in paths:
            row = paths.index(chosen.resolve())
        if paths:
            table.move_cursor(row=min(row, len(paths) - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        entries = self.app.library.entries
        if event.cursor_row >= len(entries):
            return
        entry = entries[event.cursor_row]
        preview = self.query_one("#bank-preview-text", Static)
        name = Path(entry.path).name
        if entry.bank is None:
            preview.update(Text("\n".join(f"{name} 第 {p.line} 行：{p.message}" for p in entry.problems), style="red"))
            return
        lines = Text()
        lines.append(f"{name}\n", style="dim")
        for problem in entry.warnings:
            lines.append(f"警告：{problem.message}\n", style="yellow")
        for q in entry.bank.questions[:PREVIEW_QUESTIONS]:
            lines.append(f"[{TYPE_NAMES[q.type]}] ", style="bold")
            lines.append(f"{q.id}  {q.prompt[:60]}\n")
        if len(entry.bank.questions) > PREVIEW_QUESTIONS:
            lines.append(f"……共 {len(entry.bank.questions)} 题", style="dim")
        preview.update(lines)

    def check_action(self, action: str, parameters) -> bool | None:
        """A participant in a served room does not generate, review or judge banks: the keys are not shown."""
        return not (action in ("generate", "review", "items") and self.app.participant)

    def chosen_path(self) -> Path | None:
        """The file of the bank chosen in the table, when it holds a bank."""
        entries, row = self.app.library.entries, self.query_one("#banks-table", DataTable).cursor_row
        return Path(entries[row].path) if 0 <= row < len(entries) and entries[row].bank is not None else None

    def action_review(self) -> None:
        if not self.app.participant and (path := self.chosen_path()) is not None:
            self.post_message(self.ReviewChosen(path))

    def action_items(self) -> None:
        if not self.app.participant and (path := self.chosen_path()) is not None:
            self.post_message(self.ItemsChosen(path))

    def banks_changed(self) -> None:
        """A bank file was changed under this screen (reviewed): the list is read again, in a worker."""
        self.changed = True
        self.read_banks()

    @work(thread=True, exclusive=True, group="banks", exit_on_error=False)
    def read_banks(self) -> None:
        self.post_message(self.BanksRead(self.app.library.read()))

    def on_banks_screen_banks_read(self, message: BanksRead) -> None:
        self.app.library.use(message.shelf)
        self.fill()

    def action_generate(self) -> None:
        from studytui.screens.dialogs import TextDialog

        if self.app.participant:
            self.notify("参加者模式下不能生成题库。", severity="warning")
            return

        def check(text: str) -> str | None:
            path = Path(text).expanduser()
            return None if path.is_file() else f"找不到文件：{text}"

        self.app.push_screen(TextDialog("讲话稿文件（.txt）的路径", "/path/to/speech.txt", check), self.start_generating)

    def target(self, speech: Path) -> Path:
        return generated_bank_path(self.app.data, speech)

    def start_generating(self, path: str | None) -> None:
        """Generate from the speech, asking first when that would replace a bank in banks/."""
        from studytui.screens.dialogs import ConfirmDialog

        if not path:
            return
        speech = Path(path).expanduser()
        target = self.target(speech)
        if not target.exists():
            self.show_progress_and_generate(speech)
            return

        def replace(yes: bool | None) -> None:
            if yes:
                self.show_progress_and_generate(speech)

        question = f"题库文件 {target.name} 已经存在。用新生成的题库替换它吗？"
        self.app.push_screen(ConfirmDialog(question, "替换（Y）", "取消（N）"), replace)

    def show_progress_and_generate(self, speech: Path) -> None:
        self.query_one("#generate-progress", ProgressBar).update(total=100, progress=0)
        self.generating = True
        self.generate(speech)

    def watch_generating(self, generating: bool) -> None:
        self.query_one("#generate-progress").display = generating

    @work(thread=True, exclusive=True, group="generate", exit_on_error=False)
    def generate(self, speech: Path) -> None:
        """Generate in a thread, then read the banks again there; what comes of it is posted back
        as messages, and the library takes the banks read on the UI thread (never here)."""

        def progress(done: int, total: int) -> None:
            self.post_message(self.Progress(done, total))

        try:
            target, count = generate_into_library(self.app.data, speech, progress)
        except CannotGenerate as exc:
            self.post_message(self.NotGenerated(str(exc)))
            return
        self.post_message(self.Generated(target, count, self.app.library.read()))

    def on_banks_screen_progress(self, message: Progress) -> None:
        self.query_one("#generate-progress", ProgressBar).update(total=message.total, progress=message.done)

    def on_banks_screen_generated(self, message: Generated) -> None:
        self.generating = False
        self.changed = True
        self.app.library.use(message.shelf)
        self.fill(chosen=message.target)
        self.notify(f"已生成 {message.count} 道题，保存在 {message.target}", markup=False)

    def on_banks_screen_not_generated(self, message: NotGenerated) -> None:
        self.generating = False
        self.notify(f"未能生成：{message.reason}", severity="error", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failure the generator did not foresee hides the progress bar too (the app tells it)."""
        if event.state == WorkerState.ERROR:
            self.generating = False

    def action_close(self) -> None:
        self.dismiss(self.changed)
