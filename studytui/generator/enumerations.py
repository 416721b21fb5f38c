"""Enumerations inside a clause: where a 、-list begins and ends, and which pairs of
items read as a fixed phrase (FORMULATIONS.md, kind "list" and fixed pairs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from os.path import commonprefix
from functools import lru_cache

from studytui.generator.lexicon import lexicon
from studytui.generator.words import FUNCTION_TAGS, is_verb, tag, word_bounds, words

ENUM_ITEM_MAX = 14
VERB_OBJECT_MAX = 18
LIST_MAX_ITEMS = 15  # a longer run of items is a catalogue, not a formulation to learn
LEAD_VERBS = sorted(
    """紧盯 紧扣 坚持 加强 推动 督促 纠正 查处 严肃查处 解决 防止 开展 整治 加大 强化 落实 完善 深化 推进
    围绕 聚焦 突出 提升 引导 倡导 弘扬 构建 加快 健全 建立 严惩 净化 着力 持续 全面 切实 坚决 大力 做 搞
    使 对 把 以 在 用 让 从 由 是 实现 做到 做好 用好 管好 建好 抓好 抓实 抓住 筑牢 织密 压实 严格 规范 推行 实施 巩固 拓展 保持 营造 打造
    培育 树立 贯彻 执行 遵守 发挥 增强 提高 优化 改善 防范 化解 破解 清除 铲除 打击 惩治 查找 了解 听取 注意
    严查 严防 严禁 杜绝 遏制 纠治 深挖 彻查 治理 清理""".split(),
    key=len,
    reverse=True,
)
LEAD_VERB = re.compile("|".join(LEAD_VERBS))
_MODALS = "要应"


def strip_lead_verb(text: str) -> str:
    match = LEAD_VERB.match(text)
    return text[match.end() :] if match and len(text) - match.end() >= 2 else text


def _first_item(segment: str, length: int) -> tuple[str, str]:
    """(item, how it begins): the tail of ``segment`` that is the first item of an
    enumeration whose other items are about ``length`` long. It begins at the
    clause "start", after a lead "verb", or where its length says ("cut")."""
    if segment.count("“") > segment.count("”"):
        segment = segment[segment.rfind("“") :]
    if len(segment) == length + 1 and segment[:1] in _MODALS and 1 in word_bounds(segment):
        return segment[1:], "verb"  # 要心有所畏、言有所戒、行有所止: the modal is the sentence's, not the item's
    modified, of, head = segment.rpartition("的")
    if of and len(head) == length and len(modified) >= 2:
        return head, "start"  # 长期有效的铁规矩 before 硬杠杠: an item begins after its modifier's 的
    if len(segment) <= length + 1:  # a verb stays when with it the item is just as long as the others (对学生一生负责、办…)
        return (segment if len(segment) == length else strip_lead_verb(segment)), "start"
    after_verbs = {len(segment) - m.end() for m in LEAD_VERB.finditer(segment)}
    words = {len(segment) - b for b in word_bounds(segment)} - after_verbs  # 高举和平、发展、合作
    fitting = [(t, "verb") for t in after_verbs if t >= 2 and abs(t - length) <= 2]
    fitting += [(t, "word") for t in words if t >= 2 and length - 1 <= t <= length + 2]
    if fitting:  # the tail as long as the other items: 全面发力 before 多点突破, not 发力 after 全面
        best, how = min(fitting, key=lambda f: (abs(f[0] - length), f[1] != "verb", f[0]))
        return segment[-best:], how
    return segment[-length:], "cut"


_CLOSER = re.compile(r"(?<![高平同相均对初中上次优头])等")


def _last_item(segment: str, length: int, own_de: bool = False) -> tuple[list[str], str]:
    """(last items, how they end) of an enumeration's last segment: "closed" by 等,
    a final 的 or the clause end; "attributive" before 的 and a noun, unless the other
    items hold a 的 of their own (``own_de``: 该为的必须为、能为的努力为、不该为的决不为);
    "cut" to the length of the other items, or on to the end of the word that length ends
    inside. The segment may hold two items joined by 和/及/或."""
    if re.search(r"(.)不\1$", segment):
        return [segment], "closed"  # 贯彻的实不实
    closer = _CLOSER.search(segment)
    if closer and closer.start() >= 2:
        return _split_conjunction(segment[: closer.start()]), "closed"
    of = segment.find("的")
    if of >= 4 and segment[of - 2 : of] == "在内":  # 包括养老、医疗、低保、住房在内的
        of -= 2
    if of >= 2 and not own_de:
        return _split_conjunction(segment[:of]), "closed" if of == len(segment) - 1 else "attributive"
    parts = _split_conjunction(segment)
    if len(parts[-1]) <= length + 2:
        return parts, "closed"
    end = min(b for b in word_bounds(parts[-1]) if b >= length)  # 人工智能|同实体经济…, not 人工智|能
    return [*parts[:-1], parts[-1][:end]], "cut"


def _split_conjunction(item: str) -> list[str]:
    """A segment's items joined by 和/及/或/以及, where the conjunction is a word of its own."""
    bounds = word_bounds(item)
    cuts = [m for m in re.finditer(r"以及|和|及|或", item) if m.start() in bounds and m.end() in bounds]
    edges = [0, *(x for m in cuts for x in m.span()), len(item)]
    parts = [item[a:b] for a, b in zip(edges[::2], edges[1::2]) if b > a]
    if len(parts) < 2 or any(len(p) < 2 for p in parts) or _objects_of_one_verb(parts):
        return [item]
    return parts


def _objects_of_one_verb(parts: list[str]) -> bool:
    """借用管理和服务对象(的钱款): the first part opens on a verb the others lack, so the conjunction
    joins two of its objects, not two items."""
    return is_verb(words(parts[0])[0]) and not any(is_verb(words(p)[0]) for p in parts[1:])


def _shares_affix(a: str, b: str) -> bool:
    return a[:1] == b[:1] or a[-1:] == b[-1:]


def _is_item(item: str, longest: int = ENUM_ITEM_MAX) -> bool:
    quoted_whole = item.startswith("“") and item.endswith("”") and item.count("“") == 1
    return (
        2 <= len(item) <= longest
        and ("“" not in item or quoted_whole)
        and not re.search(r"[（）()]", item)
        and not re.fullmatch(r"[“”Xx×]+", item)
    )


def enumerations(clause: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(span, items) for a 、-enumeration in a clause: a list of three or more items,
    or a fixed pair."""
    if "、" not in clause:
        return
    segments = clause.split("、")
    if len(segments) > LIST_MAX_ITEMS:
        return
    run_on = next((i for i, segment in enumerate(segments[1:-1], 1) if len(segment) > ENUM_ITEM_MAX), None)
    if run_on is not None:  # 爱国、进步、民主、科学的五四精神…同人民一起开拓、同祖国一起奋进: two enumerations
        yield from enumerations("、".join(segments[: run_on + 1]))
        yield from enumerations("、".join(segments[run_on:]))
        return
    modified = _modifiers_then_nouns(segments)
    if modified is not None:  # 更多、更直接、更实在的获得感、幸福感、安全感: two enumerations
        last_modifier, _, first_noun = segments[modified].partition("的")
        yield from enumerations("、".join([*segments[:modified], last_modifier]))
        yield from enumerations("、".join([first_noun, *segments[modified + 1 :]]))
        return
    opened = _opening_of_the_rest(segments)
    if opened is not None:  # 与生产经营、改革发展同谋划、同部署、同推进: two enumerations
        at, first_of_the_rest = opened
        yield from enumerations("、".join([*segments[:at], segments[at][: -len(first_of_the_rest)]]))
        yield from enumerations("、".join([first_of_the_rest, *segments[at + 1 :]]))
        return
    split = [_split_conjunction(segment) for segment in segments[1:-1]]
    if split:  # 生产关系和生产力、上层建筑和经济基础、…: items that are pairs
        pairs = all(len(parts) == 2 for parts in split)
    else:  # 发展和安全、活力和秩序
        pairs = len(_split_conjunction(segments[-1])) == 2 and re.search("和|与", segments[0][-ENUM_ITEM_MAX:]) is not None
    middle = segments[1:-1] if pairs else [part for parts in split for part in parts]
    verbs_and_objects = not pairs and _verbs_and_objects(segments)
    if verbs_and_objects:
        middle = [part for segment in segments[1:-1] for part in _split_verb_objects(segment)]
    typical = round(sum(map(len, middle)) / len(middle)) if middle else 0
    if verbs_and_objects:
        lasts, ending = _last_verb_object(segments[-1])
    else:
        lasts, ending = _last_item(segments[-1], typical or 4, bool(middle) and all("的" in m[1:-1] for m in middle))
    if pairs and len(lasts) == 2:
        lasts = [segments[-1][: segments[-1].find(lasts[1]) + len(lasts[1])]]
    typical = typical or len(lasts[0])
    first, beginning = _first_item(segments[0], typical)
    if verbs_and_objects and (len(first) != typical or tag(words(first)[0]) in FUNCTION_TAGS):
        first, beginning = _first_verb_object(segments[0], typical) or (first, beginning)
    opening = commonprefix([*middle, *lasts]) if len(middle) + len(lasts) >= 2 else ""
    if beginning == "cut" and len(opening) >= 2 and opening in segments[0]:
        first, beginning = segments[0][segments[0].rfind(opening) :], "shared"  # 统揽伟大斗争 before 伟大工程、伟大事业
    if beginning == "cut" and middle and len(middle) + len(lasts) >= 2:
        # where a list's first item begins is a guess: leave it out
        first, middle, segments = middle[0], middle[1:], segments[1:]
        beginning = "cut"
    first = _without_preposition(_like_the_others(first, [*middle, *lasts]), [*middle, *lasts])
    if not verbs_and_objects:  # a verb's object ends where the next verb begins
        lasts[-1] = _last_like_the_others(lasts[-1], [first, *middle, *lasts[:-1]])
    shared_end = shared_ending([first, *middle]) if middle else ""
    if len(shared_end) >= 2 and segments[-1].startswith(lasts[-1] + shared_end):
        lasts[-1] += shared_end  # 中国的面貌、…、中国共产党的面貌
    first = _known_first(first, segments[0], [*middle, *lasts])
    items = [first, *middle, *lasts]
    longest = VERB_OBJECT_MAX if verbs_and_objects else ENUM_ITEM_MAX  # 推进改革开放和中国特色社会主义事业: one verb, two objects
    if not all(_is_item(i, longest) and ("的" not in i or len(i) <= 8) for i in items):
        return
    if len(items) == 2 and not _pair(first, lasts[0], ending, beginning):
        return
    last_text = segments[-1][: segments[-1].find(lasts[-1]) + len(lasts[-1])]
    yield "、".join([first, *segments[1:-1], last_text]), tuple(items)


def _modifiers_then_nouns(segments: list[str]) -> int | None:
    """The middle segment that a 的 splits into the last of the items before it and the
    first of the items after it, each as long as its neighbour (更实在的获得感 between 更直接
    and 幸福感)."""
    for i, segment in enumerate(segments[1:-1], 1):
        before, of, after = segment.partition("的")
        if (
            of
            and abs(len(before) - len(segments[i - 1])) <= 1
            and abs(len(after) - len(segments[i + 1])) <= 1
            and "的" not in segments[i + 1]
        ):
            return i if min(len(before), len(after)) >= 2 else None
    return None


def _opening_of_the_rest(segments: list[str]) -> tuple[int, str] | None:
    """The middle segment whose end is the first of the items after it, each as long: where one list
    ends and the next begins. The items after it open on one character, which is an item's own 同 or 和,
    no joining word (改革发展同谋划 before 同部署、同推进); or they end alike and what the segment holds
    before them is as long as the item before it (不能腐的约束力、不想腐的感召力同向发力、同时发力)."""
    for at, segment in enumerate(segments[1:-2], 1):
        rest = segments[at + 1 :]
        length = len(rest[0])
        first, before = segment[-length:], segment[:-length]
        if length < 2 or not all(len(item) == length for item in rest[:-1]) or not _is_item(before):
            continue
        if all(item[:1] == first[:1] for item in rest) and segment[0] != first[0]:
            return at, first
        if len(shared_ending([first, *rest])) >= 2 and len(before) == len(segments[at - 1]) and at >= 2:
            return at, first
    return None


def _known_first(first: str, segment: str, others: list[str]) -> str:
    """The first item of a list the lexicon holds, as the lexicon says it (防范化解重大风险 before
    精准脱贫、污染防治, where the others' length would cut it to 重大风险)."""
    if all(_shares_affix(first, other) for other in others):
        return first  # 不敢腐 before 不能腐、不想腐, not the lexicon's 一体推进不敢腐: its verb is no part of the item
    said = [known for known in _lexicon_lists().get(tuple(others), ()) if segment.endswith(known)]
    known = min(said, key=len, default="")
    return known if len(known) > len(first) else first


@lru_cache(maxsize=1)
def _lexicon_lists() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The lexicon's lists of three or more items: their first items by the items after them."""
    lists: dict[tuple[str, ...], tuple[str, ...]] = {}
    for entry in lexicon()["提法"]:
        items = entry.split("、")
        if len(items) >= 3:
            lists[tuple(items[1:])] = (*lists.get(tuple(items[1:]), ()), items[0])
    return lists


def verb_object(item: str) -> bool:
    """促进社会公平正义, 以保障国家安全: a verb and its object, after a preposition or not."""
    cut = words(item)
    if cut and tag(cut[0]) == "p":
        cut = cut[1:]
    return len(cut) >= 2 and len(cut[0]) >= 2 and _is_verb(cut[0])


def _is_verb(word: str) -> bool:
    """A verb, or a word the dictionary holds whole that opens on one (推进|改革)."""
    return is_verb(word) or (len(word) >= 4 and is_verb(word[:2]))


def _verbs_and_objects(segments: list[str]) -> bool:
    """Whether an enumeration's items are each a verb and its object (实现伟大历史转折、开启
    改革开放新时期…): then an item runs from its verb to the next verb, and a 和 joins two
    items only when a verb follows it (解放和发展社会生产力 is one item)."""
    if any(q in segment for segment in segments for q in "“”") or not verb_object(segments[-1]):
        return False  # a quoted list is the quote's (认清大局、把握大局、服从大局)
    if len(segments) == 2:  # 我们才能实现伟大历史转折、开启…: the first item begins at a verb
        return _first_verb_object(segments[0], len(segments[-1])) is not None
    return all(verb_object(segment) for segment in segments[1:-1])


def _split_verb_objects(segment: str) -> list[str]:
    parts = _split_conjunction(segment)
    return parts if all(verb_object(part) for part in parts) else [segment]


def _last_verb_object(segment: str) -> tuple[list[str], str]:
    """The last items of a verb-object enumeration: up to the next verb or preposition
    (保障国家安全|提供了有力保证, 增进人民福祉|为出发点), never split at a 和 that joins two
    objects of one verb (推进改革开放和中国特色社会主义事业)."""
    closer = _CLOSER.search(segment)
    if closer and closer.start() >= 2:
        segment = segment[: closer.start()]
    cut, at = words(segment), 0
    for index, word in enumerate(cut):
        if index >= 2 and (tag(word) in ("v", "p") or word == "的"):
            return _split_verb_objects(segment[:at]), "attributive" if word == "的" else "closed"
        at += len(word)
    return _split_verb_objects(segment), "closed"


def _first_verb_object(segment: str, length: int) -> tuple[str, str] | None:
    """The first item of a verb-object enumeration: from the verb that makes it about as long
    as the others (为|解放和发展社会生产力, 我们才能|实现伟大历史转折)."""
    starts, at = [], 0
    for word in words(segment):
        if len(word) >= 2 and _is_verb(word) and len(segment) - at >= 4:
            starts.append(at)
        at += len(word)
    if not starts:
        return None
    best = min(starts, key=lambda start: (abs(len(segment) - start - length), start))
    return segment[best:], "verb"


def _like_the_others(first: str, others: list[str]) -> str:
    """The first item cut to the shape the others share: from their common opening
    (党的自我净化 → 自我净化 before 自我完善、自我革新), or to their length when they share an
    ending (我国经济实力 → 经济实力 before 科技实力、国防实力), at a word boundary."""
    if len(others) < 2:
        return first
    opening = commonprefix(others)
    if opening and first.find(opening) > 0:
        return first[first.find(opening) :]
    ending = shared_ending(others)
    longest = max(map(len, others))
    if ending and first.endswith(ending) and len(first) > longest + 1 and len(first) - longest in word_bounds(first):
        return first[len(first) - longest :]
    return first


_NEVER_VERBS = ("对", "把", "被")  # 加大对招投标、土地出让…: a preposition of one character that is never a verb


def _without_preposition(first: str, others: list[str]) -> str:
    """The first item without a preposition of two characters or more that the others do not open on
    (总书记关于教育、卫生健康、民生保障: 关于 governs the whole list), or of one that is never a verb before items
    that are things (加大对招投标、土地出让…), not actions (对学生一生负责、办人民满意教育: 对…负责 is the first
    action); any other of a character is as often a verb (用实功、重实干、求实效), and one the others open on is
    theirs too (通过改革、通过创新)."""
    opening = next(iter(words(first)), "")
    if (
        (len(opening) < 2 and (opening not in _NEVER_VERBS or any(is_verb(words(o)[0]) for o in others if o)))
        or tag(opening) != "p"
        or len(first) - len(opening) < 2
        or any(o.startswith(opening) for o in others)
    ):
        return first
    return first[len(opening) :]


def _last_like_the_others(last: str, others: list[str]) -> str:
    """The last item cut where the others end (长期性问题 after 根本性、全局性), or to
    their length when it runs on well past them into the sentence (勇气干出来 after 勤劳、
    智慧), at a word boundary."""
    ends = {o[-1:] for o in others}
    if len(others) >= 2 and len(ends) == 1 and not last.endswith(tuple(ends)):
        at = last.rfind(ends.pop()) + 1
        if at >= 2 and at in word_bounds(last):
            return last[:at]  # 根本性、全局性、稳定性、长期性问题: the others end on 性, and so does the last
        ending = shared_ending(others)
        cut = last[: last.rfind(ending) + len(ending)] if ending in last[1:] else ""
        if cut and ends_alike([*others, cut]) and (len(last) - len(cut) >= 2 or len({len(o) for o in [*others, cut]}) == 1):
            return cut  # 颠覆性技术|创新 after 共性技术、引领技术; 融合化|为 after 智能化、绿色化: inside a word
    longest = max(map(len, others))
    slack = (
        0 if len(others) >= 2 and last.startswith(commonprefix(others) or "\n") else 2
    )  # 伟大梦想作出 after 伟大工程、伟大事业
    if len(others) >= 2 and len(last) > longest + slack and longest in word_bounds(last):
        return last[:longest]
    return last


def shared_ending(texts: list[str]) -> str:
    """The ending all ``texts`` share."""
    return commonprefix([t[::-1] for t in texts])[::-1]


def ends_alike(items: list[str], least: int = 3) -> bool:
    """``least`` or more items ending on one word (关键共性技术、…、颠覆性技术) or, as long as each
    other, on one character (智能化、绿色化、融合化): a list ends there, though the segmenter
    reads its last item on into the next word (技术创新, 化为); clauses so ending close alike
    (依法治教，规范从教，公正施教)."""
    if len(items) < least:
        return False
    ending = shared_ending(items)
    return len(ending) >= 2 or (ending != "" and len({len(i) for i in items}) == 1)


def _pair(a: str, b: str, ending: str, beginning: str) -> bool:
    """Two items that read as a fixed pair rather than any two phrases: 4+4 idioms,
    items sharing an affix, A-not-A questions, a whole clause of two equal halves."""
    if "“" in a + b:
        return False
    if ending == "attributive":  # 离基层最近、离群众最近(的政治监督): a frame said twice, not any two modifiers
        return len(a) == len(b) >= 4 and a[:1] == b[:1] and a[-2:] == b[-2:]
    same_length = len(a) == len(b)
    if ending == "cut":  # 风险挑战、克服无数(艰难险阻): the second may be only the start of a phrase
        return same_length and len(a) == 4 and beginning in ("start", "verb")
    if re.search(r"(.)不\1$", a) and re.search(r"(.)不\1$", b):
        return True  # 深不深、实不实
    if all(len(_split_conjunction(item)) == 2 for item in (a, b)) and abs(len(a) - len(b)) <= 1:
        return True  # 发展和安全、活力和秩序
    if same_length and (len(a) == 4 or _shares_affix(a, b) or (beginning == "start" and len(a) <= 3)):
        return True
    return beginning == "verb" and abs(len(a) - len(b)) <= 1 and max(len(a), len(b)) <= 5
