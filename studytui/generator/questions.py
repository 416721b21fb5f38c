"""Formulations → questions: cloze, choice, list and order, with distractors.

Every question carries the sentence it came from, verbatim, as ``source``; a
cloze filled back gives that sentence. The same text and seed give the same bank.
No multi-select and no true-or-false: exam-setters kept 9% and 26% of those the
generator wrote (benchmarks/ratings/, rounds 1–9), as wrong options that fit a blank
as well as the right ones, and false statements false for a reason beside the point,
are not to be had from one speech. A bank an instructor writes may hold both.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from studytui.bankfile import bank as model
from studytui.bankfile import validation
from studytui.generator import checks, selection
from studytui.constants import BLANK, ELLIPSIS
from studytui.generator.cued import (
    both_and,
    clause_run,
    comment_blanks,
    deadline_blanks,
    demanded_blanks,
    framed_pair,
    framed_words,
    hinged_blank,
    one_character_blanks,
    opening_once,
    run_of_ends,
    run_of_heads,
    run_of_keys,
    run_of_maxims,
    run_of_quoted_terms,
)
from studytui.generator.clauses import held_by_frame_only
from studytui.generator.sayings import COMMENT
from studytui.generator.blanks import (
    FRAME_WORDS,
    PAIR,
    SHORT_BLANK,
    definition_blank,
    lead_cut,
    order_parts,
    second_half,
    verdict,
)
from studytui.generator.formulations import (
    OPENING_PARAGRAPHS,
    REVIEWS,
    Analysis,
    Formulation,
    extract,
    names_stages,
    quoted_terms,
    without_verb,
)
from studytui.generator.lexicon import fields, lexicon, points
from studytui.generator.numerals import chinese_number, measure, named_by_its_count, numeral_variants
from studytui.generator.options import fits_like, likeness, neighbours
from studytui.generator.people import named, subject
from studytui.generator.stems import stem
from studytui.generator.structure import without_marker
from studytui.generator.words import is_verb, known_words, words
from studytui.text import full_width_punctuation, han_count, normalize

MAX_OFFERED = 2  # a distractor offered more often makes the bank's choices look alike
NOTHING_TO_ASK = "没有找到可以出题的提法"
SHORT_LEAD = 8


class GenerationError(ValueError):
    """The text cannot become a bank; the message says why, in Chinese."""


@dataclass
class Generated:
    bank: model.Bank
    analysis: Analysis
    dropped: int = 0  # questions left out because the bank would not have validated
    rejected: int = 0  # questions left out because they failed a check (studytui.generator.checks)

    def formulation_counts(self) -> Counter[str]:
        return Counter(f.kind for f in self.analysis.formulations)


def generate(
    text: str,
    *,
    title: str | None = None,
    seed: int = 0,
    bank_id: str = "",
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Generated:
    """A bank of questions on the key formulations of ``text``; one that validates.

    Raises GenerationError, and nothing else, when the text holds nothing to ask."""
    check_speech(text)
    text = full_width_punctuation(text)
    with known_words(quoted_terms(text)):
        analysis = extract(text, progress=progress)
        written = _Writer(analysis, random.Random(seed)).questions() if analysis.formulations else []
        said = {f.text: f.count for f in analysis.formulations}
        questions = selection.strongest(checks.passing(written, text), text, said)
    bank = model.Bank(
        title=(title or "").strip() or analysis.title or "讲话提法",
        id=bank_id,
        description="由 studytui 根据原文自动生成" + (f"：{analysis.title}" if analysis.title else ""),
        source=source,
        tags=("generated",),
        sections=tuple(model.Section(s.id, s.title or f"第{chinese_number(s.number)}部分") for s in analysis.sections),
        questions=tuple(questions),
    )
    bank, dropped = _validated(bank)
    return Generated(bank, analysis, dropped, len(written) - len(questions))


def _validated(bank: model.Bank) -> tuple[model.Bank, int]:
    """The bank as the validator reads it back, without the questions it rejects."""
    dropped = 0
    while bank.questions:
        text = model.dump(bank)
        result = validation.parse(text, default_id=bank.id)
        if result.bank is not None:
            return result.bank, dropped
        starts = _question_lines(text)
        bad = {bisect.bisect_right(starts, p.line) - 1 for p in result.errors}
        if -1 in bad:
            break  # the bank's own fields, not a question
        bank = replace(bank, questions=tuple(q for i, q in enumerate(bank.questions) if i not in bad))
        dropped += len(bad)
    raise GenerationError(NOTHING_TO_ASK)


def _question_lines(dumped: str) -> list[int]:
    """The line (1-based) where each question of a dumped bank starts."""
    lines = dumped.splitlines()
    first = lines.index("questions:") + 1
    return [n for n, line in enumerate(lines[first:], first + 1) if line.startswith("- ")]


def check_speech(text: str) -> None:
    if not text.strip():
        raise GenerationError("文件为空")
    chinese = han_count(text)
    letters = len(re.sub(r"[\s\d\W_]", "", text))  # figures and punctuation are neither
    if chinese < 0.3 * letters:
        raise GenerationError("不像中文讲话稿：几乎没有汉字")
    if chinese < 20:
        raise GenerationError(f"{NOTHING_TO_ASK}（全文只有 {chinese} 个汉字）")


# -- writing questions -------------------------------------------------------------


_THIS = re.compile(r"，(?:正是|就是)?(?:这个|这一|这种)")


def _restated(text: str, sentence: str) -> str:
    """The head of ``text`` when the next clause of ``sentence`` opens by saying it again
    (我们党的一次伟大觉醒，正是这个伟大觉醒…): the one clause is then the question."""
    if sentence.count(text) != 1:
        return ""
    this = _THIS.match(sentence, sentence.find(text) + len(text))
    if this is None:
        return ""
    return next((text[-n:] for n in range(min(6, len(text)), 1, -1) if sentence.startswith(text[-n:], this.end())), "")


LONG_THESIS = 16


def _long_thesis(text: str) -> bool:
    """A long thesis, subject and all (中国共产党领导是中国特色社会主义最本质的特征): blanked
    whole it leaves the stem no cue and the subject alone a natural answer (raters kept none of
    13 such clozes); what it says its subject is gets asked as a definition. A short one
    (发展是第一要务) is a maxim, asked whole."""
    subject, copula, predicate = text.partition("是")
    return len(text) >= LONG_THESIS and bool(copula) and "，" not in text and len(subject) >= 2 and len(predicate) >= 4


PAIR_HALF_MAX = 12


def _clauses_of_pairs(text: str) -> list[list[str]]:
    """Each pair of ``text`` when it is one to three clauses of a pair each (建设现代化产业体系、
    实现产业体系整体跃升; 坚持解放思想、实事求是，坚持真理、修正错误): blanked whole, a subject
    of four items had one generic predicate for a cue (edited by every rater of rounds 132–139
    who saw it; asked by each pair's second half, kept by all six of rounds 140–143 and 146–147); [] for
    anything else."""
    pairs = [clause.split("、") for clause in text.split("，")]
    fits = len(pairs) <= 3 and all(len(pair) == 2 and 2 <= len(pair[1]) <= PAIR_HALF_MAX for pair in pairs)
    return pairs if fits else []


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
        self.field_of = {without_verb(entry): field for entry, field in fields().items()} | fields()
        self.pools: dict[str, list[str]] = {
            "lexicon": sorted({without_verb(e) for group in lexicon().values() for e in group if "是" not in e})
        }
        for f in analysis.formulations:
            if f.kind == "list":
                self.pools.setdefault("item", []).extend(i for i in f.items if not checks.weak(i) and not checks.place(i))
            elif f.kind not in ("heading", "lead", "series") and not checks.weak(f.text) and not checks.place(f.text):
                self.pools.setdefault(f.kind, []).append(f.text)
        self.offered: Counter[str] = Counter()  # how often each distractor is offered in a choice
        self.frames: dict[str, dict[tuple, list[str]]] = {}  # each pool indexed by the frames of _likeness
        self.paired: set[str] = set()  # prompts asking a pair of numbered formulations together
        self.headings: set[str] = set()  # the headings without their markers, as a question shows them
        self.past_parts = [p.text for p in analysis.paragraphs if p.past_its_part]
        self.opening = [p.text for p in analysis.paragraphs[:OPENING_PARAGRAPHS] if p.section is None]
        self.whole = ""  # the sentence of the question being written, before its stem was cut: an option it says is as true
        self.subject = subject(self.text)

    def same_field(self, answer: str, option: str) -> bool:
        """Whether a lexicon option is of the answer's field. An answer the lexicon does
        not know has no known field: its distractors come from the speech alone."""
        return answer in self.field_of and self.field_of.get(option) == self.field_of[answer]

    # ids, explanation, the question itself

    def add(self, f: Formulation, qtype: str, prompt: str, answer, explanation: str = "", **extra) -> None:
        if qtype == "cloze" and not isinstance(answer, str) and len(set(answer)) < len(answer):
            return  # 纪检监察机关是____，首先是____ → 政治机关 twice: each blank gives the other away
        section = f.section
        key = section or "s0"
        self.numbers[key] += 1
        self.made.append(
            model.Question(
                id=f"{key}-{self.numbers[key]:03d}",
                type=qtype,
                prompt=named(prompt, self.subject),
                answer=answer,
                section=section,
                explanation=explanation or self.explain(f),
                source=f.sentence,
                tags=(f.kind, *self.marks(f)),
                **extra,
            )
        )

    def marks(self, f: Formulation) -> tuple[str, ...]:
        """What a question's tags say beside its kind: asked on a heading's words, or in a
        part that reviews past work."""
        on_heading = (checks.HEADING,) if f.sentence in self.headings else ()
        in_review = (checks.REVIEW,) if f.section and REVIEWS in self.titles[f.section] else ()
        return on_heading + in_review

    def explain(self, f: Formulation) -> str:
        if f.section:
            where = f"出自第{chinese_number(self.numbers_of[f.section])}部分（{self.titles[f.section]}）。"
        elif f.sentence == self.analysis.title:
            where = "出自标题。"
        elif self.analysis.sections and any(f.sentence in text for text in self.opening):
            where = "出自开头部分。"  # the greeting and the meeting's purpose
        else:  # a text without parts (a communique), or a long run before its first part
            where = ""
        return f"{where}原文：{f.sentence}"

    def questions(self) -> list[model.Question]:
        writers = {"lead": self.lead, "list": self.listing, "series": self.series}
        self.headings = {without_marker(p.text) for p in self.analysis.paragraphs if p.heading}
        closing: set[int] = set()  # the questions (by identity) asked after the numbered parts
        for f in self.analysis.formulations:
            if without_marker(f.sentence) in self.headings:
                if f.kind not in _ASKED_IN_HEADINGS:
                    continue  # the outline's words, with half of them for a cue
                f = replace(f, sentence=without_marker(f.sentence))
            past = f.section is not None and any(f.sentence in text for text in self.past_parts)
            if past:  # after the numbered parts (同志们！…): no part of the outline holds it
                f = replace(f, section=None)
            asked = stem(f.sentence, f.text)
            self.whole = f.sentence
            written = len(self.made)
            if asked:
                writers.get(f.kind, self.term)(replace(f, sentence=asked))
            if past:
                closing |= {id(q) for q in self.made[written:]}
        order = {s.id: i for i, s in enumerate(self.analysis.sections)}
        return sorted(self.made, key=lambda q: len(order) if id(q) in closing else order.get(q.section, -1))

    # distractors

    def candidates(self, answer: str, kind: str, own_only: bool = False) -> list[str]:
        """Distractor candidates, best first: formulations of the speech of the same kind,
        then of the lexicon in the answer's field, that share the answer's last character,
        or its first and its length (for what a definition says its subject is, the speech's
        own only: a lexicon entry may be as true of the subject). All of the answer's shape
        and grammar: its length give or take two, as many 、-parts, its head word (but for a
        count: 四个自信 for 四个意识), a verb at its start only if it has one. Nothing else: a
        random formulation is no distractor."""
        tiers = []
        for pool in (kind,) if own_only else (kind, "lexicon"):
            alike = sorted(
                {
                    t
                    for t in self.framed(pool, answer)
                    if abs(len(t) - len(answer)) <= 2
                    and t.count("、") == answer.count("、")
                    and (pool != "lexicon" or self.same_field(answer, t))
                    and fits_like(answer, t, kind == "numbered")
                    and not (own_only and self.unlike_a_definition(answer, t))
                }
            )
            self.rng.shuffle(alike)
            tiers.append(sorted(alike, key=lambda t: -likeness(answer, t)))
        return [option for tier in tiers for option in tier]

    def kin(self, answer: str) -> list[str]:
        """The lexicon's other counts of the answer's field and measure (四个意识, 四个自我 for 两个维护), most
        alike first: where one real formulation is offered, a made-up count beside it reads absurd (三个维护
        beside 两个确立: edited or discarded by 10 of the 18 raters of rounds 258–293 who saw it)."""
        kin = [
            t
            for t in self.pools["lexicon"]
            if measure(t) == measure(answer)
            and abs(len(t) - len(answer)) <= 2
            and self.same_field(answer, t)
            and fits_like(answer, t, counted=True)
            and numeral_variants(t)
        ]
        return sorted(kin, key=lambda t: -likeness(answer, t))

    def unlike_a_definition(self, answer: str, option: str) -> bool:
        """An option no definition would say: one not of the answer's shape, a thing and whose it is (运用监督执纪
        “四种形态” for 理想信念是____ → 共产党人精神上的“钙”), or what the speech says a thing must not be or become
        (利益输送的“后门”: 决不能让家庭成为…); both raters of rounds 244–245 edited such options."""
        unlike = ("的" in answer) != ("的" in option)
        return unlike or re.search(f"(?:不是|不能|防止)[^，。；]{{0,8}}{re.escape(normalize(option))}", self.text) is not None

    def framed(self, pool: str, answer: str) -> list[str]:
        """The pool's entries in the answer's frame (_likeness 2 or more: its last character,
        or its first and its length), found through an index rather than a scan of the pool."""
        index = self.frames.get(pool)
        if index is None:
            index = self.frames[pool] = {}
            for entry in dict.fromkeys(self.pools.get(pool, ())):
                index.setdefault(("last", entry[-1:]), []).append(entry)
                index.setdefault(("first", entry[:1], len(entry)), []).append(entry)
        return index.get(("last", answer[-1:]), []) + index.get(("first", answer[:1], len(answer)), [])

    def distractors(self, answer: str, sentence: str, kind: str, count: int = 3) -> list[str] | None:
        """Options that read like the answer but are wrong in the sentence: never one
        that stands in the sentence, or in the speech next to the blank's neighbours. For a
        numbered formulation, after the candidates the lexicon's kin where a real count is
        offered, and last the answer's count changed (七个有之 → 六个有之)."""
        defined = f"是{answer}" in sentence  # 中国式现代化是____: a lexicon entry (…共同富裕的现代化) may be as true
        if not (defined or kind == "numbered"):
            return None  # exam-setters kept 21% of choices on other formulations, whose options seldom fit the blank
        if ELLIPSIS in sentence:
            return None  # options are weighed against the whole sentence, which an elided stem does not show
        chosen: list[str] = []
        self.choose(chosen, self.candidates(answer, kind, own_only=defined), answer, sentence, count)
        if kind == "numbered" and chosen:
            self.choose(chosen, self.kin(answer), answer, sentence, count)
        if kind == "numbered":
            self.choose(chosen, numeral_variants(answer), answer, sentence, count)
        return chosen if len(chosen) == count else None

    def choose(self, chosen: list[str], options: list[str], answer: str, sentence: str, count: int) -> None:
        """Add to ``chosen``, up to ``count``, the options in turn that are wrong in the sentence."""
        before, after = neighbours(sentence, answer)
        wanted = normalize(answer)
        for option in options:
            if len(chosen) == count:
                return
            key = normalize(option)
            if not key or key in wanted or wanted in key or option in sentence or option in self.whole:
                continue
            if (han_count(before) and normalize(before + option) in self.text) or (
                han_count(after) and normalize(option + after) in self.text
            ):
                continue  # it stands next to the blank's neighbours elsewhere: maybe true here too
            if any(normalize(c) == key for c in chosen) or self.offered[key] >= MAX_OFFERED:
                continue
            chosen.append(option)

    def options(self, answer: str, wrong: list[str]) -> tuple[str, ...]:
        self.offered.update(normalize(w) for w in wrong)
        options = [answer, *wrong]
        self.rng.shuffle(options)
        return tuple(options)

    # per kind

    def term(self, f: Formulation) -> None:
        restated = _restated(f.text, f.sentence)
        if restated:  # 改革开放是我们党的一次____。 (，正是这个伟大觉醒…: the rest would say it again)
            self.add(f, "cloze", f.sentence[: f.sentence.find(f.text) + len(f.text) - len(restated)] + BLANK + "。", (restated,))
            return
        short = one_character_blanks(f.text)  # 严是____、松是____, not the whole as a maxim's second half
        if short is None and self.maxims(f):
            return
        pair = (
            short
            or framed_pair(f.text, f.sentence)
            or both_and(f.text)
            or hinged_blank(f.text)
            or demanded_blanks(f.text)
            or comment_blanks(f.text)
            or deadline_blanks(f.text)
        )
        if pair:  # 在战略上____，在战术上____; 既是____又是____; 打铁必须____: each phrase after its own frame
            self.add(f, "cloze", f.sentence.replace(f.text, pair[0]), pair[1])
            return
        point = next((last for last, entry in points().items() if entry == f.text), "")
        f = replace(f, text=point) if point else second_half(f)  # 党政军民学，东西南北中，____
        prompt, blanks = _blank(f.sentence, f.text)
        if blanks == 0:
            return
        shown = checks.partners(f.text, prompt)
        if shown:  # “六稳”“六保”: a pair is asked together, as either gives the other away
            together = re.compile("|".join(re.escape(t) for t in sorted({f.text, *shown}, key=len, reverse=True)))
            pair_prompt = together.sub(BLANK, f.sentence)
            if pair_prompt not in self.paired:  # the partner's own turn would ask it again
                self.paired.add(pair_prompt)
                self.add(f, "cloze", pair_prompt, tuple(together.findall(f.sentence)))
            return
        if blanks != 1:
            return  # two blanks of one answer: the first gives the second away
        blanked = f.text if f.text in self.field_of else definition_blank(f.text, f.sentence)  # a lexicon entry: whole
        asked = verdict(f.text) or blanked
        acted = asked != f.text and not names_stages(asked, f.sentence)  # a subject acted, asked for its definition
        pairs = _clauses_of_pairs(asked) if acted else []
        if pairs:  # 坚持解放思想、____，坚持真理、____，是…的重要保证: each pair's first half the cue of its second
            self.add(
                f,
                "cloze",
                f.sentence.replace(asked, "，".join(f"{pair[0]}、{BLANK}" for pair in pairs)),
                tuple(pair[1] for pair in pairs),
            )
        elif not _long_thesis(asked) and f.sentence.count(asked) == 1:  # 基础在全面 beside 全面从严治党: one blank
            self.add(f, "cloze", f.sentence.replace(asked, BLANK), (asked,))
        wrong = self.distractors(f.text, f.sentence, f.kind)  # the whole of a definition: the speech's others
        if wrong is not None:
            self.add(f, "choice", prompt, f.text, options=self.options(f.text, wrong))
        parts = order_parts(f.text)
        if len(parts) >= 3:
            self.add(f, "order", f"{checks.ORDER_PREFIX}{prompt}", parts)

    def maxims(self, f: Formulation) -> bool:
        """Whether ``f`` is one of a set of maxims (发展是____，创新是____，人才是____) or of key judgements
        (关键在____，要害在____), which is then asked, once for all of them, by what each says."""
        maxims = (
            run_of_maxims(f.text, f.sentence)
            or run_of_keys(f.text, f.sentence)
            or run_of_quoted_terms(f.text, f.sentence)
            or run_of_ends(f.text, f.sentence)
            or run_of_heads(f.text, f.sentence)
            or framed_words(f.text, f.sentence)
        )
        if maxims and maxims[0] not in self.paired:
            self.paired.add(maxims[0])
            self.add(f, "cloze", *maxims)
        return maxims is not None

    def listing(self, f: Formulation) -> None:
        """A list question shows the sentence with the enumeration blanked (a cloze of the
        same blank would ask it again). No multi-select: the speech seldom holds wrong items
        that fit the blank as well as the right ones, and an exam-setter throws out a
        question whose wrong options are picked out at a glance. A list with an item that
        holds a 、 is asked as an order: its items are shown, not typed and split."""
        if (
            f.sentence.count(f.text) != 1
            or held_by_frame_only(f.text, f.items)
            and not named_by_its_count(f.text, f.items, f.sentence)
        ):
            return
        if self.maxims(f):  # 发现问题是____，发现不了问题是____，…: read as a list, a set of maxims
            return
        run = comment_blanks(f.text) or clause_run(f.items, f.text)
        if run and f.sentence.endswith(f"{f.text}。"):  # 更加注重____，更加注重____。; 关键在____、要害在____。: its heads
            self.add(f, "cloze", f.sentence.replace(f.text, run[0]), run[1])
            return
        stem = self.labelled(f, f.sentence.replace(f.text, BLANK))
        if any(checks.ITEM_SEPARATOR.search(item) for item in f.items):  # 坚持发扬民主、集思广益: typed, it splits
            self.add(f, "order", f"{checks.ORDER_PREFIX}{stem}", tuple(f.items))
            return
        once = None if named_by_its_count(f.text, f.items, f.sentence) else opening_once(f.items, f.text)
        if once:  # 要聚焦____，继续…: the run's opening the cue of its seven clauses
            stem = f.sentence.replace(f.text, once[0])
        items = once[1] if once else f.items
        self.add(f, "list", f"{checks.list_instruction(len(items))}{stem}", tuple(items))

    def series(self, f: Formulation) -> None:
        """The heads of numbered paragraphs asked by the words that announce them
        (切实健全“五个体系”：____ → 目标体系、责任体系…): the label is the cue."""
        label = f.sentence.rstrip("：。")
        heads = "、".join(f.items)
        said = self.explain(f) + ("" if f.sentence.endswith(("：", "。")) else "。")  # a heading has no stop of its own
        prompt = checks.list_instruction(len(f.items)) + self.labelled(f, f"{label}：{BLANK}。")
        self.add(f, "list", prompt, f.items, f"{said}其后列出：{heads}。")

    def labelled(self, f: Formulation, stem: str) -> str:
        """A stem that is only a label and its blank (总基调：____。, 紧扣工作主题：____。) says
        whose it is by its part's topic: 2010年教育工作的总基调是____。 Alone, the label
        fits any year and any speech (exam-setters edited such stems in every round)."""
        label = _BARE_LABEL.fullmatch(stem)
        topic = _TOPIC.match(self.titles[f.section]) if label and f.section else None
        if label is None or topic is None:
            return stem
        head = words(label[1])
        named = "".join(head[1:]) if len(head) > 1 and is_verb(head[0]) else label[1]  # 紧扣工作主题 → 工作主题
        return f"{topic[1]}的{named}是{BLANK}。"

    def lead_cloze(self, f: Formulation) -> None:
        """A topic sentence with its second part blanked: 高质量发展是____. A part that is a
        pair (…是不忘初心、对党忠诚的光辉榜样) is asked by its second half, as a couplet is:
        parallel leads share their frame, and blanked whole any of them fits it. Its ordinal
        marker (（二）, 三是) is left out: a stem reads as a sentence, not as a list entry."""
        unmarked = without_marker(f.sentence)
        if f.text in unmarked:
            f = replace(f, sentence=unmarked)
        if f.sentence.count(f.text) != 1 or self.maxims(f):  # 发现问题是____，解决问题是____: not a clause blanked whole
            return
        cut = lead_cut(f.text)
        defines = f.text[cut - 1 : cut] == "是"
        pair = PAIR.fullmatch(f.text, cut) if defines else None
        if pair and abs(len(pair["first"]) - len(pair["second"])) <= 1:
            shown = f.text[:cut] + pair["first"] + "、"
            self.add(f, "cloze", f.sentence.replace(f.text, shown + BLANK + pair["rest"]), (pair["second"],))
            return
        frame = FRAME_WORDS.match(f.text, cut)  # 必须坚持人民至上: 必须坚持 stays in the stem
        if cut and len(f.text) - frame.end() >= SHORT_BLANK:
            cut = frame.end()
        head = COMMENT.match(f.text[cut:]) if cut else None
        if head and len(f.text) - cut - head.end() >= 2:
            cut += head.end()  # 作风好不好，最终要看____
        answer = f.text[cut:]
        if f.sentence.count(answer) != 1:
            return
        blank = definition_blank(answer, f.sentence) if defines else answer
        if blank != answer:  # 高质量发展是全面建设社会主义现代化国家的____; ____是…的成功经验
            shown = f.text[:cut] + answer.replace(blank, BLANK, 1) if blank in answer else f.text.replace(blank, BLANK, 1)
            self.add(f, "cloze", f.sentence.replace(f.text, shown), (blank,))
        elif cut:
            self.add(f, "cloze", f.sentence.replace(f.text, f.text[:cut] + BLANK), (answer,))
        elif len(f.text) <= SHORT_LEAD:  # 优质化。没有质量的教育…: the sentence around says what it is
            self.add(f, "cloze", f.sentence.replace(f.text, BLANK), (f.text,))

    def lead(self, f: Formulation) -> None:
        """A cloze on the topic sentence. Not "which part makes this point": an examiner
        asks what a point says, not where it stands."""
        self.lead_cloze(f)


_BARE_LABEL = re.compile(rf"([\u4e00-\u9fff]{{2,8}})：{re.escape(BLANK)}。")
_TOPIC = re.compile(r"([^，。、；：的]{4,12})的")
"""The topic of a part's title: 2010年教育工作 of 2010年教育工作的总体态势、总体要求和主要目标."""


_ASKED_IN_HEADINGS = ("list", "quoted", "numbered", "slogan", "series")
"""What a heading is asked on: a formulation it holds (一体推进不敢腐不能腐不想腐), never
the heading as a whole, whose words fit any part of the outline."""
