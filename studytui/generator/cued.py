"""A formulation asked part by part, each blank after its own cue: a run of clauses opening
on one word (有利于____，有利于____…), a set of maxims by their predicates (发展是____，创新是____…),
a couplet of two frames by the phrases after them (在战略上____，在战术上____), two roles (既是____又是____)
and a saying of one clause by what it demands (打铁必须____). Each returns the sentence as asked and
its answers, or None. Blanked whole, each left only the pattern of the others for a cue."""

from __future__ import annotations

import os
import re

from studytui.constants import BLANK
from studytui.generator.clauses import DEADLINE, KEYS, MAXIM, MAXIM_RUN, long_run, of_one_measure
from studytui.generator.sayings import COMMENT_HEAD, ONE_CHARACTER_MAXIMS, SAME_VERB_SAYING
from studytui.generator.enumerations import ends_alike
from studytui.generator.shapes import NAMED_RUN_OPENING, framed_tail, hinged, named_run
from studytui.generator.words import says, splits_a_word


def clause_run(items: tuple[str, ...], text: str) -> tuple[str, tuple[str, ...]] | None:
    """A run of three or more clauses opening on one word (有利于实现党的领导，有利于集中力量办大事，…):
    the run with each clause's own words blanked, and those words. Blanked whole at the end of
    its sentence, the run leaves no cue of what or how much to write (edited by every rater who
    saw one so); where words follow it (____，是中国精神…的生命力所在) they are the cue."""
    opening = os.path.commonprefix(items)
    if not named_run(items) or "、" in text or splits_a_word(items[0], 0, len(opening)):
        return None
    rests = tuple(item[len(opening) :] for item in items)
    if any(len(rest) < 2 for rest in rests):
        return None
    cues = tuple(opening for _ in items)
    if _a_second_frame(rests):
        second = _second_frame(rests)
        if second is None or set(second) & set(opening):
            return None  # 只想职位不想作为，只想获得不想付出: a contrast, asked whole
        cues = tuple(opening + rest[: rest.find(second) + len(second)] for rest in rests)
        rests = tuple(rest[rest.find(second) + len(second) :] for rest in rests)
    shown = text
    for item, cue in zip(items, cues):
        shown = shown.replace(item, cue + BLANK, 1)
    return shown, rests


def opening_once(items: tuple[str, ...], text: str) -> tuple[str, tuple[str, ...]] | None:
    """A long run of clauses opening on one word (聚焦构建…，聚焦发展…，…) as that word and one blank,
    and each clause's own words: blanked whole, the run left no cue of what to list (edited by the
    raters who saw 要____，继续把改革推向前进), and blanked clause by clause it is mostly blanks."""
    opening = os.path.commonprefix(items)
    if tuple(re.split("[，；]", text)) != items or not long_run(items) or splits_a_word(items[0], 0, len(opening)):
        return None
    rests = tuple(item[len(opening) :] for item in items)
    return (opening + BLANK, rests) if all(len(rest) >= 2 for rest in rests) else None


def _second_frame(rests: tuple[str, ...]) -> str | None:
    """The word every clause of a run says once after its own words, with two characters or more
    after it (面对大是大非敢于亮剑，面对矛盾敢于迎难而上… → 敢于): what follows it is each
    clause's point, and the words before it the cue (面对矛盾敢于____)."""
    for at in range(1, len(rests[0]) - 1):
        word = rests[0][at : at + 2]
        if all(rest.count(word) == 1 and 1 <= rest.find(word) <= len(rest) - 4 for rest in rests):
            return word
    return None


def run_of_maxims(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """The run of clauses "A是B" that ``text`` is one of, their predicates opening alike (发展是第一要务，
    创新是第一动力，人才是第一资源; 接受巡察监督是政治态度，配合巡察工作是政治责任) or ending alike (发现问题是本职，
    发现不了问题是失职，发现问题不报告是渎职; 发现问题是成绩，解决问题是政绩), with each predicate blanked, and
    those predicates. Blanked whole, each maxim left its neighbours' pattern for the only cue and a subject to be
    guessed; the set is the formulation. Two maxims whose subjects end alike make a pair too (学纪是基础，守纪是
    目的)."""
    for run in MAXIM_RUN.finditer(sentence):
        clauses = [re.fullmatch(MAXIM, clause) for clause in run.group().split("，")]
        predicates = tuple(m[2] for m in clauses if m)
        subjects = tuple(m[1] for m in clauses if m)
        if text in run.group() and (
            _alike(predicates) or len(subjects) == 2 and ends_alike(list(subjects), least=2) or of_one_measure(clauses)
        ):
            shown = "，".join(f"{m[1]}是{BLANK}" for m in clauses if m)
            return sentence.replace(run.group(), shown, 1), predicates
    return None


_KEY_CLAUSE = rf"(?:{KEYS})(?:是|在于|在)[\u4e00-\u9fff]{{1,12}}"
_KEY_RUN = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_KEY_CLAUSE}，)+{_KEY_CLAUSE}(?![\u4e00-\u9fff])")
_KEY_PARTS = re.compile(rf"((?:{KEYS})(?:是|在于|在))([\u4e00-\u9fff]{{1,12}})")


def run_of_keys(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """The run of judgements of what a thing turns on that ``text`` is one of or holds (核心是加强党的领导，基础
    在全面，关键在严，要害在治), with what each names blanked after its key word, and those: the set is the
    formulation, each key word the cue, however short what it names (严, 治: alone, one character would be
    no question). One that the sentence says elsewhere stays (全面从严治党，…，基础在全面，…: 全面 shown)."""
    for run in _KEY_RUN.finditer(sentence):
        if text in run.group() or run.group() in text:
            outside = sentence.replace(run.group(), "", 1)
            parts = [(key, named, says(outside, named)) for key, named in _KEY_PARTS.findall(run.group())]
            asked = tuple(named for _, named, said in parts if not said)
            shown = "，".join(f"{key}{named if said else BLANK}" for key, named, said in parts)
            return (sentence.replace(run.group(), shown, 1), asked) if len(asked) >= 2 else None
    return None


_VERB_AND_TERM = r"[\u4e00-\u9fff]{2}“[^“”]{2,8}”"
_TERM_RUN = re.compile(rf"{_VERB_AND_TERM}(?:、{_VERB_AND_TERM})+")
_VERB_AND_TERM_PARTS = re.compile(r"([\u4e00-\u9fff]{2}“)([^“”]{2,8})(”)")


def run_of_quoted_terms(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """A run of three or more named terms each after its own verb (增强“四个意识”、坚定“四个自信”、做到“两个维护”)
    that ``text`` is one of, with each term blanked inside its quotes, and those terms: the set is the
    formulation and each verb its cue. One term blanked alone left the others beside it, their counts
    its cue, and scored as one item of a list; the set went unasked (missed in round 256; covered so for
    all seven raters of rounds 259–273 who named it). Two such terms are said in passing (增强“四个意识”、
    坚定“四个自信”，坚持原则…: boilerplate to both raters of rounds 260–261)."""
    for run in _TERM_RUN.finditer(sentence):
        terms = tuple(m[2] for m in _VERB_AND_TERM_PARTS.finditer(run.group()))
        verbs = {m[1] for m in _VERB_AND_TERM_PARTS.finditer(run.group())}
        if text in terms and len(set(terms)) == len(terms) == len(verbs) >= 3:
            shown = _VERB_AND_TERM_PARTS.sub(rf"\1{BLANK}\3", run.group())
            return sentence.replace(run.group(), shown, 1), terms
    return None


_BECOMING = re.compile(r"([让使][^，。；]{2,24}?成为(?:[^，。；]{0,8}的)?)([\u4e00-\u9fff]{1,3})")
RUN_MIN = 3


def run_of_ends(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """A run of three or more clauses "让…成为…" that ``text`` holds or closes one of, each ending on a word of its own
    (让“红红脸、出出汗”成为常态，让…成为违纪处理的大多数，让…成为少数，让…成为极少数), with those words blanked,
    and those words: what each becomes is the point, and what it is said of the cue."""
    for whole, shown, ends in _runs_of_ends(sentence):
        if whole in text or (text in whole and text.endswith(ends)):
            return sentence.replace(whole, shown, 1), ends
    return None


def asks_a_run_by_its_ends(answers: list[str], sentence: str) -> bool:
    """Whether ``answers`` are the ends of a run of "让…成为…" clauses of ``sentence`` (run_of_ends)."""
    return any(ends == tuple(answers) for _, _, ends in _runs_of_ends(sentence))


def _runs_of_ends(sentence: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(the run, the run with its ends blanked, its ends) for each run of RUN_MIN or more clauses "让…成为…"."""
    clauses = sentence.rstrip("。！？；").split("，")
    found, start = [], 0
    while start < len(clauses):
        run = []
        for clause in clauses[start:]:
            said = _BECOMING.fullmatch(clause)
            if not said:
                break
            run.append(said)
        ends = tuple(said[2] for said in run)
        if len(run) >= RUN_MIN and len(set(ends)) == len(ends):
            found.append(("，".join(said[0] for said in run), "，".join(said[1] + BLANK for said in run), ends))
        start += max(len(run), 1)
    return found


_HEADED = re.compile(r"(?:也|更|又)?是[^，；。]{4,40}的([\u4e00-\u9fff]{2,4})")


def run_of_heads(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """Three or more clauses in a row saying what one subject is, each "是…的" and a head of its own (是…职责的内在
    要求，是…的基础工程，也是…的必由之路), that ``text`` is a head of: the run with each head blanked, and those
    heads. ``text`` ends on one of the heads (推动…发展的基础工程). Asked by one head, the others stood beside it;
    the three are the formulation (both raters of rounds 338–339 named them missed)."""
    clauses = re.split("([，；])", sentence.rstrip("。！？"))
    parts = clauses[::2]
    for run in _runs_of_heads(parts):
        heads = tuple(head for _, head in run)
        if len(run) >= RUN_MIN and text.endswith(heads) and len(set(heads)) == len(heads):
            for at, head in run:
                parts[at] = parts[at][: -len(head)] + BLANK
            clauses[::2] = parts
            return "".join(clauses) + sentence[len(sentence.rstrip("。！？")) :], heads
    return None


def _runs_of_heads(parts: list[str]) -> list[list[tuple[int, str]]]:
    """(place, head) of each clause "是…的" and a head, in runs of clauses in a row."""
    runs: list[list[tuple[int, str]]] = [[]]
    for at, part in enumerate(parts):
        headed = _HEADED.fullmatch(part)
        if headed and "的" not in headed[1]:
            runs[-1].append((at, headed[1]))
        elif runs[-1]:
            runs.append([])
    return runs


_FRAMED_WORDS = re.compile(
    r"(?P<a>[\u4e00-\u9fff]{1,2})(?P<w1>[\u4e00-\u9fff]{2})、(?P<b>[\u4e00-\u9fff]{1,2})(?P<w2>[\u4e00-\u9fff]{2})(?P<sep>[，；])"
    r"(?P=a)(?P<w3>[\u4e00-\u9fff]{2})、(?P=b)(?P<w4>[\u4e00-\u9fff]{2})(?=[，。；！]|$)"
)


def framed_words(text: str, sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """Two pairs of words, each after the same two frames (只能加强、不能削弱，只能深化、不能停滞) that ``text`` is
    part of: each word blanked after its frame, and those words. Asked by one pair, the other stood beside it as its
    pattern (21 of the 22 raters of that speech named the whole among their 15; no question they kept asked it)."""
    for match in _FRAMED_WORDS.finditer(sentence):
        said = (match["w1"], match["w2"], match["w3"], match["w4"])
        if match["a"] != match["b"] and len(set(said)) == len(said) and text in match.group():
            pair = f"{match['a']}{BLANK}、{match['b']}{BLANK}"
            return sentence.replace(match.group(), f"{pair}{match['sep']}{pair}", 1), said
    return None


def _alike(predicates: tuple[str, ...]) -> bool:
    """Predicates that make a set: three or more opening or ending alike, or two sharing their opening
    word or, as long as each other, their last character (成绩, 政绩)."""
    if len(predicates) >= 3:
        return named_run(predicates) or ends_alike(list(predicates))
    return len(os.path.commonprefix(predicates)) >= NAMED_RUN_OPENING or ends_alike(list(predicates), least=2)


CLAUSE_BREAK = re.compile("[，；：。！？、]")


def framed_pair(text: str, sentence: str) -> tuple[str, tuple[str, str]] | None:
    """A couplet of two frames (在战略上保持定力，在战术上精心运筹) with the phrase after each
    blanked, and those phrases. Asked by its second half whole, it left the first half's frame
    the only cue, and the point, the two phrases side by side, half asked. Two clauses of a
    longer run (面对危机敢于挺身而出，面对失误敢于承担责任 among five 面对…敢于…) are the run's."""
    halves = text.split("，")
    tail = framed_tail(*halves) if len(halves) == 2 and sentence.count(text) == 1 else 0
    if not tail:
        return None
    at = sentence.find(text)
    neighbours = (
        CLAUSE_BREAK.split(sentence[:at].rstrip("，；"))[-1],
        CLAUSE_BREAK.split(sentence[at + len(text) :].lstrip("，；"))[0],
    )
    if any(half[:2] in neighbour[:3] for half in halves for neighbour in neighbours):
        return None
    shown = "，".join(half[:-tail] + BLANK for half in halves)
    return shown, (halves[0][-tail:], halves[1][-tail:])


_BOTH_AND = re.compile(
    r"既是([\u4e00-\u9fff]{2,6})又是([\u4e00-\u9fff]{2,6})|是([\u4e00-\u9fff]{2,6})，更是([\u4e00-\u9fff]{2,6})"
)


def hinged_blank(text: str) -> tuple[str, tuple[str]] | None:
    """A saying of one clause (打铁必须自身硬) asked by what it demands: blanked whole, it left
    its sentence nothing but a frame (实践启示我们：____) for a cue."""
    halves = hinged(text)
    return (halves[0] + BLANK, (halves[1],)) if halves else None


def demanded_blanks(text: str) -> tuple[str, tuple[str, ...]] | None:
    """管业务必须管廉洁、抓经营必须抓作风 as 管业务必须管____、抓经营必须抓____: what each saying demands, after
    its own verb."""
    sayings = [re.fullmatch(SAME_VERB_SAYING, saying) for saying in text.split("、")]
    if len(sayings) < 2 or not all(sayings):
        return None
    demanded = tuple(saying["demanded"] for saying in sayings if saying)
    return "、".join(saying.group()[: saying.start("demanded")] + BLANK for saying in sayings if saying), demanded


def comment_blanks(text: str) -> tuple[str, tuple[str, ...]] | None:
    """关键在党、要害在治、根本在严 as 关键在____、要害在____、根本在____: what each head says."""
    items = text.split("、")
    heads = [re.match(COMMENT_HEAD, item) for item in items]
    if len(items) < 2 or not all(heads):
        return None
    return "、".join(item[: head.end()] + BLANK for item, head in zip(items, heads) if head), tuple(
        item[head.end() :] for item, head in zip(items, heads) if head
    )


def one_character_blanks(text: str) -> tuple[str, tuple[str, str]] | None:
    """严是爱、松是害 as 严是____、松是____: what each subject is."""
    if ONE_CHARACTER_MAXIMS.fullmatch(text) is None:
        return None
    return f"{text[:2]}{BLANK}{text[3:6]}{BLANK}", (text[2], text[6])


def deadline_blanks(text: str) -> tuple[str, tuple[str, str]] | None:
    """二〇二九年中华人民共和国成立八十周年 as ____中华人民共和国成立____: a deadline's year and the
    anniversary it falls on, each of which gives the other away (1949 + 80)."""
    deadline = DEADLINE.fullmatch(text)
    if deadline is None or not deadline["anniversary"]:
        return None
    return f"{BLANK}{deadline['occasion']}{BLANK}", (deadline["year"], deadline["anniversary"])


def both_and(text: str) -> tuple[str, tuple[str, str]] | None:
    """既是执纪者又是执法者 as 既是____又是____ and its two roles (是红线，更是生命线 as 是____，更是____):
    blanked whole, it opened on 既, a conjunction, and left the stem nothing of what it pairs."""
    both = _BOTH_AND.fullmatch(text)
    if both is None:
        return None
    if both[1]:
        return f"既是{BLANK}又是{BLANK}", (both[1], both[2])
    return f"是{BLANK}，更是{BLANK}", (both[3], both[4])


def _a_second_frame(rests: tuple[str, ...]) -> bool:
    """Whether two clauses of a run share two characters past their opening word (不想, 敢于)."""
    pairs = [{rest[i : i + 2] for i in range(len(rest) - 1)} for rest in rests]
    return any(a & b for n, a in enumerate(pairs) for b in pairs[n + 1 :])
