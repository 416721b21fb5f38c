"""Showing a question, and what a graded answer got right and wrong."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from studytui.bankfile.bank import Question
from studytui.constants import TYPE_NAMES
from studytui.grading import CLOSE, CORRECT, WRONG, Grade, describe, format_score
from studytui.widgets.wrap import Prose

VERDICT_LABELS = {CORRECT: "✔ 正确", WRONG: "✘ 错误"}
PARTIAL_LABEL = "◐ 部分正确"
# Each mark is more than a colour (underline, strike, brackets), so it shows under NO_COLOR too.
_STYLES = {"同音字": "bold yellow underline", "多字": "bold red strike", "少字": "bold green", "错字": "bold red underline"}


SLIPS_SHOWN = 4


def _slips(grade: Grade) -> list[str]:
    """What each slip was, at most SLIPS_SHOWN then ……; none for a wrong answer of more slips
    than that: it is another answer, not a slip, and the right answer shown says enough."""
    slips = list(dict.fromkeys(describe(d) for d in grade.differences))
    if len(slips) <= SLIPS_SHOWN:
        return slips
    return [] if grade.verdict == WRONG else [*slips[:SLIPS_SHOWN], "……"]


class QuestionCard(Prose):
    """The question: its type, section and prompt."""

    def __init__(self, question: Question, section_title: str, **kwargs) -> None:
        text = Text()
        text.append(f"【{TYPE_NAMES[question.type]}】", style="bold")
        if section_title:
            text.append(f" {section_title}", style="dim")
        text.append("\n\n")
        text.append(question.prompt)
        super().__init__(text, **kwargs)


def marked_picks(grade: Grade, picks: list[str]) -> Text:
    """Multi: each pick, ✔ when right and ✘ struck through when wrong; then ［漏选：…］."""
    text = Text()
    for index, pick in enumerate(picks):
        text.append("、" if index else "")
        wrong = pick in grade.extra
        text.append(("✘" if wrong else "✔") + pick, style="bold red strike" if wrong else "green")
    if grade.missing:
        text.append("　［漏选：" + "、".join(grade.missing) + "］", style="bold yellow underline")
    return text


def marked_answer(grade: Grade) -> Text:
    """The typed answer with each wrong, extra or missing character marked."""
    typed = grade.answer
    text = Text()
    position = 0
    for diff in sorted(grade.differences, key=lambda d: (d.span[0], d.kind != "delete")):
        start, end = diff.span
        if start < position:
            continue
        text.append(typed[position:start])
        style = _STYLES.get(diff.reason, "bold red underline")
        if diff.kind == "delete":
            text.append(f"［{diff.expected}］", style=style)
        else:
            text.append(typed[start:end], style=style)
        position = end
    text.append(typed[position:])
    return text


class Feedback(Vertical):
    """The verdict in colour, the marked answer with reasons, the right answer,
    the source sentence and the explanation."""

    DEFAULT_CSS = """
    Feedback {
        height: auto;
    }

    Feedback .verdict {
        text-style: bold;
    }

    Feedback .verdict.correct {
        color: $success;
    }

    Feedback .verdict.close {
        color: $warning;
    }

    Feedback .verdict.wrong {
        color: $error;
    }

    Feedback .reasons, Feedback .source, Feedback .explanation {
        color: $text-muted;
    }
    """

    def __init__(self, grade: Grade, question: Question, right_answer: str, typed: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grade = grade
        self.question = question
        self.right_answer = right_answer
        self.typed = typed

    def marked_typed(self) -> Text:
        """What was answered, each wrong character, item or pick marked."""
        grade, kind = self.grade, self.question.type
        if not self.typed:
            return Text("（未作答）")
        if kind == "multi":
            picks = [
                o for o in self.question.options if o in grade.extra or (o in self.question.answer and o not in grade.missing)
            ]
            return marked_picks(grade, picks)
        if kind == "cloze" and grade.differences and not _slips(grade):
            return Text(self.typed)  # another answer, not a slip: nothing in it to mark
        if kind in ("cloze", "list") and grade.parts and (grade.differences or grade.extra):
            text = Text()
            for index, part in enumerate(grade.parts):
                text.append((" / " if kind == "cloze" else "、") if index else "")
                text.append_text(marked_answer(part))
            for item in grade.extra:
                text.append("、" if len(text) else "")
                text.append(item, style="bold red strike")
            return text
        if kind == "cloze" and grade.differences:
            return marked_answer(grade)
        return Text(self.typed)

    def compose(self):
        grade, question = self.grade, self.question
        verdict = grade.verdict
        partial = verdict == CLOSE and (question.type in ("multi", "order", "list") or len(grade.parts) > 1)
        label = PARTIAL_LABEL if partial else verdict_label(grade)
        yield Static(Text(f"{label}　得分 {format_score(grade.score)}"), classes=f"verdict {verdict}")
        yield Prose(Text("你的答案：").append_text(self.marked_typed()), classes="typed")
        picked = question.type == "multi"
        reasons = _slips(grade)
        if grade.missing:
            reasons.append(("漏选：" if picked else "漏写：") + "、".join(grade.missing))
        if grade.extra:
            reasons.append(("错选：" if picked else "多写或写错：") + "、".join(grade.extra))
        if reasons and verdict != CORRECT:
            yield Prose(Text("；".join(reasons)), classes="reasons")
        if verdict != CORRECT:
            yield Prose(Text.assemble("正确答案：", (self.right_answer, "bold green")), classes="right")
        explanation, source = question.explanation, question.source
        if source and source not in explanation:
            yield Prose(Text(f"原文：{source}"), classes="source")
        if explanation:
            yield Prose(Text(f"解析：{explanation}"), classes="explanation")


def verdict_label(grade: Grade) -> str:
    """The verdict in words that match the score: a slip is 已接受 only when it scores in full."""
    if grade.verdict != CLOSE:
        return VERDICT_LABELS[grade.verdict]
    scored = "已接受" if grade.score >= 1 else "不得分" if grade.score <= 0 else "得部分分"
    return f"≈ 接近（输入法笔误，{scored}）"
