"""The ``studytui`` command line. Textual is imported only when the TUI starts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from studytui import __version__

DESCRIPTION = "studytui — 讲话提法学习与测验（study the key formulations of policy speeches）"


class _Parser(argparse.ArgumentParser):
    """argparse with its headings and messages in Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数（arguments）"
        self._optionals.title = "选项（options）"
        self.add_argument("-h", "--help", action="help", help="显示帮助并退出（show this help）")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 参数错误（error）：{message}\n")


def _common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """The options every command takes, before or after its name.

    A sub-command leaves them unset unless given, so that it does not overwrite
    what was given before the command name.
    """
    unset: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--data-dir", metavar="DIR", help="数据文件夹（data folder；默认：$STUDYTUI_DATA_DIR 或系统用户数据目录）", **unset
    )
    parser.add_argument(
        "--bank", metavar="PATH", action="append", help="额外的题库文件或文件夹，可重复（extra bank file or folder）", **unset
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="PostgreSQL 数据库 postgresql://…（默认：$STUDYTUI_DB；都没有时用数据文件夹中的 SQLite 文件）",
        **unset,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studytui", description=DESCRIPTION, epilog="不带命令时打开终端界面（without a command, studytui opens the TUI）。"
    )
    parser.add_argument(
        "--version", action="version", version=f"studytui {__version__}", help="显示版本并退出（show the version）"
    )
    _common(parser, top=True)
    parser.add_argument("--participant", action="store_true", help=argparse.SUPPRESS)  # what serve runs per browser
    commands = parser.add_subparsers(dest="command", title="命令（commands）", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help="校验题库（validate question banks）",
        description="校验题库：全部有效时退出码为 0，否则逐条输出 FILE:LINE: 问题，退出码为 1。",
    )
    validate.add_argument("--reviewed", action="store_true", help="同时说出每个题库已审了几道题（审题：题库页按 R）")
    validate.add_argument(
        "files", nargs="*", metavar="BANK.yaml", help="题库文件；不写则校验所有找到的题库（all discovered banks）"
    )
    _common(validate)
    validate.set_defaults(handler=_banks("validate"))

    generate = commands.add_parser(
        "generate",
        help="从讲话稿生成题库（generate a bank from a speech）",
        description="找出讲话稿中的关键提法，生成填空、单选、列举和排序题（不出多选和判断题）。同一文本和 --seed 总是生成相同的题库。",
    )
    generate.add_argument("speech", metavar="SPEECH.txt", help="讲话稿（UTF-8 或 GB18030 纯文本）")
    generate.add_argument("-o", "--output", metavar="BANK.yaml", help="写入的题库文件；不写则输出到标准输出")
    generate.add_argument("--title", help="题库标题（默认：讲话标题）")
    generate.add_argument("--seed", type=int, default=0, help="随机种子，决定干扰项和选项顺序（默认 0）")
    generate.set_defaults(handler=_banks("generate"))

    stats = commands.add_parser(
        "stats", help="查看学习统计（study statistics）", description="每个人的练习记录、得分率、连续学习天数和最薄弱的题。"
    )
    stats.add_argument("--profile", metavar="NAME", help="只看这个人（默认：所有人）")
    stats.add_argument("--code", metavar="CODE", help="看一个班级测验码（或竞赛编号 CT-…）的排名和答错最多的题")
    stats.add_argument("--json", action="store_true", help="输出 JSON")
    _common(stats)
    stats.set_defaults(handler=_data("stats"))

    export = commands.add_parser(
        "export",
        help="导出所有作答记录（export every answer）",
        description="导出每个人的每一次作答，供出题老师用表格软件查看（CSV 为带 BOM 的 UTF-8，Excel 可直接打开）。",
    )
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="格式（默认 csv）")
    export.add_argument("-o", "--output", metavar="FILE", help="写入的文件；不写则输出到标准输出")
    export.add_argument("--code", metavar="CODE", help="只导出这个班级测验码的作答（带回给老师用 json 格式）")
    _common(export)
    export.set_defaults(handler=_data("export"))

    imports = commands.add_parser(
        "import",
        help="导入别的机器导出的作答（merge answers exported elsewhere）",
        description="合并 studytui export --format json 导出的作答；同一条作答导入两次也只记一次。",
    )
    imports.add_argument("files", nargs="+", metavar="FILE.json", help="studytui export --format json 的输出")
    _common(imports)
    imports.set_defaults(handler=_data("import_"))

    report = commands.add_parser(
        "report", help="薄弱环节报告（weak points report）", description="每道题、每类提法有多少人答对，供老师决定接下来讲什么。"
    )
    report.add_argument("--code", metavar="CODE", help="只看这个班级测验码")
    report.add_argument("--format", choices=["md", "csv"], default="md", help="格式：md（Markdown，默认）或 csv")
    report.add_argument("-o", "--output", metavar="FILE", help="写入的文件；不写则输出到标准输出")
    report.add_argument(
        "--items", metavar="BANK", help="题目分析：这个题库（文件或 id）每道题的作答、答对率、区分度、申诉和常见错答"
    )
    report.add_argument("--csv", action="store_true", help="同 --format csv")
    _common(report)
    report.set_defaults(handler=_report)

    serve = commands.add_parser(
        "serve",
        help="在浏览器里使用，供一个教室（serve the TUI to browsers）",
        description="用 textual-serve 把终端界面提供给浏览器：大家在同一台机器的数据文件夹里答题，排行榜实时显示每个人。默认只在本机（127.0.0.1）提供；给别的机器用时请指定 --host。",
    )
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机）")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.add_argument("--exam", metavar="CODE", help="组织考试：参加者用姓名和个人码登录，直接做这个考试码（见 studytui exam）")
    serve.add_argument("--max-sessions", type=int, default=60, help="最多同时在线的人数（默认 60），满了的浏览器看到“人数已满”")
    serve.add_argument("--roster", metavar="FILE", help="名单：每行一个姓名，可在逗号或 Tab 后写个人码；座位先留给名单上的人")
    serve.add_argument("--per-address", type=int, default=4, help="同一地址最多同时几个会话（默认 4）")
    serve.add_argument("--public-url", metavar="URL", help="经反向代理提供时，浏览器打开的地址（如 https://room.example.cn）")
    serve.add_argument(
        "--trusted-proxy",
        metavar="ADDR",
        action="append",
        default=[],
        help="反向代理的地址或网段（可多次给出）：来自它的请求按其 X-Forwarded-For 认定浏览器的地址（默认不信任任何代理）",
    )
    _common(serve)
    serve.set_defaults(handler=_serve)

    from studytui.cli_exam import add_exam_command

    add_exam_command(commands, _common)

    grade = commands.add_parser(
        "grade",
        help="给一个作答评分并说明理由（grade one typed answer）",
        description="按评分规则给作答评分：输出判定、得分和每处差异及原因。",
    )
    grade.add_argument("expected", metavar="EXPECTED", help="标准答案")
    grade.add_argument("answer", metavar="ANSWER", help="作答")
    grade.add_argument("--accept", action="append", default=[], metavar="TEXT", help="其他可接受的答案，可重复")
    grade.add_argument(
        "--strictness",
        choices=["strict", "normal", "lenient"],
        default="normal",
        help="“接近”的得分：strict 0，normal 0.5（默认），lenient 1",
    )
    grade.add_argument("--json", action="store_true", help="输出 JSON")
    grade.set_defaults(handler=_banks("grade"))
    return parser


def _data(name: str) -> Callable[[argparse.Namespace], int]:
    """A command of ``cli_data``, imported only when it runs."""

    def run(args: argparse.Namespace) -> int:
        from studytui import cli_data

        command: Callable[[argparse.Namespace], int] = getattr(cli_data, name)
        return command(args)

    return run


def _banks(name: str) -> Callable[[argparse.Namespace], int]:
    """A command of ``cli_banks``, imported only when it runs."""

    def run(args: argparse.Namespace) -> int:
        from studytui import cli_banks

        command: Callable[[argparse.Namespace], int] = getattr(cli_banks, name)
        return command(args)

    return run


def _report(args: argparse.Namespace) -> int:
    """``report``: the weak points, or with ``--items`` one bank's item analysis."""
    if args.items is None:
        return _data("report")(args)
    from studytui.cli_items import report_items

    return report_items(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # plain `studytui`: the TUI at once, without building every command's parser
        return _tui(argparse.Namespace(data_dir=None, bank=None, participant=False))
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "db", None):
        from studytui.store.backends import use_database

        use_database(args.db)  # this process, and every session `serve` starts
    handler = getattr(args, "handler", None)
    if handler is None:
        return _tui(args)
    from studytui.safe_text import terminal_safe_output

    with terminal_safe_output():  # no control character from a bank, a record or a name reaches the terminal
        return _handled(handler, args)


def _handled(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    import sqlite3

    from studytui.store import StoreError, describe

    if (refused := _refused_output(args)) is not None:
        print(refused, file=sys.stderr)
        return 1
    try:
        code = _run(handler, args)
        sys.stdout.flush()  # a reader that is gone (`| head`) shows here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # locked for longer than the wait, for one
        print(f"{getattr(getattr(args, 'store', None), 'path', '')}: {describe(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # a data folder or output file that cannot be made or written
        from studytui.os_errors import said

        print(f"{exc.filename or ''}: {said(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _refused_output(args: argparse.Namespace) -> str | None:
    """Why the command's ``-o`` file must not be written (the database, for one), or None."""
    if not getattr(args, "output", None):
        return None
    from studytui import paths
    from studytui.store.guard import refuses_output

    return refuses_output(args.output, paths.data_dir(args.data_dir))


def _reader_gone() -> int:
    """The output's reader has closed the pipe (`studytui stats | head -1`): stop quietly,
    with the status of a command ended by SIGPIPE (128 + 13), as `cat` or `git log` do,
    and no error at exit when Python flushes what is left."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; when the database turns out to be damaged past what the check at
    open sees, in rows read while the output is being written, set it aside, salvage it
    and run the command again on what was kept (the store's own calls recover by themselves)."""
    import sqlite3

    from studytui.store.recovery import damaged

    try:
        return handler(args)
    except sqlite3.DatabaseError as exc:
        store = getattr(args, "store", None)
        if not damaged(exc) or store is None or store.read_only:
            raise
        store.recover()
        return handler(args)


def _tui(args: argparse.Namespace) -> int:
    from studytui.app import StudyApp

    app = StudyApp(data_dir=args.data_dir, banks=args.bank or (), participant=args.participant)
    app.run()
    return app.return_code or 0


def _serve(args: argparse.Namespace) -> int:
    from studytui import paths
    from studytui.cli_exam import before_serving
    from studytui.serve_start import serve

    if (refused := before_serving(args)) is not None:
        return refused
    return serve(
        paths.data_dir(args.data_dir),
        args.bank or [],
        args.host,
        args.port,
        args.max_sessions,
        public_url=args.public_url,
        roster=args.roster,
        per_address=args.per_address,
        trusted_proxies=args.trusted_proxy,
    )
