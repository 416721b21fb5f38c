"""审题 review: a bank's questions one at a time, weakest first by the generator's score,
each shown as a learner sees it with its answer, its source sentence (the blank marked)
and its score; K keeps, D discards (Z undoes that), E edits. Every decision is written into
the bank file at once (``bankfile.review``). Dismissed with True when the file changed."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, Static

from studytui.bankfile.bank import Question
from studytui.bankfile.review_queue import (
    BLANK_SEPARATOR,
    ITEM_SEPARATOR,
    ReviewQueue,
    change_from_fields,
    edit_fields,
    marked_source,
)
from studytui.constants import TYPE_NAMES
from studytui.vocabulary import QuestionType
from studytui.widgets.wrap import Prose
from studytui.widgets.header import Header
from studytui.widgets.text_input import TextInput

LETTERS = "ABCDEFGHIJ"
FIELD_NAMES = {"prompt": "题干", "answer": "答案", "accept": "其他可接受的答案", "options": "选项"}


class ReviewScreen(Screen[bool]):
    BINDINGS = [
        Binding("k", "keep", "保留"),
        Binding("d", "discard", "删除"),
        Binding("z", "undo_discard", "撤销删除"),
        Binding("e", "edit", "修改"),
        Binding("left", "move(-1)", "上一题", key_display="←", priority=True),
        Binding("right", "move(1)", "下一题", key_display="→", priority=True),
        Binding("f", "filter", "只看未审"),
        Binding("escape", "close", "返回"),
    ]

    def __init__(self, queue: ReviewQueue) -> None:
        super().__init__()
        self.queue = queue
        self.changed = False

    def compose(self):
        yield Header()
        with Vertical(id="review-page"):
            yield Label("", id="review-status")
            with VerticalScroll(id="review-body"):
                yield Prose(Text(), id="review-question")
            yield Static("", id="review-problem", classes="error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"审题：{self.queue.review.bank.title}"
        self.show()

    def show(self) -> None:
        queue = self.queue
        order = queue.order()
        where = f"第 {queue.position + 1}/{len(order)} 题" if order else "没有题目"
        shown = "只看未审" if queue.unreviewed_only else "全部"
        self.query_one("#review-status", Label).update(Text(f"{queue.progress}　{where}（{shown}，生成分数从低到高）"))
        question = queue.current
        body = question_text(question, queue.scores.get(question.id)) if question else Text(_done(queue))
        prose = self.query_one("#review-question", Prose)
        prose.text = body
        prose.refresh(layout=True)
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)

    def said(self, problems: list[str], done: str) -> None:
        """A decision's outcome: the file changed and the next question shown, or why not."""
        self.query_one("#review-problem", Static).update(Text("未保存：" + "；".join(problems)) if problems else "")
        if not problems:
            self.changed = True
            self.notify(done, timeout=2, markup=False)
        self.show()

    def action_keep(self) -> None:
        if (question := self.queue.current) is not None:
            self.said(self.queue.keep(), f"已保留 {question.id}")

    def action_discard(self) -> None:
        if (question := self.queue.current) is not None:
            self.said(
                self.queue.discard(), f"已删除 {question.id}（Z 撤销；审题前的文件保存在 {self.queue.review.path.name}.bak）"
            )

    def action_undo_discard(self) -> None:
        deleted = self.queue.discarded
        self.said(self.queue.undo_discard(), f"已撤销删除 {deleted}")

    def action_edit(self) -> None:
        question = self.queue.current
        if question is None:
            return

        def save(fields: dict[str, str]) -> list[str]:
            change = change_from_fields(question, fields)
            problems = [change] if isinstance(change, str) else self.queue.edit(change)
            if not problems:
                self.said([], f"已修改并保留 {question.id}")
            return problems

        self.app.push_screen(EditDialog(question, save))

    def action_move(self, step: int) -> None:
        self.queue.move(step)
        self.query_one("#review-problem", Static).update("")
        self.show()

    def action_filter(self) -> None:
        self.queue.toggle_filter()
        self.show()

    def action_close(self) -> None:
        self.dismiss(self.changed)


def _done(queue: ReviewQueue) -> str:
    if queue.unreviewed_only:
        return "没有未审的题了。按 F 查看全部题目，Esc 返回。"
    return "题库中没有题目。"


def question_text(q: Question, score: int | None) -> Text:
    """The question as a learner sees it, then what the instructor checks."""
    text = Text()
    text.append(f"[{TYPE_NAMES[q.type]}] {q.id}", style="bold")
    text.append(f"　生成分数 {score if score is not None else '—'}")
    text.append("　✔ 已审" if q.reviewed else "　○ 未审", style="green" if q.reviewed else "yellow")
    text.append("\n\n")
    text.append(q.prompt + "\n")
    for letter, option in zip(LETTERS, q.options):
        text.append(f"  {letter}. {option}\n")
    if q.type == QuestionType.JUDGE:
        text.append("  对 / 错\n")
    _field(text, "答案", edit_fields(q)["answer"], "bold green")
    if q.type == QuestionType.CLOZE and any(q.accept):
        _field(text, "其他可接受的答案", BLANK_SEPARATOR.join(ITEM_SEPARATOR.join(a) for a in q.accept))
    if q.source:
        text.append("\n原句：", style="bold")
        for piece, marked in marked_source(q):
            text.append(f"【{piece}】" if marked else piece, style="bold reverse" if marked else "")
        text.append("\n")
    if q.explanation:
        _field(text, "解析", q.explanation)
    if q.tags:
        _field(text, "标签", "、".join(q.tags), "dim")
    return text


def _field(text: Text, name: str, value: str, style: str = "") -> None:
    text.append(f"\n{name}：", style="bold")
    text.append(value + "\n", style=style)


class EditDialog(ModalScreen[None]):
    """The question's fields, one line each; Enter saves through ``save``, which says why
    an edit cannot be saved (the bank's own validation) and leaves the dialog open."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, question: Question, save) -> None:
        super().__init__()
        self.question, self.save = question, save

    def compose(self):
        with VerticalScroll(classes="dialog", id="edit-dialog"):
            yield Label(Text(f"修改 {self.question.id}（{TYPE_NAMES[self.question.type]}）"), classes="dialog-text")
            for key, value in edit_fields(self.question).items():
                yield Label(FIELD_NAMES[key])
                yield TextInput(value, id=f"edit-{key}", select_on_focus=False)
            yield Static("", id="edit-problem", classes="error")
            yield Label(_hint(self.question), classes="hint")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = {input.id.removeprefix("edit-"): input.value for input in self.query(Input) if input.id}
        problems = self.save(fields)
        if problems:
            self.query_one("#edit-problem", Static).update(Text("未保存：" + "；".join(problems)))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _hint(q: Question) -> str:
    parts = ["回车保存（先按题库的规则校验），Esc 取消"]
    if q.type == QuestionType.CLOZE:
        parts.append("几个空之间用 / 隔开，同一空的几个答案用 | 隔开")
    elif q.type == QuestionType.JUDGE:
        parts.append("答案写“对”或“错”")
    else:
        parts.append("各项之间用 | 隔开")
    return "；".join(parts)
