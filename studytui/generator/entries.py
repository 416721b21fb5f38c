"""An answer against the lexicon: the entry it is asked as (the couplet it ends, the entry whose statement it
closes, the judgement whose verdict it is), whether that entry is boilerplate or said in passing, and whether a
numeral in it counts or names. Pure functions over an answer, its sentence and the speech, for the score."""

from __future__ import annotations

import re

from studytui.generator.checks import Speech
from studytui.generator.cues import sets_a_target
from studytui.generator.formulations import without_verb
from studytui.generator.lexicon import fields, lexicon, points
from studytui.generator.numerals import names_a_document
from studytui.generator.shapes import couplet
from studytui.text import normalize

BOILERPLATE_FIELDS = frozenset({"总体目标", "思想理论"})
MINOR_FIELD = 0.2  # a field under this share of the speech's lexicon terms is not what it is about
LONG_SENTENCE = 60


def entry_of(answer: str, source: str, speech: Speech) -> str:
    """The lexicon entry ``answer`` is asked as: the couplet it ends (方向决定前途，道路决定命运) when the
    lexicon holds that, else the entry it is the last part of (stated_whole), else the answer: not
    the clause before it (健全…制约机制，把权力关进制度的笼子里 is no couplet the lexicon knows)."""
    paired = couplet(answer, source)
    if paired and normalize(paired) in speech.lexicon:
        return paired
    return _verdict_of(answer, source, speech) or stated_whole(answer, source)


def _verdict_of(answer: str, source: str, speech: Speech) -> str:
    """The lexicon's judgement of how things still stand whose verdict ``answer`` is, where the source says
    it whole (严峻复杂 of 反腐败斗争形势依然严峻复杂), or ""."""
    said = re.search(f"([\u4e00-\u9fff]+)(?:依然|仍然){re.escape(answer)}", source)
    if not said:
        return ""
    whole = source[said.start() : said.end()]
    return next((whole[i:] for i in range(len(said[1]) - 3) if normalize(whole[i:]) in speech.lexicon), "")


def stated_whole(answer: str, source: str) -> str:
    """The lexicon entry ``answer`` is the last part of, where the source says it whole
    (党是领导一切的 in 党政军民学，东西南北中，党是领导一切的), or the answer."""
    entry = points().get(answer, "")
    return entry if entry and entry in source else answer


def said_by_the_genre(term: str) -> bool:
    """A count the genre says (六稳, as in the lexicon's 六稳六保), not one this speech coined."""
    return any(term in entry for entries in lexicon().values() for entry in entries)


def boilerplate(answer: str) -> bool:
    """A goal or a doctrine every document of the genre repeats (中华民族伟大复兴,
    习近平新时代中国特色社会主义思想): no target of this speech, least of all said once."""
    field = fields().get(answer) or fields().get(without_verb(answer))
    return field in BOILERPLATE_FIELDS


def in_passing(answer: str, stem: str, speech: Speech) -> bool:
    """A lexicon term of a field the speech seldom speaks of, said once, in a long sentence
    (培育和践行社会主义核心价值观 in a speech on science; 树立人类命运共同体意识 in a list of
    its achievements): any reader fills it from the words before it. Such clozes were kept
    44% of the time, others 67-72% (387 and 1,130 rated, rounds 1-19). Not a year's target
    (到2035年____), which its year asks."""
    field = fields().get(answer) or fields().get(without_verb(answer))
    said = speech.fields_said
    return (
        field is not None
        and said[field] < MINOR_FIELD * sum(said.values())
        and speech.normalized.count(normalize(answer)) < 2
        and len(stem) > LONG_SENTENCE
        and not sets_a_target(stem)
    )


def counted(answer: str) -> bool:
    """A count of a formulation (四个意识, 两个维护, 六稳), not a figure or a name that holds
    numerals (一带一路, 九二共识, 十三五) or names a document (八项规定精神: its cloze kept 5 times of 16, rounds 272–321)."""
    counts = re.match(r"^第?[一二两三四五六七八九十]+[个种项条类大方面点]", answer) or _ONE_COUNT.fullmatch(answer)
    return bool(counts) and not names_a_document(answer)


_ONE_COUNT = re.compile(r"[一二两三四五六七八九十][^一二两三四五六七八九十〇零\d]+")
