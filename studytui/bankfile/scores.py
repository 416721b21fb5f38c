"""The generator's score of each question of a bank, for the review to ask the weakest
first: the ``score:`` a bank records, else the score the generator's own rules
(``studytui.generator.scoring``) give the question against the speech the bank names as
its ``source:``. Questions of a bank without either have no score."""

from __future__ import annotations

from pathlib import Path

from studytui.bankfile.bank import Bank
from studytui.bankfile.loader import read_speech


def question_scores(bank: Bank, bank_path: Path) -> dict[str, int]:
    """Each question's score, by id; recorded ones first, the rest from the speech."""
    recorded = {q.id: q.score for q in bank.questions if q.score is not None}
    if len(recorded) == len(bank.questions) or not bank.source:
        return recorded
    text, _ = read_speech(bank_path.parent / bank.source)
    if text is None:
        return recorded
    return {**speech_scores(bank, text), **recorded}


def speech_scores(bank: Bank, text: str) -> dict[str, int]:
    """What the generator scores each question of ``bank`` against the speech ``text``,
    the speech read as ``generate`` reads it."""
    from studytui.generator import scoring  # the generator (and jieba) load only here
    from studytui.generator.checks import Speech
    from studytui.generator.people import people
    from studytui.generator.formulations import extract, quoted_terms
    from studytui.generator.words import known_words
    from studytui.text import full_width_punctuation, normalize

    text = full_width_punctuation(text)
    with known_words(quoted_terms(text)):
        analysis = extract(text)
        repeats = {normalize(f.text): f.count for f in analysis.formulations}
        speech, named = Speech(text), people(text)
        return {q.id: scoring.score(q, speech, repeats, named).value for q in bank.questions}
