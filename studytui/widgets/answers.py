"""Answer widgets, one per question type. Each posts ``Answered(response)`` when
the user gives an answer, in the form ``quiz.grade_question`` takes."""

from __future__ import annotations

import random
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from studytui.bankfile.bank import Question
from studytui.constants import BLANK_RE
from studytui.widgets.text_input import TextInput


class Answered(Message):
    def __init__(self, response: Any) -> None:
        super().__init__()
        self.response = response


def pending(widget) -> Any:
    """What an answer widget holds but has not submitted (None if nothing): graded as it stands when time runs out."""
    return widget.pending() if hasattr(widget, "pending") else None


EMPTY_ANSWER = "还没有填写答案。再按一次回车表示不会（记为错误）。"
UNFILLED = "第 {} 空还没有填写。再按一次回车照现在的答案提交。"
NOTHING_PICKED = "还没有勾选。再按一次回车表示不会（记为错误）。"
NOTHING_MOVED = "还没有移动任何一项。再按一次回车按现在的顺序提交。"


class _AsksBeforeEmpty:
    """An answer with nothing in it (nothing typed, picked or moved) asks once more before
    it is submitted, so an Enter pressed one time too many answers nothing."""

    asked_empty = False
    EMPTY = EMPTY_ANSWER

    def submit_unless_empty(self, response: Any) -> None:
        if self.pending() is None and not self.asked_empty:
            self.asked_empty = True
            self.say(Label(self.EMPTY, classes="hint empty-answer"))
        else:
            self.post_message(Answered(response))

    def say(self, hint: Label) -> None:
        self.mount(hint)


class _TypedAnswer(_AsksBeforeEmpty, Vertical):
    """Typed answers."""

    DEFAULT_CSS = """
    _TypedAnswer {
        height: auto;
        max-height: 14;
    }

    _TypedAnswer Input.blank {
        margin: 0 0 0 0;
    }
    """


class ClozeAnswer(_TypedAnswer):
    """One input per blank; Enter moves to the next blank, and on the last submits."""

    asked_unfilled = False
    """Whether the blanks left empty have been named once (the next Enter submits as it is)."""

    def __init__(self, question: Question, **kwargs) -> None:
        super().__init__(**kwargs)
        self.blanks = len(BLANK_RE.findall(question.prompt))

    def compose(self):
        for i in range(self.blanks):
            label = f"第 {i + 1} 空" if self.blanks > 1 else "答案"
            yield TextInput(placeholder=f"{label}：输入后按回车", id=f"blank-{i}", classes="blank")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        unfilled = [number for number, blank in enumerate(inputs, 1) if not blank.value.strip()]
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        elif 0 < len(unfilled) < len(inputs) and not self.asked_unfilled:  # 加强、削弱、深化、停滞 all in the first
            self.asked_unfilled = True
            self.say(Label(UNFILLED.format("、".join(map(str, unfilled))), classes="hint empty-answer"))
            inputs[unfilled[0] - 1].focus()
        else:
            self.submit_unless_empty([i.value for i in inputs])

    def pending(self) -> list[str] | None:
        values = [i.value for i in self.query(Input)]
        return values if any(v.strip() for v in values) else None


class ListAnswer(_TypedAnswer):
    """``list`` questions: the items in one input, in any order."""

    def compose(self):
        yield TextInput(placeholder="逐项写出，用顿号、逗号或空格隔开，回车提交", classes="blank")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit_unless_empty(event.value)

    def pending(self) -> str | None:
        return self.query_one(Input).value.strip() or None


class _Options(OptionList):
    """A list of options answered with the keyboard (numbers, arrows, Enter) or the mouse.
    Where one option is the whole answer nothing is highlighted at first, so that an
    Enter pressed one time too many (the one that started the quiz) answers nothing."""

    STARTS_HIGHLIGHTED = True
    DEFAULT_CSS = """
    _Options {
        height: auto;
        max-height: 14;
    }
    """

    def __init__(self, question: Question, options: list[str], **kwargs) -> None:
        self.question = question
        self.texts = options
        super().__init__(*[Option(self.label(i, text)) for i, text in enumerate(options)], **kwargs)

    def label(self, index: int, text: str) -> Text:
        return Text(f"{index + 1}. {text}")

    def on_mount(self) -> None:
        self.highlighted = 0 if self.STARTS_HIGHLIGHTED else None  # OptionList highlights its first
        self.focus()

    def action_number(self, number: int) -> None:
        if number <= len(self.texts):
            self.highlighted = number - 1
            self.pick(number - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)

    def pick(self, index: int) -> None:
        raise NotImplementedError


def _number_keys(what: str) -> list[Binding]:
    return [Binding(str(n), f"number({n})", show=False, tooltip=what) for n in range(1, 10)]


class ChoiceAnswer(_Options):
    BINDINGS = _number_keys("单选：选择")
    STARTS_HIGHLIGHTED = False

    def pick(self, index: int) -> None:
        self.post_message(Answered(self.texts[index]))


class JudgeAnswer(_Options):
    BINDINGS = [
        Binding("y", "number(1)", "对", show=False, tooltip="判断题：对"),
        Binding("n", "number(2)", "错", show=False, tooltip="判断题：错"),
        *_number_keys("判断题：1 对，2 错")[:2],
    ]
    STARTS_HIGHLIGHTED = False

    def __init__(self, question: Question, **kwargs) -> None:
        super().__init__(question, ["对（Y）", "错（N）"], **kwargs)

    def label(self, index: int, text: str) -> Text:
        return Text(text)

    def pick(self, index: int) -> None:
        self.post_message(Answered(index == 0))


class _PickedAnswer(_AsksBeforeEmpty, _Options):
    """Options answered by picking or moving several: the question to ask shows below the list."""

    def say(self, hint: Label) -> None:
        self.parent.mount(hint, after=self)


class MultiAnswer(_PickedAnswer):
    """Choose every right option: numbers, Space or a click toggle; Enter submits."""

    BINDINGS = [
        *_number_keys("多选：勾选或取消"),
        Binding("space", "toggle_highlighted", "勾选", tooltip="多选：勾选或取消"),
        Binding("enter", "submit", "提交", tooltip="多选：提交"),
    ]
    EMPTY = NOTHING_PICKED

    def __init__(self, question: Question, options: list[str], **kwargs) -> None:
        self.chosen: set[int] = set()
        super().__init__(question, options, **kwargs)

    def label(self, index: int, text: str) -> Text:
        mark = "■" if index in getattr(self, "chosen", ()) else "□"
        return Text(f"{mark} {index + 1}. {text}")

    def pick(self, index: int) -> None:
        self.chosen ^= {index}
        self.replace_option_prompt_at_index(index, self.label(index, self.texts[index]))

    def action_toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_submit(self) -> None:
        self.submit_unless_empty([self.texts[i] for i in sorted(self.chosen)])

    def pending(self) -> list[str] | None:
        return [self.texts[i] for i in sorted(self.chosen)] or None


class OrderAnswer(_PickedAnswer):
    """Put the items in order: ↑↓ choose an item, Shift+↑↓ (or U/D) move it, Enter submits."""

    BINDINGS = [
        Binding("shift+up,u", "move(-1)", "上移", tooltip="排序题：上移选中的项"),
        Binding("shift+down,d", "move(1)", "下移", tooltip="排序题：下移选中的项"),
        Binding("enter", "submit", "提交", tooltip="排序题：提交"),
    ]
    EMPTY = NOTHING_MOVED
    moved = False

    def action_move(self, step: int) -> None:
        index = self.highlighted
        if index is None or not 0 <= index + step < len(self.texts):
            return
        other = index + step
        self.moved = True
        self.texts[index], self.texts[other] = self.texts[other], self.texts[index]
        for i in (index, other):
            self.replace_option_prompt_at_index(i, self.label(i, self.texts[i]))
        self.highlighted = other

    def pick(self, index: int) -> None:
        """A click or Enter on an item only chooses it; Enter submits through the binding."""

    def action_submit(self) -> None:
        self.submit_unless_empty(list(self.texts))

    def pending(self) -> list[str] | None:
        """The order as it stands, once the learner has moved an item."""
        return list(self.texts) if self.moved else None


def answer_widget(question: Question, rng: random.Random):
    """The widget that takes an answer to ``question``."""
    kind = question.type
    if kind == "cloze":
        return ClozeAnswer(question, classes="answer")
    if kind == "list":
        return ListAnswer(classes="answer")
    if kind == "judge":
        return JudgeAnswer(question, classes="answer")
    if kind == "order":
        items = list(question.answer)
        while len(items) > 1 and items == list(question.answer):
            rng.shuffle(items)
        return OrderAnswer(question, items, classes="answer")
    options = list(question.options)
    rng.shuffle(options)  # a hand-written bank's first option is often its answer
    widget = ChoiceAnswer if kind == "choice" else MultiAnswer
    return widget(question, options, classes="answer")


def _items_wanted(question: Question) -> str:
    """How many items a list question wants (共 5 项, or 共 5 项，写出任意 3 项即可)."""
    wanted = f"共 {len(question.answer)} 项"
    return f"{wanted}，写出任意 {question.min_items} 项即可" if question.min_items else wanted


def hint(question: Question) -> Label:
    text = {
        "cloze": "在空里输入答案，回车提交",
        "list": "逐项写出，顺序不限，回车提交",
        "choice": "按数字键或点击选择",
        "judge": "按 Y（对）或 N（错）",
        "multi": "数字键/空格勾选，回车提交",
        "order": "↑↓ 选中，Shift+↑↓ 或 U/D 移动，回车提交",
    }[question.type]
    if question.type == "list":
        text = f"{_items_wanted(question)}，{text}"
    return Label(text, classes="hint")
