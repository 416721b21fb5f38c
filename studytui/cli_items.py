"""``studytui report --items BANK``: item analysis of one bank on the command line, in
Markdown (the default) or CSV for a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studytui.bankfile.bank import Bank


def report_items(args: argparse.Namespace) -> int:
    from studytui import items
    from studytui.cli_data import _write, excel_csv, open_store
    from studytui.store.items import bank_answers

    bank = _bank(args)
    if bank is None:
        return 1
    stats = items.analyse(bank, bank_answers(open_store(args), bank.id))
    if args.format == "csv" or args.csv:
        text = excel_csv(items.COLUMNS, items.csv_rows(stats))
    else:
        from studytui.answer_import import printable

        text = printable(items.markdown(bank, stats))
    _write(args.output, text, "已写出题目分析")
    return 0


def _bank(args: argparse.Namespace) -> Bank | None:
    """The bank named by ``--items``: a bank file (every question, reviewed or not), or the
    id of a bank found as usual; None, with why on stderr, when there is none."""
    from studytui import paths
    from studytui.bankfile.loader import open_bank, validate
    from studytui.library import Library

    name = args.items
    path = Path(name)
    if path.is_file():
        result = validate(path, learners=False) if path.suffix.lower() != ".txt" else open_bank(path)
        for problem in result.errors:
            print(problem, file=sys.stderr)
        return result.bank
    library = Library(paths.data_dir(args.data_dir), args.bank or ())
    library.load()
    bank = library.find(name)
    if bank is None:
        print(f"{name}:1: 找不到这个题库（既不是文件，也不是已有题库的 id）", file=sys.stderr)
    return bank
