"""How strong a generated question is: what it rests on, less what spoils it.

An exam-setter keeps a question whose target is a formulation they would ask, whose stem
reads as one clause or sentence, and whose options fit the blank. The score (0–100)
weighs the evidence for the first (a lexicon entry, quotes, a count, a heading, a term the
speech repeats) against what spoils a question (a news frame, a name or a post, figures,
a blank that begins or ends on a function word, a whole clause blanked, a long list, a
stem that runs on, options of another grammar). studytui.generator.selection keeps the
strongest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from studytui.bankfile.bank import Question
from studytui.constants import BLANK
from studytui.generator.cued import asks_a_run_by_its_ends
from studytui.generator.cues import (
    chiasmus,
    closing_aim,
    framed_blanks,
    names_a_first,
    changed_into,
    names_the_pair_before,
    run_of_blanks,
    run_of_predicates,
    run_of_terms,
    BARE_STEM,
    CLAUSES,
    FRAMED_BLANK,
    FULL_STOP,
    asks_a_thesis,
    cue,
    cut_from_longer,
    defines,
    echoed,
    little_cue,
    one_clause_of_a_run,
    order_given_away,
    said_before,
    spelled_before,
)
from studytui.generator.blanks import an_action
from studytui.generator.checks import HEADING, JUDGE_PREFIX, REVIEW, Speech, answers, asks_a_deadline, stem_of
from studytui.generator.clauses import ANNIVERSARY, PERIODS, YEAR, YEAR_TARGET
from studytui.generator.enumerations import VERB_OBJECT_MAX, verb_object
from studytui.generator.formulations import heading_key, names_stages
from studytui.generator.shapes import (
    anaphoric_half,
    classical,
    chain_tail,
    couplet,
    cut_before_its_de,
    echo_half,
    hinged_half,
    maxim,
    named_run,
    odd_one_at_an_end,
    parallel,
    parallel_parts,
    second_of_pair,
    tight_pair,
    two_lists_in_one,
)
from studytui.generator.entries import boilerplate, counted, entry_of, in_passing, said_by_the_genre, stated_whole
from studytui.generator.listed import (
    a_long_run,
    coined_set,
    cut_from_its_verb,
    ends_at_its_edge,
    of_one_length,
    one_list_of_many,
    one_of_many,
)
from studytui.generator.people import a_post, about_someone, names_someone, tells_a_case
from studytui.generator.numerals import counted_after, leaked_count, measure, named_by_its_count
from studytui.generator.stems import leaves_words_out
from studytui.generator.structure import ordinal
from studytui.generator.words import FUNCTION_TAGS, tag, words
from studytui.text import normalize

ORDER_WEIGHT = 10
COUNTED_WEIGHT = 10
RUN_WEIGHT = 10
PAIR_NAME_WEIGHT = 10
AIM_WEIGHT = 10
FRAMED_PAIR_WEIGHT = 10
FIRST_WEIGHT = 10
COINED_SET_WEIGHT = 5
MAXIM_WEIGHT = 15
RUN_OF_ENDS_WEIGHT = 20
PART_KEY_WEIGHT = 10
TOPIC_REPEATS = 4  # a lexicon term said this often is what the speech is about, not a formulation of it
HEADING_PENALTY = 20
REVIEW_PENALTY = 10
_A_MAXIMS_CUE = frozenset(  # its first half is the cue
    {
        "only a frame for a cue",
        "little cue",
        "a short word",
        "one item of a list",
        "one clause of a long run",
        "a bare stem",
        "answer said before the blank",  # 实践发展永无止境，____ → 解放思想永无止境: the couplet's pattern
    }
)
_A_SETS_CUE = _A_MAXIMS_CUE | {"count shown beside the blank"}  # 两个确立 shown before 做到“____”: the set is asked
BASE = 50
KIND_WEIGHT = {"series": 15, "numbered": 15, "list": 5, "quoted": 5, "lead": 0, "slogan": 0}
LONG_BLANK, VERY_LONG_BLANK = 18, 26
LONG_STEM = 120
ELIDED_PENALTY = 20
STAGES_WEIGHT = 10
TIGHT_PAIR_WEIGHT = 5
SUB_HEADING_MAX = 30
MANY_ITEMS = 6
LONG_ITEM = 14

_NEWS_FRAME = re.compile(
    r"新华社|记者|通讯员|[（(]?\d{1,2}月\d{1,2}日电|主持(?:会议|开班式|开幕式|座谈会|召开|学习)?|出席|列席|参加(?:会议|开班式)|"
    r"会见|致辞|发表重要讲话|作重要讲话|讲话强调|讲话指出"
)
_CAPTION = re.compile(r"摄[）)]?$")
"""新华社记者 李涛 摄: a photo's caption, whole (not 拍摄 where a stem's first 60 characters happen to end)."""
_ATTENDANCE = re.compile(r"(?:主持|出席|列席|参加)[^，。]{0,8}(?:会议|开班式|开幕式|座谈会|研讨班|大会|仪式|活动)|新华社|记者")
_FIGURE = re.compile(r"\d|[〇零一二两三四五六七八九十百千万亿]+(?:年|月|日|%|万|亿|元|人|名|倍)|%|％")
_STATISTIC = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|个|所|人|名|项|位)")
_DATE_FRAGMENT = re.compile(r"^[年月日号]")
_LABEL_OF_THE_DEFINED = re.compile(
    rf"{re.escape(BLANK)}[\u4e00-\u9fff]{{0,3}}[^\W就也都正还才便即乃仍总更只又却均皆不]是[^，。；]{{4,}}"
)
"""提出____总目标是完善和发展…: the blank names what the sentence goes on to define (7 raters of xi edited it)."""
_DISTRIBUTIVE = re.compile(r"每一?[个位所项名条件]|各[个级类]")
"""Who or what a predicate holds for (每一所学校, 各级各类): the words before the point."""
_PART_OF = re.compile(rf"{re.escape(BLANK)}的重要(?!{PERIODS})")
"""…是____的重要体现/重要内容: what its subject serves, not what the sentence says of it (edited in every round it was rated);
not …处于____的重要时期, whose stages are what the speech says of the times."""
_STOCK_HEAD = re.compile("(?:重要|基本|根本|首要)[\u4e00-\u9fff]{2}|底线|系统工程|有机整体")
_BARE_JUDGEMENT = re.compile(rf"[^，：；。]+是(?:[^，：；。]+(?:，是[^，：；。]+)*的|一[项个]){re.escape(BLANK)}")
"""工作纪律是党员干部履职尽责的____, 巡察工作是一项____, “六项纪律”是一个____: the speaker's own judgement, opening the
sentence (not 全会提出，…; 实践充分证明，…)."""
_SERVED = re.compile(rf"为{re.escape(BLANK)}(?:保驾护航|提供|营造|创造)")
"""为____保驾护航, 为____提供…保障: what the work serves, a stock phrase, not what the sentence says of it."""
_SHORTCOMING = re.compile("有待|不够|还有差距|仍然存在|仍有表现|时有发生|易发多发|薄弱环节")
"""二是…贯通融合还不够紧密，以案促改、以案促治的针对性和实效性有待提升: a point of a list of shortcomings the
speech admits, no formulation to learn (6 of 62 questions on such a point kept, rounds 260–367)."""
_POINT_MARKER = re.compile("[一二三四五六七八九十]是")


def _a_point(source: str, text: str) -> bool:
    """Whether ``source`` is a point of a list (二是…), its marker before it in the speech: a stem leaves the
    marker out, and a part between semicolons is shown ending on a full stop."""
    at = text.find(source.rstrip("。；！？"))
    return at >= 0 and _POINT_MARKER.search(text[max(0, at - 2) : at] + source[:2]) is not None


_RHETORIC = re.compile(rf"(?:就会|[小大]到){re.escape(BLANK)}")
"""小到…，大到____，只要有信仰、信念、信心，就会____，否则就会____: what a condition leads to and the scope
it holds over are its rhetoric, the condition its point (both such consequences of xi were edited by all 14 raters
who saw them)."""
_CLOSING_CLAUSE = re.compile(rf"[，；]{re.escape(BLANK)}[。！]?$")
"""A list that is the whole last clause of its sentence: nothing after its blank says what or how much to write, and
what came before is other work (a list opening its sentence has the clause after it for a cue; a run opening on one
word, 更加注重…，更加注重…, is asked by that word)."""
_GREETING = re.compile(
    r"致以[^，。！]{0,6}(?:问候|敬意|慰问|感谢)|表示[^，。！]{0,6}(?:感谢|敬意|慰问|欢迎)|我代表[^。！]{2,40}[作做][^，。！]{0,4}报告"
)
"""向…致以诚挚的问候; 我代表…常务委员会向全会作工作报告: the occasion's courtesies, not what the speech says."""
_ANNIVERSARY = re.compile(ANNIVERSARY)
_YEAR_TARGET = re.compile(YEAR_TARGET)
"""到二〇二九年中华人民共和国成立八十周年时: an anniversary that sets a deadline, not the occasion."""
_NUMERAL = re.compile("[二两三四五六七八九十]")  # not 一 alone: 一把手, 巡视一阵 hold no count
_YEAR_ALONE = re.compile(YEAR)
_YEAR_OPENING = re.compile(rf"^{YEAR}")
"""年绍兴教育 cut from 2010年绍兴教育: a span that opens where a date ends."""
_QUOTES = (("“", "”"), ("《", "》"), ("（", "）"), ("「", "」"))
_NO_OPENING = ("c", "u", "y", "e")


@dataclass(frozen=True)
class Score:
    value: int
    reasons: tuple[str, ...]


def score(q: Question, speech: Speech, repeats: dict[str, int], speech_people: frozenset[str] = frozenset()) -> Score:
    """``q``'s strength, with the reasons that moved it (for the instructor and the tests)."""
    reasons: list[str] = []
    value = BASE
    wanted = [a for a in answers(q) if a]
    kind = q.tags[0] if q.tags else ""
    value += KIND_WEIGHT.get(kind, 0)
    said_once = any(repeats.get(normalize(a), 0) < 2 for a in wanted)
    as_maxim = q.type in ("cloze", "choice") and any(
        maxim(a, q.source or "")
        or echo_half(a, q.source or "")
        or hinged_half(a, q.source or "")
        or anaphoric_half(a, q.source or "")
        or (kind == "lead" and second_of_pair(a, stem_of(q)))
        for a in wanted
    )
    named_terms = q.type == "cloze" and run_of_terms(stem_of(q), len(wanted))  # 增强“____”、坚定“____”、做到“____”
    whole = [couplet(a, q.source or "") or stated_whole(a, q.source or "") for a in wanted]  # 道路决定命运 after 方向决定前途
    if wanted and all(normalize(entry_of(a, q.source or "", speech)) in speech.lexicon for a in wanted):
        # 发展全过程人民民主是____ (a thesis) or 坚持真理、____ (a pair's half): not boilerplate
        if any(boilerplate(a) for a in wanted) and not (as_maxim or named_terms or defines(stem_of(q))):
            value -= 40 if said_once else 25
            reasons.append("boilerplate")
        elif q.type == "cloze" and not as_maxim and any(speech.normalized.count(normalize(a)) >= TOPIC_REPEATS for a in wanted):
            value -= 5
            reasons.append("the speech's topic")  # 改革开放 in its anniversary speech: 14 of 43 kept, rounds 10–16
        else:
            value += 25
            reasons.append("lexicon")
    elif kind == "numbered" and said_once and not any(f"“{a}" in (q.source or "") for a in wanted):
        value -= 30
        reasons.append("a count said in passing")
    listed = q.type in ("list", "order")  # its items as they are: one may hold a 、 of its own
    if "lexicon" not in reasons and (parallel_parts(wanted) if listed else any(parallel(a) for a in whole)):
        value += 5
        reasons.append("parallel")  # 走得更稳、走得更远: a frame repeated, not two stock idioms
        if q.type in ("cloze", "choice") and any(map(tight_pair, wanted)):
            value += TIGHT_PAIR_WEIGHT
            reasons.append("a tight pair")  # 立德之源、立功之本: 40 of 51 such clozes kept under the floor
    elif q.type == "list" and "lexicon" not in reasons and of_one_length(wanted, q.source or ""):
        value += 5
        reasons.append("items of one length")  # 政治素质过硬、业务能力精湛、育人水平高超: 5 of 6 such lists kept
    if (
        q.type == "cloze"
        and (run_of_blanks(stem_of(q), len(wanted)) or run_of_predicates(stem_of(q), wanted) or named_terms)
        or (q.type == "list" and a_long_run(wanted, stem_of(q), speech.text))
    ):
        value += RUN_WEIGHT
        reasons.append("a named run")  # 有利于____，有利于____…: kept by all four raters of rounds 96–99
    if q.type == "cloze" and len(wanted) == 1 and closing_aim(wanted[0], stem_of(q)):
        value += AIM_WEIGHT
        reasons.append("the aim its clauses close on")  # 以…提升…，以…增强…，努力实现____ → 内外联通、互促共进
    if q.type == "cloze" and framed_blanks(stem_of(q), wanted):
        value += FRAMED_PAIR_WEIGHT
        reasons.append("a pair's frames")  # 在战略上____，在战术上____
    if q.type == "cloze" and kind == "quoted" and names_the_pair_before(stem_of(q)):
        value += PAIR_NAME_WEIGHT
        reasons.append("the name of the pair before it")  # 科技创新和制度创新“____” → 双轮驱动
    if q.type == "cloze" and kind == "quoted" and changed_into(stem_of(q)):
        value += PAIR_NAME_WEIGHT
        reasons.append("what a term is to become")  # 让“软任务”变成“____”, “放权”不等于“____”: missed by their raters
    if listed and (counted_after(wanted, stem_of(q)) or named_by_its_count(BLANK, tuple(wanted), stem_of(q))):
        value += COUNTED_WEIGHT
        reasons.append("counted by the sentence")  # ____，是…三大历史性事件: the set the sentence names by its count
    if q.type == "order":
        value += ORDER_WEIGHT
        reasons.append("order")  # the parts of a frame in their order: kept most of all (66% over rounds 1–9)
    if as_maxim:
        value += MAXIM_WEIGHT
        reasons.append("maxim")  # 教育兴则国家兴，____: kept 32 of 39 times over rounds 1–14
    # 让…成为____，让…成为____，…: what 四种形态 holds, missed by all six dangke raters of rounds 300–319
    if q.type == "cloze" and asks_a_run_by_its_ends(wanted, q.source or ""):
        value += RUN_OF_ENDS_WEIGHT
        reasons.append("a run by its ends")
    if _asks_stages(q, wanted):
        value += STAGES_WEIGHT
        reasons.append("stages")  # 中国特色社会主义迎来了____的伟大飞跃: kept all 3 times
    as_first = q.type in ("cloze", "choice") and any(names_a_first(a, stem_of(q)) for a in wanted)
    if as_first:
        value += FIRST_WEIGHT
        reasons.append("a first")  # …大罢工，这是中国共产党____的工人斗争: kept by both raters of rounds 142–143
    if q.type in ("cloze", "choice") and defines(stem_of(q)) and "lexicon" not in reasons:
        value += 10
        reasons.append("definition")  # 基础研究是____: what the speech says a thing is
    coined = listed and coined_set(wanted)
    if coined:
        value += COINED_SET_WEIGHT
        reasons.append("a set coined on one opening")  # 以案说德、以案说纪、以案说法、以案说责
    if REVIEW in q.tags[1:] and not ("definition" in reasons or kind == "quoted" and "parallel" in reasons or coined):
        value -= REVIEW_PENALTY
        reasons.append("a review of past work")  # 2009年教育工作的简要回顾: 11% of 193 kept; not 立校之本, “减项、降分…”
    part_key = q.type == "cloze" and HEADING in q.tags[1:] and _keys_its_part(wanted, stem_of(q))
    if part_key:
        value += PART_KEY_WEIGHT
        reasons.append("a part's key term")  # 深化____，一体推进不敢腐不能腐不想腐 → 标本兼治: kept 14 of 14, rounds 144–181
    outline = HEADING in q.tags[1:] and not asks_a_thesis(stem_of(q)) and not part_key  # 减负的基础是减量: a thesis
    whole_clause = re.fullmatch(rf"{re.escape(BLANK)}，[^，]+|[^，]+，{re.escape(BLANK)}", stem_of(q)) is not None
    if outline and ((q.type == "cloze" and not {"lexicon", "parallel", "maxim"} & set(reasons)) or whole_clause):
        value -= HEADING_PENALTY
        reasons.append("a heading's words")  # 实施重点突破工程，促进____: 0 of 36 kept, rounds 1–6; ____，以优良作风凝心聚力
    for penalty, reason in _penalties(q, wanted, kind, speech, speech_people):
        if (as_maxim or part_key) and reason in _A_MAXIMS_CUE or as_first and reason == "narrative":
            continue
        if named_terms and reason in _A_SETS_CUE:
            continue
        value -= penalty
        reasons.append(reason)
    return Score(max(0, min(100, value)), tuple(reasons))


OPENING_SAID = 3
_SPEAKERS = frozenset({"我", "我们", "咱们", "你们", "大家"})


def _opening_said_before(answer: str, stem: str) -> bool:
    """A long answer whose first characters stand in its own clause before the blank (以高质量的…建设推动…工作____
    → 高质量发展): the stem spells half of it."""
    clause = re.split("[，。；：！？]", stem.partition(BLANK)[0])[-1]
    return len(answer) > OPENING_SAID + 1 and answer[:OPENING_SAID] in clause


SAID_OF_MANY = 5
_SAID_OF = re.compile(rf"{re.escape(BLANK)}([\u4e00-\u9fff]{{{SAID_OF_MANY},}})")


def _another_subject_fits(answer: str, stem: str, text: str) -> bool:
    """A blank that is the subject of what follows it, where the speech says the same of other subjects too
    (反腐败没有“休止符”，____永远在路上 beside 作风建设永远在路上, 全面从严治党永远在路上): each of them fills it (edited
    or discarded by all four raters of rounds 376–383 who saw it). So does a last clause blanked whole that ends on what
    the speech says of other subjects, beyond the one its stem shows (…，____ → 正风肃纪永远在路上)."""
    said = _SAID_OF.search(stem)
    if said is not None and not said[1].startswith("的"):  # 勤于学习、____的光辉榜样: a run's own frame
        return text.count(said[1]) > text.count(answer + said[1])
    tail = answer[-SAID_OF_MANY:]
    return (
        stem.endswith(f"，{BLANK}。") and len(answer) > SAID_OF_MANY and text.count(tail) > text.count(answer) + stem.count(tail)
    )


def _said_by_the_speaker(answer: str) -> bool:
    """An answer whose subject is the speaker or the audience (我们必须回答好), not 我们党 (the Party's)."""
    cut = words(answer)
    return len(cut) > 1 and cut[0] in _SPEAKERS and cut[1] != "党"


def _penalties(
    q: Question, wanted: list[str], kind: str, speech: Speech, speech_people: frozenset[str]
) -> Iterable[tuple[int, str]]:
    source = q.source or ""
    said = wanted or [q.prompt.removeprefix(JUDGE_PREFIX)]
    framed = (
        _ATTENDANCE.search(source)
        or _CAPTION.search(source)
        or _NEWS_FRAME.search(source[:60])
        and not _asks_beyond_frame(source, said)
    )
    if framed and not any(names_a_first(a, stem_of(q)) for a in wanted):  # 主持召开…会议，制定…，这是…第一个…: a deed
        yield 60, "news frame"
    if q.type in ("cloze", "choice") and len(wanted) == 1 and _opening_said_before(wanted[0], stem_of(q)):
        yield 30, "its opening said before it"  # 以高质量的…推动…工作____ → 高质量发展: discarded by all four who saw it
    if q.type in ("cloze", "choice") and any(_said_by_the_speaker(a) for a in wanted):
        yield 20, "the speaker's words"  # 谁来监督纪委，是____的问题 → 我们必须回答好: discarded by both raters of rounds 338–339
    if any(names_someone(a, speech_people) for a in wanted if normalize(a) not in speech.lexicon or a_post(a)):
        yield 60, "name or post"
    if not asks_a_deadline(stem_of(q)) and any(
        _FIGURE.search(a) and normalize(a) not in speech.lexicon for a in wanted if not counted(a)
    ):
        yield 40, "figures"
    if q.type in ("cloze", "choice") and _STATISTIC.search(_blank_clause(stem_of(q))):
        yield 40, "a figure's subject"  # 全县…处理1126人次，其中____占71.3% → 第一种形态: a county's figure (rounds 244–245)
    if kind in ("lead", "slogan", "list") and (_recounts_a_year(source) or about_someone(source, speech_people)):
        yield 30, "narrative"
    if tells_a_case(source, speech.paragraph_of(source)):
        yield 30, "a case told"
    if q.type == "cloze" and (kind == "numbered" or kind == "quoted" and any(_NUMERAL.search(a) for a in wanted)):
        if not all(counted(a) for a in wanted):  # 一国两制, 九二共识, 十三五: 43% of such clozes kept
            yield 40, "a name with a numeral"
    if q.type == "choice" and any(_PLAN_PERIOD.fullmatch(a) for a in wanted):
        yield 40, "a name with a numeral"  # “十三五”规划 among 十二五, 十四五: 0 of 33 such choices kept
    if _GREETING.search(source):
        yield 40, "a greeting"  # 向…香港特别行政区同胞…致以诚挚的问候: 0 of 9 kept
    if _ANNIVERSARY.search(_YEAR_TARGET.sub("", source)):
        yield 40, "an anniversary"  # 今年是我国改革开放40周年: the occasion, not a formulation (none of 10 kept)
    if q.type in ("cloze", "choice") and any(_YEAR_ALONE.fullmatch(a) for a in wanted) and _ANNIVERSARY.search(q.prompt):
        yield 40, "a year its anniversary gives away"  # 到____中华人民共和国成立八十周年时: 1949 + 80 (5 of 6 raters edited it)
    if q.type == "cloze" and any(_series_words(a, speech) for a in wanted):
        yield 20, "a series' shared words blanked"
    if q.type in ("cloze", "choice") and any(leaked_count(a, q.prompt) for a in wanted):
        yield 60, "count shown beside the blank"
    if q.type == "judge" and _STATISTIC.search(said[0]):
        yield 40, "figures"
    if any(_DATE_FRAGMENT.match(s) for s in (*wanted, *q.options) if isinstance(s, str)):
        yield 60, "fragment of a date"
    if any(_unbalanced(a) for a in wanted):
        yield 60, "unbalanced quote"
    # 为党分忧、为国干事、为民谋利; 素质为上、技能为根、教师为本、就业为魂
    alike = len(wanted) > 1 and (len({a[:1] for a in wanted}) == 1 or parallel("、".join(wanted)))
    edges = [a for a in wanted if stated_whole(a, q.source or "") == a]  # 党是领导一切的 ends as its entry does
    if q.type != "judge" and not alike and any(map(_function_edge, edges)):
        yield 50, "function word at an edge"
    if q.type in ("cloze", "choice") and _LABEL_OF_THE_DEFINED.search(stem_of(q)):
        yield 30, "the label of what the sentence defines"  # 提出____总目标是…: the goal is the point
    if q.type in ("cloze", "choice") and any(_DISTRIBUTIVE.match(a) for a in wanted):
        yield 40, "opens on each or every"  # 每一所学校常抓不懈, 每个人成才的基石: 1 of 60 such blanks kept
    if q.type in ("cloze", "choice") and any(chain_tail(a, source) for a in wanted):
        yield 20, "the tail of a chain"  # 而不能失职，____ (更不能渎职)
    if q.type in ("cloze", "choice") and _PART_OF.search(stem_of(q)):
        yield 20, "what its subject is a part of"  # 基础教育均衡发展…也是____的重要体现
    if q.type in ("cloze", "choice") and len(wanted) == 1 and _stock_head(wanted[0], stem_of(q)):
        yield 10, "a stock head"
    if q.type in ("cloze", "choice") and _SERVED.search(stem_of(q)):
        yield 30, "what the work serves"  # 为____保驾护航 → 经济社会发展: edited by all 14 raters of rounds 144–181
    if q.type in ("cloze", "choice") and len(wanted) == 1 and _another_subject_fits(wanted[0], stem_of(q), speech.text):
        yield 30, "another subject of the speech fits"  # 反腐败没有“休止符”，____永远在路上 (作风建设永远在路上…)
    if _SHORTCOMING.search(source) and _a_point(source, speech.text):
        yield 35, "a shortcoming admitted"
    if _RHETORIC.search(stem_of(q)):
        yield 30, "the rhetoric around a condition"
    if q.type in ("cloze", "choice") and any(one_of_many(a, source) for a in wanted):
        yield 25, "one item of a list"
    elif q.type in ("list", "order") and one_of_many("、".join(wanted), source):
        yield 25, "one item of a list"  # 吃拿卡要、雁过拔毛、“____”等问题 → 门难进、脸难看、事难办
        if q.type == "order":
            yield 15, "the order of a minor item"  # 门难进 → 脸难看 → 事难办: kept 0 times of 26, rounds 258–323
    if q.type in ("list", "order") and one_list_of_many(wanted, source):
        yield 25, "one list of many"  # 医疗卫生领域的____，民政领域的… → 药品耗材采购、…: one field of a task list
    if any(_titled(a, source) for a in wanted):
        yield 60, "a title"
    if kind == "numbered" and wanted and not all(said_by_the_genre(a) for a in wanted) and not q.type == "order":
        yield 50, "a label the speech coined"
    if q.type in ("cloze", "choice") and len(wanted) == 1 and "、" not in wanted[0]:
        length = len(wanted[0])
        if normalize(wanted[0]) not in speech.lexicon:
            if length > VERY_LONG_BLANK:
                yield 45, "whole clause blanked"
            elif length > LONG_BLANK:
                yield 20, "long blank"
        elif HEADING in q.tags[1:] and length > LONG_BLANK:
            yield 40, "a heading's long clause"  # 始终____ → 在思想上政治上行动上同党中央保持高度一致: 0 of 4 kept
    if q.type == "cloze" and not defines(stem_of(q)) and len(cue(stem_of(q))) <= BARE_STEM:
        yield 20, "a bare stem"  # 精准科学实施____。 全面净化____。: other blanks of the speech fit (40% kept)
    if q.type in ("cloze", "choice") and len(wanted) == 1 and little_cue(wanted[0], stem_of(q)):
        if normalize(wanted[0]) not in speech.lexicon or len(wanted[0]) > VERY_LONG_BLANK:
            yield 20, "little cue"  # but 我们的教育要培养____ (德智体美…): the formulation is its own cue (14 of 14 kept)
    if q.type in ("list", "multi") and not ends_at_its_edge(wanted, source):
        yield 50, "items split wrongly"
    if q.type in ("list", "order") and wanted and cut_from_its_verb(wanted[0], stem_of(q), speech.text):
        yield 50, "items split wrongly"
    if q.type in ("list", "multi", "order") or (len(wanted) == 1 and wanted[0].count("、") >= 2):
        items = wanted if len(wanted) > 1 else wanted[0].split("、")
        run = a_long_run(items, stem_of(q), speech.text)  # 要聚焦____: seven clauses, a set by their number
        if len(items) > MANY_ITEMS and not run:
            yield 25, "long list"
        longest = VERB_OBJECT_MAX if run or all(map(verb_object, items)) else LONG_ITEM  # 推进改革开放和中国特色社会主义事业
        if any(len(i) > longest or len(i) < 2 for i in items) or max(map(len, items)) >= 3 * min(map(len, items)):
            yield 25, "item of odd length"
        cut_wrongly = odd_one_at_an_end(items) and not run or two_lists_in_one(items)
        if cut_wrongly and not named_by_its_count(BLANK, tuple(items), stem_of(q)):
            yield 40, "items split wrongly"  # but “五个必须”，即____: the count says where the set ends
        if any(item.startswith(("其他", "其它")) for item in items):
            yield 40, "a catch-all item"  # 经济安全、国防安全和其他安全: 其他安全 is no item to recall
    if q.type in ("cloze", "choice") and len(wanted) == 1 and _an_institution_to_improve(wanted[0], stem_of(q)):
        yield 20, "an institution to improve"
    if q.type == "cloze" and len(wanted) == 1 and in_passing(wanted[0], stem_of(q), speech):
        yield 20, "another field, in passing"
    if q.type in ("cloze", "choice") and any(echoed(a, stem_of(q)) for a in wanted):
        yield 25, "answer echoed after the blank"
        if q.type == "cloze" and kind == "numbered":
            yield 15, "only its count to write"  # 落实“____”，…区分开来 → 三个区分开来: 4 of 12 kept, its choice 22 of 22
    if q.type in ("cloze", "choice") and len(wanted) == 1 and said_before(wanted[0], stem_of(q)):
        yield 25, "answer said before the blank"
    if q.type in ("cloze", "choice") and any(spelled_before(a, stem_of(q)) for a in wanted):
        yield 40, "answer spelled out before the blank"
    if q.type in ("cloze", "choice") and len(wanted) == 1 and chiasmus(wanted[0], stem_of(q)):
        yield 25, "a chiasmus gives it away"  # 幸福都是奋斗出来的，奋斗本身就是____ → 一种幸福: edited 4 times of 4
    if stem_of(q).rstrip().endswith("："):
        yield 30, "ends on a colon"  # …切实健全“五个体系”：: what it announces is not shown (1 of 9 kept)
    if q.type == "cloze" and one_clause_of_a_run(wanted, stem_of(q)):
        yield 30, "one clause of a long run"  # …切实保障和改善民生，____。: 3 of 40 kept, rounds 1–19
    if q.type == "list" and _CLOSING_CLAUSE.search(stem_of(q)) and not named_run(wanted):
        yield 30, "a list closing its sentence"  # …监督制约机制，____。 → 自觉、自省、自律: 6 of 20 such lists kept
    if q.type in ("cloze", "choice") and FRAMED_BLANK.fullmatch(stem_of(q)):
        yield 60, "only a frame for a cue"  # 全会提出，____。: any sentence of the text fits
    if kind == "quoted" and any(_a_saying(a, source) for a in wanted if normalize(a) not in speech.lexicon):
        yield 20, "a saying quoted"
    if q.type != "order" and _unbalanced(stem_of(q).replace(BLANK, "")):
        yield 40, "a quote cut open"  # 刘少奇同志说过：“共产主义事业是____。 the quote never closes
    if ordinal(stem_of(q)) is not None and len(stem_of(q)) <= SUB_HEADING_MAX:
        yield 40, "a numbered line"  # （2）“高技能、高就业”品牌逐步形成。: a sub-heading, not a sentence
    if _POINTING.match(stem_of(q)):
        yield 30, "opens on a pointer"  # 这一点…: what it points to is in another sentence
    if (parts := _parts_in_order(q, wanted)) and order_given_away(parts, stem_of(q)):
        yield 40, "order given away"  # “减项、降分、限高、公示”…只减不加、只降不升、…限高: 3 of 24 kept, and clozes edited
    if _CONTINUING.match(stem_of(q)):
        yield 30, "opens on a connective"  # 就必须…，____: 1 of 14 kept
    if any(cut_before_its_de(a, source) for a in wanted):
        yield 50, "items split wrongly"  # 历史的、现实|的: the last item's 的 left in the stem
    if len(wanted) > 1 and any(words(a)[0] in _JOINING for a in wanted) and len({words(a)[0] for a in wanted}) > 1:
        yield 50, "items split wrongly"  # 多党合作|和政治协商制度、民族区域自治制度: an item opening on 和 (not 同谋划、同部署)
    if (
        q.type in ("cloze", "choice")
        and stem_of(q).startswith(BLANK)
        and not (defines(stem_of(q)) and all(map(an_action, wanted)))
    ):
        yield 30, "opens on the blank"  # ____40年的实践启示我们：…: nothing before the blank to cue it (but ____是…的成功经验)
    if (
        q.type in ("cloze", "choice")
        and kind not in ("numbered", "quoted")  # the speech marks a quoted term as one (“放得活”)
        and not defines(stem_of(q))  # …国家的____, 关键在____, 奋斗本身就是____: what a definition says
        and sum(map(len, wanted)) <= 4
        and not all(normalize(entry_of(a, source, speech)) in speech.lexicon for a in wanted)
    ):
        yield 20, "a short word"
    if leaves_words_out(source, speech.text) and not _point_of_its_sentence(q, wanted):
        yield ELIDED_PENALTY, "an elided sentence"  # only the strongest of a long sentence is asked
    if len(stem_of(q)) > LONG_STEM:
        yield 25, "long stem"
    elif q.type in ("cloze", "choice", "list", "multi", "order") and cut_from_longer(source, speech.text, q.type == "order"):
        if not (HEADING in q.tags[1:] and (asks_a_thesis(stem_of(q)) or q.type in ("list", "order"))):  # a heading, no stop
            yield 60, "unfinished stem"
    if q.type != "judge" and FULL_STOP.search(source.rstrip("。！？!?”")):
        yield 60, "two sentences"
    if q.type == "choice" and wanted and kind != "lead":
        shared = 1 if kind == "numbered" else 2  # 两学一做 beside 两个维护: a count like the key's
        counts = kind == "numbered" and measure(q.answer)  # 四个意识 beside 两个维护: a count of the same measure
        if any(
            o[-1:] != q.answer[-1:] and o[:shared] != q.answer[:shared] and not (counts and measure(o) == counts)
            for o in q.options
        ):
            yield 50, "options of another grammar"


def _parts_in_order(q: Question, wanted: list[str]) -> list[str]:
    """The parts an order question puts in order, or the three or more a cloze asks in one blank."""
    if q.type == "order":
        return list(wanted)
    return wanted[0].split("、") if q.type == "cloze" and len(wanted) == 1 and wanted[0].count("、") >= 2 else []


def _asks_stages(q: Question, wanted: list[str]) -> bool:
    return q.type in ("cloze", "choice") and len(wanted) == 1 and names_stages(wanted[0], q.source or "")


def _point_of_its_sentence(q: Question, wanted: list[str]) -> bool:
    """What a long sentence is quoted for, elided: a run it names (named_run), its measure or aim
    (以____为牵引), the stages of the change it names (…水平____的战略性转变), what it closes on saying a thing
    is or becomes (…各项便民、惠民、利民举措持续实施，使改革开放成为____。: the judgement its clauses build to)."""
    stem = stem_of(q)
    return (
        named_run(wanted)
        or run_of_blanks(stem, len(wanted))
        or asks_a_thesis(stem)
        or _asks_stages(q, wanted)
        or (_CLOSING_BLANK.search(stem) is not None and defines(stem))
    )


_CLOSING_BLANK = re.compile(rf"{re.escape(BLANK)}[。！]$")


def _stock_head(answer: str, stem: str) -> bool:
    """A judgement the speaker makes in his own words, asked by its stock head (组织纪律是维护党的团结统一的
    ____ → 重要保证; 工作纪律是…的____ → 基本遵循): another head fits as well (重要保障, 红线), and the words
    before it are the point (edited or discarded 21 times of 24 in rounds 258–271); so is a work called 一项系统工程,
    as any work is (edited by all 18 raters of rounds 260–303 who saw it), or a set 一个有机整体 (8 of 10, rounds
    258–321). A judgement
    the speech attributes (全会提出，…的____ → 根本保证; 40年的实践充分证明，…的____ → 重要法宝) is a
    formulation quoted: kept by every rater."""
    return bool(_STOCK_HEAD.fullmatch(answer) and _BARE_JUDGEMENT.match(stem))


def _keys_its_part(wanted: list[str], stem: str) -> bool:
    """Whether the blank is the term a part's heading opens on after its verb (坚持____，巩固
    拓展作风建设成果 → 破立并举): the heading says it once, and its second clause is the cue."""
    return len(wanted) == 1 and stem.count(BLANK) == 1 and heading_key(stem.replace(BLANK, wanted[0])) == wanted[0]


def _a_saying(answer: str, source: str) -> bool:
    """A line quoted from someone (“周虽旧邦，其命维新”, 他说：“…”, a line of classical
    Chinese: 人材之成出于学): not the speech's own formulation."""
    at = source.find(f"“{answer}")
    said = at >= 0 and _SAYS.search(source[max(0, at - 8) : at])
    return "，" in answer or bool(said) or (len(answer) >= 5 and classical(answer))


_SAYS = re.compile("说|曰|云|诗|写道|讲过|说过")
_POINTING = re.compile("^(?:(?:这|此)(?:是|就|也|一点|些(?!年|天|都?(?:说明|表明|证明))|便|正是)|它|上述)")
"""这是…, 这些…: what it points to is in another sentence; not 这次会议…, 这些年来…, nor 这些都说明，… (a frame: what
follows is said whole)."""
_PLAN_PERIOD = re.compile("十[一二三四五六七八九]五")
"""A five-year plan's name (十三五): its neighbours are as real, and any of them fits the year."""
_JOINING = ("和", "与", "及", "或", "以及", "同")
_CONTINUING = re.compile("^(?:就必须|就要|就能|就是要|才能|才会|也要|而是|而且|但是|并且|从而|进而|因此|所以|一致认为)")
"""A stem opening on a connective (就必须有一种讲奉献的工作精神，…) or a frame whose subject is in the
sentence before (全会…。一致认为，…) goes on from what it does not show."""


def _titled(answer: str, source: str) -> bool:
    """A book's, a document's or a meeting's title (《…》): a fact, not a formulation."""
    return f"《{answer}》" in source or answer.startswith("《")


_IMPROVE = re.compile("(?:完善|健全|优化)(?:实施|落实)?$")
_INSTITUTION = re.compile("(?:体系|制度|政策|机制|体制|格局|责任制|战略)$")


def _an_institution_to_improve(answer: str, stem: str) -> bool:
    """完善____ (就业优先政策), 健全____ (网络综合治理体系), 完善实施____机制 among three clauses
    or more: one of the many institutions a task list improves, which its words name and no
    reader recalls (exam-setters edited 22 of 26 such blanks, and kept the famous ones as
    lexicon terms: 推动____ → 构建人类命运共同体, 全面贯彻____ → 总体国家安全观)."""
    if stem.count(BLANK) != 1 or len([c for c in CLAUSES.split(stem) if c]) < 3:
        return False
    before, after = stem.split(BLANK)
    return bool(_IMPROVE.search(CLAUSES.split(before)[-1]) and _INSTITUTION.search(answer + CLAUSES.split(after)[0]))


_SERIES_OF = re.compile(r"(?P<of>[\u4e00-\u9fff]{4,12}?的)[\u4e00-\u9fff、]{2,}")
SERIES = 3


def _series_words(answer: str, speech: Speech) -> bool:
    """A blank that holds what a series of the speech's definitions share (____ for
    中国式现代化的本质要求 where 开放是中国式现代化的鲜明标识, …的重要保障 are said too): the
    point is what follows them, and exam-setters blanked only that (9 of 12 edited)."""
    series = _SERIES_OF.fullmatch(answer)
    return series is not None and speech.text.count(f"是{series['of']}") >= SERIES


def _recounts_a_year(source: str) -> bool:
    """1921年7月，…: a year's events told, not what a year's work must do (2010年…要…)."""
    return bool(_YEAR_OPENING.match(source)) and not re.search("要|必须|务必|将", source)


def _blank_clause(stem: str) -> str:
    """The clause of ``stem`` that holds the blank."""
    return next((clause for clause in re.split("[，。；：！？]", stem) if BLANK in clause), "")


def _asks_beyond_frame(source: str, wanted: list[str]) -> bool:
    """A frame sentence (…讲话强调，要…) still states a formulation after its frame."""
    cut = max(source.find("强调，"), source.find("指出，"))
    return cut >= 0 and all(source.find(a) > cut for a in wanted)


def _unbalanced(text: str) -> bool:
    return any(text.count(a) != text.count(b) for a, b in _QUOTES)


def _function_edge(answer: str) -> bool:
    """Whether the answer begins on a conjunction or a particle (和, 的, 而且) or ends on a
    preposition, a conjunction or a particle (关于, 和, 的, 着, 等), as jieba cuts it. A
    preposition may open a formulation (以…为…, 从…到…, 对…)."""
    plain = answer.strip("“”《》")
    if not plain:
        return False
    cut = words(plain)
    return tag(cut[0]).startswith(_NO_OPENING) or cut[0] == "是" or tag(cut[-1]).startswith(FUNCTION_TAGS)
