"""jieba's dictionary read a slot at a time: words cut exactly as jieba cuts them with its whole
dictionary, and a cache file that is missing, stale, damaged or unwritable never stops a bank."""

import os
from pathlib import Path

import jieba

from studytui.generator import lexicon, prefixes
from studytui.generator.words import _dictionary

CORPUS = Path(__file__).parent / "data" / "corpus"


def _small_dictionary(path, *entries):
    path.write_text("".join(f"{word} {freq} n\n" for word, freq in entries), encoding="utf-8")
    return path


def test_cuts_every_sentence_of_a_speech_as_jieba_with_its_whole_dictionary(tmp_path):
    slotted = prefixes.SlottedTokenizer(prefixes.load(_dictionary(), tmp_path / "prefixes.bin"))
    whole = jieba.Tokenizer()
    for word in [*sorted(lexicon.words()), "反腐大决心"]:  # added words change the frequencies suggested later
        slotted.add_word(word)
        whole.add_word(word)
    text = (CORPUS / "xi_gaige_kaifang_40.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        assert list(slotted.cut(line, HMM=False)) == list(whole.cut(line, HMM=False)), line


def test_the_cache_is_written_once_and_read_back(tmp_path):
    dictionary = _small_dictionary(tmp_path / "dict.txt", ("两个维护", 500), ("维护", 50), ("两个", 40))
    cache = tmp_path / "cache" / "prefixes.bin"
    prefixes.load(dictionary, cache)
    written = cache.stat().st_mtime_ns
    tokenizer = prefixes.SlottedTokenizer(prefixes.load(dictionary, cache))
    assert cache.stat().st_mtime_ns == written
    assert list(tokenizer.cut("做到两个维护", HMM=False)) == ["做", "到", "两个维护"]


def test_a_damaged_or_stale_cache_is_built_again(tmp_path):
    dictionary = _small_dictionary(tmp_path / "dict.txt", ("维护", 50))
    cache = tmp_path / "prefixes.bin"
    prefixes.load(dictionary, cache)
    cache.write_bytes(cache.read_bytes()[:-100])  # cut short, as by a full disk
    assert list(prefixes.SlottedTokenizer(prefixes.load(dictionary, cache)).cut("维护核心", HMM=False)) == ["维护", "核", "心"]
    _small_dictionary(dictionary, ("维护", 50), ("核心", 60))  # jieba upgraded: a new word list
    os.utime(dictionary, ns=(1, 1))
    assert list(prefixes.SlottedTokenizer(prefixes.load(dictionary, cache)).cut("维护核心", HMM=False)) == ["维护", "核心"]


def test_a_cache_that_cannot_be_written_still_cuts(tmp_path):
    dictionary = _small_dictionary(tmp_path / "dict.txt", ("维护", 50))
    blocked = tmp_path / "a file"
    blocked.write_text("")
    tokenizer = prefixes.SlottedTokenizer(prefixes.load(dictionary, blocked / "prefixes.bin"))
    assert list(tokenizer.cut("坚决维护", HMM=False)) == ["坚", "决", "维护"]


def test_two_installs_keep_a_cache_file_each(tmp_path):
    from studytui.generator.words import cache_name

    venv, pipx = tmp_path / "venv" / "jieba" / "dict.txt", tmp_path / "pipx" / "jieba" / "dict.txt"
    assert cache_name(venv) != cache_name(pipx) and cache_name(venv) == cache_name(venv)
