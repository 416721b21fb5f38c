"""A speech turned into a question bank, step by step.

``structure`` reads the speech into title, sections and paragraphs; ``formulations`` finds its
key formulations (with ``enumerations``, ``recurring``, ``lexicon`` and ``words``);
``questions`` turns them into questions and distractors; ``checks`` is the last gate every
generated question passes. Nothing here imports Textual, and jieba loads only when words are
first needed.
"""
