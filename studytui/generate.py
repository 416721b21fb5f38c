"""Formulations → questions: cloze, choice, multi, list, order and judge, with distractors.

Every question carries the sentence it came from, verbatim, as ``source``; a
cloze filled back gives that sentence. The same text and seed give the same bank.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from studytui import bank as model
from studytui.constants import BLANK
from studytui.formulations import NUMERALS, Analysis, Formulation, extract, lexicon
from studytui.text import han_count, leading_number, normalize

JUDGE_EVERY = 3
MAX_MULTI_TRUE = 4
_NUMERAL_RUN = re.compile(f"[{NUMERALS}]+")
_CN = "零一二三四五六七八九"


class GenerationError(ValueError):
    """The text cannot become a bank; the message says why, in Chinese."""


@dataclass
class Generated:
    bank: model.Bank
    analysis: Analysis

    def formulation_counts(self) -> Counter[str]:
        return Counter(f.kind for f in self.analysis.formulations)


def generate(
    text: str, *, title: str | None = None, seed: int = 0, bank_id: str = "", source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Generated:
    """A bank of questions on the key formulations of ``text``."""
    check_speech(text)
    analysis = extract(text, progress=progress)
    if not analysis.formulations:
        raise GenerationError("没有找到任何提法（引号术语、数字提法、标题、段首句、列举……），未生成题库")
    writer = _Writer(analysis, random.Random(seed))
    questions = writer.questions()
    bank = model.Bank(
        title=title or analysis.title or "讲话提法",
        id=bank_id,
        description="由 studytui 根据讲话原文自动生成" + (f"：{analysis.title}" if analysis.title else ""),
        source=source,
        tags=("generated",),
        sections=tuple(model.Section(s.id, s.title) for s in analysis.sections),
        questions=tuple(questions),
    )
    return Generated(bank, analysis)


def check_speech(text: str) -> None:
    if not text.strip():
        raise GenerationError("文件为空")
    chinese = han_count(text)
    if chinese < 20 or chinese < 0.3 * len(re.sub(r"\s", "", text)):
        raise GenerationError("不像中文讲话稿：几乎没有汉字")


# -- numerals -----------------------------------------------------------------------


def chinese_number(value: int) -> str:
    """1–99 in Chinese numerals (7 → 七, 13 → 十三, 60 → 六十); larger as digits."""
    if value >= 100:
        return str(value)
    tens, ones = divmod(value, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def numeral_variants(term: str) -> list[str]:
    """The term with its number changed: 七个有之 → 五个有之, 六个有之, 八个有之 …"""
    match = _NUMERAL_RUN.search(term)
    number = leading_number(match.group()) if match else None
    if number is None or not 1 <= number[0] <= 99:
        return []
    value, length = number
    start, end = match.start(), match.start() + length
    variants = []
    for other in sorted(range(max(1, value - 3), value + 4), key=lambda v: (abs(v - value), v)):
        if other != value:
            word = "两" if other == 2 and term[start:end] == "两" else chinese_number(other)
            variants.append(term[:start] + word + term[end:])
    return variants


# -- writing questions -------------------------------------------------------------


def _blank(sentence: str, answer: str) -> tuple[str, int]:
    return sentence.replace(answer, BLANK), sentence.count(answer)


class _Writer:
    def __init__(self, analysis: Analysis, rng: random.Random):
        self.analysis = analysis
        self.rng = rng
        self.text = normalize("".join(p.text for p in analysis.paragraphs))
        self.numbers: dict[str, int] = Counter()
        self.made: list[model.Question] = []
        self.titles = {s.id: s.title for s in analysis.sections}
        self.numbers_of = {s.id: s.number for s in analysis.sections}
        self.pools: dict[str, list[str]] = {"lexicon": [e for group in lexicon().values() for e in group]}
        for f in analysis.formulations:
            if f.kind not in ("heading", "lead"):
                self.pools.setdefault(f.kind, []).extend((f.text, *f.items))
        self.pools["any"] = [t for pool in self.pools.values() for t in pool]

    # ids, explanation, the question itself

    def add(self, f: Formulation, qtype: str, prompt: str, answer, **extra) -> None:
        section = f.section
        key = section or "s0"
        self.numbers[key] += 1
        self.made.append(model.Question(
            id=f"{key}-{self.numbers[key]:03d}", type=qtype, prompt=prompt, answer=answer,
            section=section, explanation=self.explain(f), source=f.sentence, tags=(f.kind,), **extra,
        ))

    def explain(self, f: Formulation) -> str:
        if f.section:
            where = f"出自第{chinese_number(self.numbers_of[f.section])}部分（{self.titles[f.section]}）"
        else:
            where = "出自讲话标题" if f.sentence == self.analysis.title else "出自讲话开头"
        return f"{where}。原文：{f.sentence}"

    def questions(self) -> list[model.Question]:
        writers = {"heading": self.heading, "lead": self.lead, "list": self.listing}
        for f in self.analysis.formulations:
            writers.get(f.kind, self.term)(f)
        self.heading_order()
        order = {s.id: i for i, s in enumerate(self.analysis.sections)}
        return sorted(self.made, key=lambda q: order.get(q.section, -1))

    # distractors

    def candidates(self, answer: str, kind: str) -> list[str]:
        """Distractor candidates, best first: changed numerals, then the same kind of
        formulation, then the lexicon, then anything; each tier of similar length."""
        tiers = [[v for v in numeral_variants(answer) if normalize(v) not in self.text]] if kind == "numbered" else []
        for pool, spread in ((kind, 1), ("lexicon", 1), ("any", 2)):
            tier = sorted({t for t in self.pools.get(pool, ()) if abs(len(t) - len(answer)) <= spread})
            self.rng.shuffle(tier)
            tiers.append(tier)
        return [option for tier in tiers for option in tier]

    def distractors(self, answer: str, sentence: str, kind: str, count: int = 3) -> list[str] | None:
        """Options that read like the answer but are wrong in the sentence."""
        pool = self.candidates(answer, kind)
        chosen: list[str] = []
        wanted = normalize(answer)
        for option in pool:
            key = normalize(option)
            if key == wanted or key in wanted or wanted in key or option in sentence:
                continue
            if any(normalize(c) == key for c in chosen):
                continue
            chosen.append(option)
            if len(chosen) == count:
                return chosen
        return None

    def options(self, answer: str, wrong: list[str]) -> tuple[str, ...]:
        options = [answer, *wrong]
        self.rng.shuffle(options)
        return tuple(options)

    # per kind

    def term(self, f: Formulation) -> None:
        prompt, blanks = _blank(f.sentence, f.text)
        if blanks == 0:
            return
        self.add(f, "cloze", prompt, (f.text,) * blanks)
        wrong = self.distractors(f.text, f.sentence, f.kind)
        if wrong is None or blanks != 1:
            return
        self.add(f, "choice", prompt, f.text, options=self.options(f.text, wrong))
        if len(self.made) % JUDGE_EVERY == 0:
            self.judge(f, wrong[0])
        parts = _parts(f.text)
        if len(parts) >= 3:
            self.add(f, "order", f"请按讲话原文的顺序排列这一提法的各部分：{prompt}", parts)

    def judge(self, f: Formulation, swapped: str) -> None:
        clause = _clause_with(f.sentence, f.text)
        statement = clause if self.rng.random() < 0.5 else clause.replace(f.text, swapped)
        self.add(f, "judge", f"以下说法是否符合讲话原文：{statement}", statement == clause)

    def listing(self, f: Formulation) -> None:
        items = list(f.items)
        prompt_context = f.sentence.replace(f.text, "……", 1)
        self.add(f, "list", f"写出讲话中“{_clause_with(prompt_context, '……')}”列举的各项。", tuple(items))
        shown = items if len(items) <= MAX_MULTI_TRUE else self.rng.sample(items, MAX_MULTI_TRUE)
        wrong = self.distractors(max(items, key=len), f.sentence, "list", count=2)
        if wrong:
            options = [*shown, *[w for w in wrong if w not in items]]
            self.rng.shuffle(options)
            self.add(f, "multi", f"讲话中“{_clause_with(prompt_context, '……')}”列举的包括哪些？", tuple(i for i in options if i in items), options=tuple(options))
        blanked = f.text if len(f.text) <= 20 else self.rng.choice(items)
        if f.sentence.count(blanked) == 1:
            self.add(f, "cloze", f.sentence.replace(blanked, BLANK), (blanked,))

    def heading(self, f: Formulation) -> None:
        sections = self.analysis.sections
        if f.section is None:
            others = [s.title for s in sections]
            if len(others) >= 3:
                wrong = self.rng.sample(others, 3)
                self.add(f, "choice", "这篇讲话的标题是？", f.text, options=self.options(f.text, wrong))
            return
        number = chinese_number(self.numbers_of[f.section])
        others = [s.title for s in sections if s.id != f.section]
        if len(others) >= 3:
            wrong = self.rng.sample(others, 3)
            self.add(f, "choice", f"讲话第{number}部分的标题是？", f.text, options=self.options(f.text, wrong))
        head, comma, rest = f.sentence.rpartition("，")
        if comma and len(rest) >= 4 and f.sentence.count(rest) == 1:
            self.add(f, "cloze", f"{head}，{BLANK}", (rest,))

    def heading_order(self) -> None:
        sections = self.analysis.sections
        if len(sections) >= 3:
            f = Formulation(sections[0].title, "heading", sections[0].line, None)
            self.add(f, "order", "请按讲话中的顺序排列各部分的标题。", tuple(s.title for s in sections))

    def lead(self, f: Formulation) -> None:
        if f.section is None:
            return
        others = [g.text for g in self.analysis.of_kind("lead") if g.section != f.section]
        if len(others) < 3:
            return
        wrong = self.rng.sample(others, 3)
        number = chinese_number(self.numbers_of[f.section])
        prompt = f"下列哪一项是讲话第{number}部分（{self.titles[f.section]}）提出的要点？"
        self.add(f, "choice", prompt, f.text, options=self.options(f.text, wrong))


def _parts(text: str) -> tuple[str, ...]:
    """The parts of a slogan: 不敢腐不能腐不想腐 → 不敢腐, 不能腐, 不想腐."""
    if "、" in text:
        return tuple(p.strip("“”") for p in text.split("、"))
    for size in (3, 2):
        pieces = [text[i:i + size] for i in range(0, len(text), size)]
        if len(text) % size == 0 and len(pieces) >= 3 and len(set(pieces)) == len(pieces):
            same_start = len({p[0] for p in pieces}) == 1
            same_end = len({p[-1] for p in pieces}) == 1 or len({p[1:] for p in pieces}) == 1
            if same_start or same_end:
                return tuple(pieces)
    return ()


def _clause_with(sentence: str, part: str) -> str:
    """The shortest run of clauses of ``sentence`` that holds ``part``, ending with 。."""
    if len(sentence) <= 60:
        return sentence
    clauses = re.split(r"(?<=[，；。！？])", sentence)
    for clause in clauses:
        if part in clause:
            return clause.rstrip("，；") + ("" if clause.endswith("。") else "。")
    return sentence
