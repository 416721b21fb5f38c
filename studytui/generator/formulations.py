"""Finding the key formulations (提法) of a speech: pure functions over its text.

FORMULATIONS.md describes the shapes: quoted terms, numbered formulations,
headings, lead sentences, enumerations and fixed parallel phrases. Every rule here
works on the surface of the text; nothing is specific to one speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from studytui.constants import TYPE_NAMES
from studytui.generator import clauses as rules
from studytui.generator import sayings
from studytui.generator import news
from studytui.generator.recurring import recurring_terms
from studytui.generator.series import glossed, series
from studytui.generator.enumerations import LIST_MAX_ITEMS, ends_alike, enumerations, strip_lead_verb
from studytui.generator.lexicon import lexicon
from studytui.generator.structure import NUMERALS, ORDINAL, Paragraph, Structure, heading_text, read
from studytui.generator.words import tag, word_span, words
from studytui.text import normalize, sentences

KINDS = ("heading", "lead", "list", "series", "numbered", "quoted", "slogan")
_AS_WRITTEN = ("heading", "lead", "series")  # kept as the speech writes them, never moved onto words
KIND_NAMES = {
    "heading": "标题",
    "lead": "段首句",
    "list": "列举",
    "series": "分条列举",
    "numbered": "数字提法",
    "quoted": "引号提法",
    "slogan": "固定表述",
}


def kind_name(kind: str | None) -> str:
    """A formulation kind (or, for a question without one, its type) in Chinese."""
    return KIND_NAMES.get(kind or "") or TYPE_NAMES.get(kind or "") or kind or "其他"


_NUM = f"[{NUMERALS}]"
_HAN = "\u4e00-\u9fff"
_CLASSIFIERS = "个种项条大类方面处"
_QUOTED = re.compile(r"“([^“”\n]{2,15})”|「([^「」\n]{2,15})」|『([^『』\n]{2,15})』|\"([^\"\n]{2,15})\"|《([^《》\n]{2,20})》")
_NOT_A_TERM = re.compile(r"[，,。；;！？!?：:]|会议$|大会$|座谈会$")
_NUMBERED = [
    re.compile(rf"第?{_NUM}{{1,3}}(?:{'|'.join(_CLASSIFIERS)})[{_HAN}]{{2,4}}"),
    re.compile(rf"(?:{_NUM}{{1,2}}[{_HAN}]{{1,2}}){{2,3}}"),
]
_NUMBER_WORD = re.compile(
    rf"^第?{_NUM}{{1,3}}(?:[{_CLASSIFIERS}]|不|小时)|^[二两三四五六七八九十][{_HAN}]$|{_NUM}{{1,2}}[{_HAN}]{_NUM}|[{_HAN}]{{1,2}}[二两三四五六七八九十]"
)
_GENERIC_HEAD = re.compile(
    rf"^第?{_NUM}{{1,3}}[个项大类]?(?:方面|内容|项目|问题|工作|部分|同志|人|次|年|点)"
    rf"|^一[个种项条类]"  # 一个民族, 一项关系: an article, not a count
    rf"|^[一二三四五六七八九]?十[一二三四五六七八九]?(?:大|届)|届"  # 十九大, 十三届: a congress or a plenum
)
_STOP = "的地得和与及并在对为把从向是等"
_OPEN_QUOTES = '“「『"《'
_SPEAKER = re.compile(rf"^(?:[（(]{ORDINAL}[）)]|{ORDINAL}[．.、])?(?:(?:全会|会议|大会)(?:指出|强调|认为|提出|要求|号召)，)?")
_PRONOUNS = re.compile(r"我们|我|你们|大家|同志们|今天|刚才")
_CORRELATIVES = [
    re.compile(rf"越[{_HAN}]{{1,4}}越[{_HAN}]{{1,3}}"),
    re.compile(rf"既是?[{_HAN}]{{1,6}}又是?[{_HAN}]{{1,6}}"),
    re.compile(rf"既不[{_HAN}]{{2,10}}也不[{_HAN}]{{2,10}}"),  # 既不走封闭僵化的老路也不走改旗易帜的邪路
    re.compile(rf"以[{_HAN}]{{1,3}}[带促][{_HAN}]{{1,3}}"),
]
_GLUED_LIST = re.compile(rf"(?:[{_HAN}]{{2}}化){{2,3}}$")
"""具体化常态化, 中国化时代化大众化: -化 words listed without their 、, ending a clause."""
_RANGE = re.compile(rf"(?:^|(?<=[了是现成]))[从由][{_HAN}、]{{2,14}}?(?:再?到[{_HAN}、]{{2,14}}?){{1,2}}(?=的|$)")
"""从站起来、富起来到强起来(的伟大飞跃): a road from one stage to the next, ending the clause or before 的."""
_TRANSITION = re.compile(
    rf"[从由][{_HAN}、]{{2,14}}?(?:再?[到向][{_HAN}、]{{2,14}}?){{1,2}}(?=的[{_HAN}]{{0,4}}(?:转变|跨越|飞跃|转化|转型|时期|阶段)(?:[，。；！]|$))"
)
"""(水平)从跟跑向并行、领跑的战略性转变, (成果)从样品到产品再到商品的转化: the stages of a change it names."""


def names_stages(answer: str, source: str) -> bool:
    """The stages of what the speech names after them (从创立、发展到完善的伟大飞跃; 从全面建成
    小康社会到…的战略安排), not a run of clauses recounting years (从开启新时期到跨入新世纪，…)."""
    if f"{answer}的" not in source:
        return False
    at = source.find(answer)
    transition = _TRANSITION.match(source, at)  # read in its sentence: it looks past the stages to the change
    return _RANGE.fullmatch(answer) is not None or (transition is not None and transition.end() == at + len(answer))


_UNITY = re.compile(rf"[{_HAN}“”]{{2,16}}和[{_HAN}“”]{{2,16}}?(?:相结合|相统一|相促进|相衔接|有机统一|良性互动|深度融合|相协调)")
"""问题导向和目标导向相统一: two things held together, in one of the frames that say so."""
_LEXICON_VERB = re.compile(
    "^(?:不断|始终|坚决|坚定|大力|积极|着力)?(?:坚持|保持|推动|推进|建设|实现|构建|加强|完善|深化|健全|促进|维护|奉行|践行|贯彻|落实|运用)"
)
"""A lexicon entry said with its verb (建设现代化经济体系) is asked without it: the verb stays as context."""
LEAD_MAX = 35
REVIEWS = "回顾"
"""What the title of a part that reviews past work says (2009年教育工作的简要回顾): its questions
are last year's figures and done tasks, not what the speech asks of its hearers."""
OPENING_PARAGRAPHS = 3  # the greeting and the meeting's purpose; a long preamble is body text
SHORT_SENTENCE = 12  # a sentence this short is stored with its neighbour as context
FRAME_CLAUSE = 6
SHORT_HEADING = 12
HEADING_KEY = 4
QUOTED_CLAUSE_MAX = 16
OWN_SENTENCE_SLACK = 6


@dataclass(frozen=True)
class Formulation:
    text: str
    kind: str
    sentence: str
    section: str | None
    items: tuple[str, ...] = ()
    count: int = 1


@dataclass
class Analysis(Structure):
    """A speech's structure and the formulations found in it."""

    formulations: list[Formulation] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Formulation]:
        return [f for f in self.formulations if f.kind == kind]


# -- the rules ---------------------------------------------------------------------


def quoted_terms(text: str) -> set[str]:
    """The terms a speech sets in quotes: its own formulations, words wherever it uses them."""
    return {term for term, _ in _quoted(text) if len(term) >= 2}


def _quoted(paragraph: str) -> Iterator[tuple[str, str]]:
    for match in _QUOTED.finditer(paragraph):
        term = next(g for g in match.groups() if g)
        if not _NOT_A_TERM.search(term) and not re.fullmatch(r"[Xx×]+", term):
            yield term, "numbered" if _NUMBER_WORD.search(term) else "quoted"


_QUOTED_LONG = re.compile(r"“([^“”\n]{5,40})”")


def _quoted_lists(sentence: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Quotes around a whole enumeration or a maxim of a few short clauses (“统一领导、
    各司其责、相互协作、齐抓共管”; “全省的发展方向，全国的工作样本”; “周虽旧邦，其命维新”):
    (text, items; none for a maxim)."""
    for match in _QUOTED_LONG.finditer(sentence):
        text = match.group(1).removesuffix("。")
        if re.search(r"[。！？!?；;：:“”《（）()]", text) or _PRONOUNS.search(text) or "这" in text:
            continue
        clauses = text.split("，")
        items = text.split("、")
        if 2 <= len(clauses) <= 4 and all(2 <= len(c) <= QUOTED_CLAUSE_MAX for c in clauses):
            yield text, ()
        elif (
            len(clauses) == 1
            and 3 <= len(items) <= LIST_MAX_ITEMS
            and all(2 <= len(i) <= rules.CHAIN_ITEM_MAX // 2 for i in items)
        ):
            yield text, tuple(items)


def _numbered(paragraph: str) -> Iterator[str]:
    plain = _QUOTED.sub(lambda m: "\n" * len(m.group()), paragraph)
    for pattern in _NUMBERED:
        for match in pattern.finditer(plain):
            term = match.group()
            cut = min((term.find(c, 2) for c in _STOP if term.find(c, 2) > 0), default=len(term))
            term = term[:cut]
            if len(term) >= 3 and _NUMBER_WORD.search(term) and not _GENERIC_HEAD.search(term):
                yield term


_MODIFIED_HEADS = ("发展",)
_HEAD_NOUNS = ("体系", "制度", "道路", "事业", "理论", "建设")


def _run_on(term: str, after: str) -> str:
    """What the sentence adds to a lexicon term to make the longer one it says: one more
    link of its chain (中国化时代化 + 大众化) or the head noun it modifies (全面协调可持续
    + 发展)."""
    link = re.match(f"[{_HAN}]{{2,3}}", after)
    if link and len(term) >= 3 and link.group().endswith(term[-1]):
        return link.group()
    return next((head for head in _MODIFIED_HEADS if after.startswith(head)), "")


def without_verb(term: str) -> str:
    """A lexicon entry without the verb it is often said with (建设现代化经济体系); not one
    whose later parts say their own verbs (维护世界和平、促进共同发展: the first is one of them)."""
    bare = _LEXICON_VERB.sub("", term)
    own_verbs = any(_LEXICON_VERB.match(part) for part in re.split("[、，]", bare)[1:])
    return bare if len(bare) >= 4 and bare[0] not in "和与及并、，" and not own_verbs else term  # 坚持和加强…: no verb alone


@lru_cache(maxsize=1)
def _lexicon_pattern() -> re.Pattern[str]:
    """The lexicon's formulations, the longest said at a place: one alternative a first
    character, branching on shared prefixes, as an alternation of every entry, longest first,
    would match them in eight times the time (a second for a million characters)."""
    trie: dict[str, dict] = {}
    for term in lexicon()["提法"]:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_branches(trie))


def _branches(node: dict[str, dict]) -> str:
    arms = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not arms:
        return ""
    body = arms[0] if len(arms) == 1 else f"(?:{'|'.join(arms)})"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer entry when both are said


# -- putting it together ------------------------------------------------------------


class _Found:
    """Formulations in the order found, each text once, with how often it occurs."""

    def __init__(self, reviews: set[str]) -> None:
        self.reviews = reviews
        """The parts that review past work: a formulation said there and again after them is
        asked where the speech holds it up as a task (继续按照“减项、降分、限高、公示”原则…)."""
        self.by_text: dict[str, Formulation] = {}
        self.counts: dict[str, int] = {}
        self.wider = ""
        """The sentence being read with its neighbour: the context of a formulation
        that fills its own sentence (a question on it needs words around its blank)."""

    def add(self, text: str, kind: str, sentence: str, section: str | None, items: Iterable[str] = ()) -> None:
        text = text.strip("，,、；;：: ")
        if kind not in _AS_WRITTEN:
            text, items = _on_words(text, sentence, tuple(items))
        if len(normalize(text)) < 2:
            return
        if kind not in _AS_WRITTEN and self.wider and _fills(text, sentence):  # a lead's blank is part of it
            sentence = self.wider
        self.counts[text] = self.counts.get(text, 0) + 1
        known = self.by_text.get(text)
        if known is None or kind == "series":  # a line of items under a heading: asked by the heading
            self.by_text[text] = Formulation(text, kind, sentence.strip(), section, tuple(items))
        elif _ends_a_sentence(sentence) and (not _ends_a_sentence(known.sentence) or self._out_of_review(known, section)):
            # first found in a heading (一要践行“两个维护”) or a review: asked in the first sentence after
            self.by_text[text] = Formulation(text, known.kind, sentence.strip(), section, tuple(items))

    def _out_of_review(self, known: Formulation, section: str | None) -> bool:
        return known.section in self.reviews and section not in self.reviews

    def result(self) -> list[Formulation]:
        return [Formulation(f.text, f.kind, f.sentence, f.section, f.items, self.counts[f.text]) for f in self.by_text.values()]


def _ends_a_sentence(text: str) -> bool:
    return text.rstrip().rstrip("”’）)").endswith(("。", "！", "？", "；", "：", "!", "?", ";"))


def _fills(text: str, sentence: str) -> bool:
    """Whether ``text`` leaves fewer than OWN_SENTENCE_SLACK characters of ``sentence``
    around it (punctuation aside); a long sentence is never normalized to know."""
    if len(sentence) - len(text) >= 3 * OWN_SENTENCE_SLACK:
        return False
    return len(normalize(sentence)) - len(normalize(text)) < OWN_SENTENCE_SLACK


def _on_words(text: str, sentence: str, items: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The span moved onto word boundaries (text.word_span), its first and last items
    with it; a quoted term keeps the quotes' bounds."""
    start = sentence.find(text)
    if start < 0 or sentence[start - 1 : start] in _OPEN_QUOTES:
        return text, items
    begin, end = word_span(sentence, start, start + len(text))
    if ends_alike(list(items or text.split("、"))):
        end = start + len(text)  # 颠覆性技术|创新, 融合化|为: where every item ends, the list does
    moved = sentence[begin:end]
    if not items or moved == text:
        return moved, items
    if not (text.startswith(items[0]) and text.endswith(items[-1])):
        return text, items
    first = sentence[begin : start + len(items[0])] if len(items) > 1 else moved
    last = sentence[start + len(text) - len(items[-1]) : end]
    return moved, (first, *items[1:-1], last) if len(items) > 1 else (moved,)


def extract(text: str, progress: Callable[[int, int], None] | None = None) -> Analysis:
    """The speech's structure and every key formulation found in it.

    ``progress(done, total)`` is called after each paragraph when given.
    """
    parts = read(text)
    analysis = Analysis(parts.title, parts.sections, parts.paragraphs)
    found = _Found({s.id for s in analysis.sections if REVIEWS in s.title})
    if analysis.title:
        found.add(analysis.title, "heading", analysis.title, None)
    has_sections = bool(analysis.sections)
    total = len(analysis.paragraphs)
    speaker = news.main_speaker(analysis.paragraphs)
    read_before: dict[tuple[str, bool, bool, bool], tuple[_Held, ...]] = {}
    clauses_read: dict[str, tuple[_Held, ...]] = {}
    for done, paragraph in enumerate(analysis.paragraphs, 1):
        if progress is not None:
            progress(done, total)
        if news.someone_else(paragraph.text, speaker) or news.NEWS_LINE.search(paragraph.text[:80]):
            continue  # a news account's frame: who chaired, who attended, what another speaker said
        opening = has_sections and paragraph.section is None and done <= OPENING_PARAGRAPHS
        if paragraph.heading:
            context = _heading_context(analysis.paragraphs, done - 1, text)
            found.add(heading_text(paragraph.text), "heading", context, paragraph.section)
            key = heading_key(heading_text(paragraph.text))
            if key:
                found.add(key, "slogan", context, paragraph.section)
        spans = sentences(paragraph.text)
        if paragraph.dashed and _opening(spans[0][1]):
            found.add(_opening(spans[0][1]), "lead", spans[0][1], paragraph.section)
        for position, (_, sentence) in enumerate(spans):
            context = _context(paragraph.text, spans, position)
            found.wider = _context(paragraph.text, spans, position, wide=True)
            reading = (sentence, opening, position == 0, paragraph.heading)
            if reading not in read_before:  # a sentence the speech says again is read once
                read_before[reading] = tuple(_formulations_of(*reading, clauses_read))
            for text_found, kind, items in read_before[reading]:
                found.add(text_found, kind, context, paragraph.section, items)
        for said, glossed_run, glossed_words in glossed(paragraph.text):
            found.add(glossed_run, "list", said, paragraph.section, glossed_words)
    found.wider = ""
    for run in series(analysis.paragraphs):
        found.add("、".join(run.heads), "series", run.label, run.section, run.heads)
    _add_recurring(found, analysis.paragraphs)
    analysis.formulations = _without_fragments(found.result())
    return analysis


def heading_key(heading: str) -> str:
    """The four-character term a heading of two clauses opens on after its verb (坚持破立并举，
    巩固拓展作风建设成果 → 破立并举; 深化标本兼治，… → 标本兼治): the part's point, the second
    clause the cue. '' for a heading of one clause, which would leave the blank nothing but its
    verb, and for two verbs of working together (加强协作配合: a way of working, not the point;
    edited 3 times of 4 in rounds 184–187)."""
    first, comma, rest = heading.partition("，")
    term = strip_lead_verb(first)
    if not (comma and rest and term != first and len(term) == HEADING_KEY and re.fullmatch(f"[{_HAN}]+", term)):
        return ""
    parts = words(term)
    return "" if len(parts) == 2 and all(tag(part) in ("v", "vn") for part in parts) else term


def _add_recurring(found: _Found, paragraphs: list[Paragraph]) -> None:
    """The speech's repeated jargon (studytui.generator.recurring), each with its first sentence."""
    for term, index in recurring_terms([p.text for p in paragraphs]).items():
        paragraph = paragraphs[index]
        spans = sentences(paragraph.text)
        position = next((i for i, (_, s) in enumerate(spans) if term in s), None)
        if position is not None:
            found.add(term, "slogan", _context(paragraph.text, spans, position), paragraph.section)


def _heading_context(paragraphs: list[Paragraph], index: int, text: str) -> str:
    """A heading line, with a short one that runs on into its body (二是均衡化。基础教育…)
    followed by the body's first sentence: the body says what the heading's point is."""
    line = paragraphs[index].text
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    short = len(heading_text(line)) <= SHORT_HEADING and "，" not in line
    body = sentences(following.text) if following is not None and not following.heading else []
    if not short or not body:  # …or a body of punctuation alone (一是、 then ．): nothing to run on into
        return line
    context = f"{line}{'' if line.endswith('。') else '。'}{body[0][1]}"
    return context if context in text else line


def _opening(sentence: str) -> str:
    """The point a long sentence opens with: its first clause, with the one after it
    when the first is only a frame (40年来，我们始终坚持以经济建设为中心)."""
    clauses = rules.clauses(sentence)
    opening = "，".join(clauses[:2]) if len(clauses) > 1 and len(clauses[0]) <= FRAME_CLAUSE else clauses[0] if clauses else ""
    return opening if len(opening) <= LEAD_MAX < len(sentence) else ""


def _context(paragraph: str, spans: list[tuple[int, str]], position: int, wide: bool = False) -> str:
    """A sentence, or with a short one (or, ``wide``, any) the sentence before it (or
    after it) too, so that a question on it has something around its blank."""
    offset, sentence = spans[position]
    if (len(sentence.strip()) > SHORT_SENTENCE and not wide) or len(spans) == 1:
        return sentence
    if position > 0:
        return paragraph[spans[position - 1][0] : offset + len(sentence)]
    following = spans[position + 1]
    return paragraph[offset : following[0] + len(following[1])]


_Held = tuple[str, str, tuple[str, ...]]
"""(text, kind, items) of a formulation as a sentence or a clause holds it."""


def _formulations_of(
    sentence: str, opening: bool, first: bool, heading: bool, clauses_read: dict[str, tuple[_Held, ...]]
) -> Iterator[_Held]:
    """(text, kind, items) of every formulation a sentence holds, in the order found: what
    the sentence says alone (its context and part are added by the caller). What a clause
    holds is read once per speech (``clauses_read``): a text with no sentence end is one
    sentence whose clauses come again and again."""
    for term, kind in _quoted(sentence):
        yield term, kind, ()
    for text, items in _quoted_lists(sentence):
        yield text, "list" if items else "quoted", tuple(items)
    for term in _numbered(sentence):
        yield term, "numbered", ()
    for match in _lexicon_pattern().finditer(sentence):
        term = without_verb(match.group() + _run_on(match.group(), sentence[match.end() :]))
        if sentence.startswith(_HEAD_NOUNS, match.end()) or (len(term) <= 3 and not _NUMBER_WORD.search(term)):
            continue  # 中国特色社会主义(法律体系), 新时代: a modifier or a word, no formulation to ask
        yield term, "numbered" if _NUMBER_WORD.search(term) else "slogan", ()
    if opening:
        return  # the opening remarks: only what is marked by quotes, numbers or the lexicon
    body = _without_closing_quote(_SPEAKER.sub("", sentence.rstrip("。！？!?")))
    if body.endswith("”") and body.count("“") < body.count("”"):
        body = body[:-1]
    clauses = rules.clauses(sentence)
    if _is_lead(body, clauses, first) and not heading:
        yield body, "lead", ()
    for chain in (
        rules.chain(sentence),
        rules.ordinal_chain(sentence),
        *rules.parallel_clauses(body),
        *rules.parallel_endings(body),
        *rules.maxims_of_one_measure(body),
        *rules.counted(sentence),
    ):
        if chain is not None:
            yield chain[0], "list", tuple(chain[1])
    for clause in clauses:
        if clause not in clauses_read:
            clauses_read[clause] = _in_clause(clause)
        yield from clauses_read[clause]
    if len(clauses) == 1 and len(body) <= 8 and not first:
        yield body, "slogan", ()
    echo = sayings.echo(clauses)
    if echo:
        yield echo, "slogan", ()
    for couplet in (
        *sayings.couplets(body),
        *sayings.conditions_and_contrasts(body),
        *sayings.anaphoras(body),
        *sayings.escalations(body),
        *sayings.same_verb_sayings(body),
        *sayings.one_character_maxims(body),
        *sayings.comment_runs(body),
    ):
        yield couplet, "slogan", ()
    for definition in (
        *rules.definitions(body),
        *rules.key_judgements(body),
        *rules.year_targets(body),
        *rules.roles(body),
        *rules.periods(body),
        *rules.aims(body),
        *rules.red_lines(body),
        *rules.insisted_on(body),
        *rules.firsts(body),
    ):
        if not _inside_a_known_term(definition, sentence):
            yield definition, "slogan", ()


def _without_closing_quote(body: str) -> str:
    """A sentence whose quote ends with it (…纪律严明是党的光荣传统和独特优势。”) without the quote's own end, and a
    sentence that is a quote (“玉不琢，不成器；…。”) without its quotes: what the words say, read as the speaker's."""
    if not _QUOTE_CLOSES.search(body):
        return body
    return body[1:-2] if body.startswith("“") and body.count("“") == 1 else body[:-2]


_QUOTE_CLOSES = re.compile(r"[。！？!?]”$")


def _in_clause(clause: str) -> tuple[_Held, ...]:
    """What one clause holds alone: its enumerations, -化 words written together, frames,
    correlatives, ranges and things held together."""
    found: list[_Held] = []
    for span, items in enumerations(clause):
        kind = "list" if len(items) > 2 else "slogan"
        found.append((span, kind, tuple(items if kind == "list" else ())))
    for match in _GLUED_LIST.finditer(clause):
        run = match.group()
        found.append((run, "list", tuple(run[i : i + 3] for i in range(0, len(run), 3))))
    found += [(frame, "slogan", ()) for frame in rules.frames(clause)]
    found += [(match.group(), "slogan", ()) for pattern in _CORRELATIVES for match in pattern.finditer(clause)]
    found += [(match.group(), "slogan", ()) for match in (*_RANGE.finditer(clause), *_TRANSITION.finditer(clause))]
    found += [(strip_lead_verb(match.group()), "slogan", ()) for match in _UNITY.finditer(_PRONOUNS.sub("", clause))]
    return tuple(found)


def _inside_a_known_term(definition: str, sentence: str) -> bool:
    """A "definition" that opens inside a lexicon entry the sentence says and runs past its end
    (牢固树立绿水青山就是金山银山的理念: the 是 is the entry's own): the entry is the formulation.
    One the entry holds whole (高质量发展是…的首要任务) is the entry's own definition."""
    at = sentence.find(definition)
    end = at + len(definition)
    return any(match.start() < at < match.end() < end for match in _lexicon_pattern().finditer(sentence))


def _is_lead(body: str, clauses: list[str], first: bool) -> bool:
    """The topic sentence of a paragraph: its short first sentence, or a short
    one-clause sentence inside it that opens with a lead verb."""
    if first and len(body) <= LEAD_MAX:
        return not _PRONOUNS.match(body) and "同志们" not in body and "：" not in body
    if _PRONOUNS.search(body):
        return False
    verb = len(body) - len(strip_lead_verb(body))
    return len(clauses) == 1 and len(body) <= 16 and "、" not in body and verb >= 2


def _without_fragments(formulations: list[Formulation]) -> list[Formulation]:
    """Drop a slogan found only as a piece of a longer slogan of the same sentence,
    unless it is a well-known one (党的群众路线 in 践行党的根本宗旨，贯彻党的群众路线)."""
    known = set(lexicon()["提法"])
    by_sentence: dict[str, list[Formulation]] = {}
    for f in formulations:
        if f.kind == "slogan":
            by_sentence.setdefault(f.sentence, []).append(f)
    kept = []
    for f in formulations:
        inside = (
            f.kind == "slogan"
            and f.count == 1
            and f.text not in known
            and any(other is not f and f.text in other.text for other in by_sentence[f.sentence])
        )
        if not inside:
            kept.append(f)
    return kept
