"""Write studytui and every dependency as wheels into one folder, for a machine that
reaches no package index: copy the folder over, then

    pip install --no-index --find-links DIR studytui

Usage: python scripts/bundle.py DIR [--postgres] [--platform NAME ...] [--python X.Y ...]

Run it online, from the repository. It builds studytui's wheel, builds here the
dependencies published only as source (jieba), then downloads with pip, for each
(Python, platform) target, the wheels that target needs, and pip's own (to install
with where pip is missing); a pure-Python wheel is stored once. A target that some
dependency has no wheel for is named, with that dependency, and left out; the
others go on. DIR gets an INSTALL.txt in Chinese.

pip evaluates a dependency's environment markers (`tzdata; sys_platform ==
"win32"`) for the machine it runs on, even when it downloads for another
(pypa/pip#6117): each download runs pip with the target's marker values.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = ("3.11", "3.12", "3.13", "3.14")
GLIBC = "2.28"  # Kylin V10, UOS 20 and openEuler 20.03 have it; rapidfuzz's wheels for CPython 3.14 need 2.27
POSTGRES = "psycopg[binary]>=3.1"

# Runs pip with environment markers evaluated for the target (argv[1], JSON), not for this machine.
PIP_FOR_TARGET = """
import json, runpy, sys
from pip._vendor.packaging import markers
environment = json.loads(sys.argv.pop(1))
markers.default_environment = lambda: dict(environment)
sys.argv[0] = "pip"
runpy.run_module("pip", run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class Platform:
    name: str
    tags: tuple[str, ...]
    os_name: str
    sys_platform: str
    system: str
    machine: str


def manylinux_tags(arch: str) -> tuple[str, ...]:
    """Every manylinux tag a Linux with glibc GLIBC runs, newest first (pip expands none of them)."""
    newest = int(GLIBC.split(".")[1])
    glibc = [f"manylinux_2_{minor}_{arch}" for minor in range(newest, 4, -1)]
    return (*glibc, *(f"manylinux{legacy}_{arch}" for legacy in ("2014", "2010", "1")))


PLATFORMS = {
    "linux-x86_64": Platform("Linux x86_64", manylinux_tags("x86_64"), "posix", "linux", "Linux", "x86_64"),
    "linux-aarch64": Platform("Linux aarch64", manylinux_tags("aarch64"), "posix", "linux", "Linux", "aarch64"),
    "windows-x86_64": Platform("Windows x86_64", ("win_amd64",), "nt", "win32", "Windows", "AMD64"),
}


@dataclass(frozen=True)
class Target:
    python: str
    platform: Platform

    def __str__(self) -> str:
        return f"CPython {self.python} · {self.platform.name}"

    def markers(self) -> dict[str, str]:
        version = f"{self.python}.0"
        return {
            "implementation_name": "cpython",
            "implementation_version": version,
            "os_name": self.platform.os_name,
            "platform_machine": self.platform.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": self.platform.system,
            "platform_version": "",
            "python_full_version": version,
            "python_version": self.python,
            "sys_platform": self.platform.sys_platform,
        }

    def pip_options(self) -> list[str]:
        abi = "cp" + self.python.replace(".", "")
        platforms = [option for tag in self.platform.tags for option in ("--platform", tag)]
        return ["--only-binary=:all:", *platforms, "--python-version", self.python, "--implementation", "cp", "--abi", abi]


Results = dict[Target, str | None]  # what each target misses; None when it is complete


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="把 studytui 及其全部依赖的 wheel 写入一个文件夹，供无法访问软件包索引的电脑离线安装。"
    )
    parser.add_argument("dir", type=Path, help="输出文件夹（须为空或不存在）")
    parser.add_argument("--postgres", action="store_true", help=f"同时打包 PostgreSQL 驱动（{POSTGRES}）")
    parser.add_argument("--platform", action="append", choices=PLATFORMS, help="目标平台，可重复；默认全部")
    parser.add_argument("--python", action="append", metavar="X.Y", help=f"目标 Python 版本，可重复；默认 {'、'.join(PYTHONS)}")
    return parser.parse_args(argv)


def pip(*args: str, markers: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", PIP_FOR_TARGET, json.dumps(markers)] if markers else [sys.executable, "-m", "pip"]
    return subprocess.run([*command, *args], capture_output=True, text=True, errors="replace")


def not_source(folder: str, names: list[str]) -> set[str]:
    """Hidden files, build output, caches and virtual environments: not copied to build from."""
    outputs = {"build", "dist", "__pycache__"}
    return {
        name
        for name in names
        if name.startswith(".") or name in outputs or name.endswith(".egg-info") or (Path(folder, name, "pyvenv.cfg").exists())
    }


def build_studytui(source: Path, built: Path) -> Path | None:
    """From a copy of the repository in source: setuptools builds in the source folder,
    where a stale build/ would slip modules deleted since into the wheel."""
    shutil.copytree(ROOT, source, ignore=not_source)
    result = pip("wheel", "--no-deps", "-w", str(built), str(source))
    if result.returncode != 0:
        print(f"无法构建 studytui 的 wheel：\n{result.stderr}", file=sys.stderr)
        return None
    return next(built.glob("studytui-*.whl"))


def build_source_only_dependencies(wheel: Path, built: Path) -> None:
    """Wheels for this machine of the whole dependency tree: a dependency published
    only as source (jieba) becomes a pure-Python wheel that every target can use."""
    result = pip("wheel", "-w", str(built), "--find-links", str(built), str(wheel))
    if result.returncode != 0:
        print(f"本机无法为 studytui 的依赖构建 wheel，只发布源码的依赖将缺失：\n{last_error(result.stderr)}", file=sys.stderr)


def last_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    return (errors or lines or ["pip 失败"])[-1]


def missing_reason(stderr: str) -> str:
    found = re.search(r"No matching distribution found for (\S+)", stderr)
    return f"缺少 {found.group(1)} 的 wheel" if found else last_error(stderr)


def download(target: Target, requirements: list[str], built: Path, out: Path) -> str | None:
    """Download what target needs into out, taking the wheels built here from built;
    None when complete, else what is missing."""
    result = pip(
        "download", *target.pip_options(), "--find-links", str(built), "-d", str(out), *requirements, markers=target.markers()
    )
    return None if result.returncode == 0 else missing_reason(result.stderr)


def included_lines(results: Results) -> list[str]:
    complete = [target for target, missing in results.items() if missing is None]
    lines = ["包含的 Python 版本和平台："]
    for platform in dict.fromkeys(target.platform for target in complete):
        lines.append(f"  {platform.name}：CPython {'、'.join(t.python for t in complete if t.platform == platform)}")
    if any(target.platform.system == "Linux" for target in complete):
        lines.append(f"  Linux 需 glibc {GLIBC} 或更新（如麒麟 V10、统信 UOS 20、openEuler 20.03 及以后）。")
    incomplete = [f"  {target}：{missing}" for target, missing in results.items() if missing is not None]
    return lines + (["", "不包含（缺少依赖的 wheel）：", *incomplete] if incomplete else [])


def command_lines(systems: set[str], postgres: bool, pip_wheel: str) -> list[str]:
    packages = 'studytui "psycopg[binary]"' if postgres else "studytui"
    lines = ["安装（DIR 换成这个文件夹的路径；在这个文件夹里打开终端时写 . 即可）："]
    if "Linux" in systems:
        lines.append(f"  Linux：   python3 -m pip install --no-index --find-links DIR {packages}")
    if "Windows" in systems:
        lines.append(f"  Windows： py -m pip install --no-index --find-links DIR {packages}")
    if postgres:
        lines.append('  末尾的 "psycopg[binary]" 是 PostgreSQL 驱动，不用 PostgreSQL 时可以去掉。')
    if "Linux" in systems:
        lines += [
            "",
            "Linux 上没有 pip 时，用这个文件夹里的 pip 安装：",
            f"  python3 DIR/{pip_wheel}/pip install --no-index --find-links DIR {packages}",
            "提示 externally-managed-environment 时，先建一个虚拟环境，再用它的 pip 安装：",
            f"  python3 -m venv ~/studytui-env && ~/studytui-env/bin/pip install --no-index --find-links DIR {packages}",
            "  之后用 ~/studytui-env/bin/studytui 启动。",
        ]
    return lines


def install_txt(out: Path, results: Results, postgres: bool) -> str:
    version = next(out.glob("studytui-*.whl")).name.split("-")[1]
    pip_wheel = next(out.glob("pip-*.whl")).name
    systems = {target.platform.system for target, missing in results.items() if missing is None}
    lines = [
        f"studytui {version} 离线安装包",
        "",
        "这个文件夹里是 studytui 及其全部依赖的 wheel 安装文件。在无法访问软件包索引（内网、离线）的",
        "电脑上，只用这个文件夹就能安装 studytui，不需要联网。",
        "",
        *included_lines(results),
        "",
        *command_lines(systems, postgres, pip_wheel),
        "",
        "启动：",
        "  studytui",
        "找不到 studytui 命令时，用 python3 -m studytui（Windows：py -m studytui）启动。",
        "",
    ]
    return "\n".join(lines)


def write_install_txt(out: Path, results: Results, postgres: bool) -> None:
    """With a byte-order mark and CRLF, so that every Notepad shows it right."""
    (out / "INSTALL.txt").write_text(install_txt(out, results, postgres), encoding="utf-8-sig", newline="\r\n")


def size_mb(out: Path) -> float:
    return sum(path.stat().st_size for path in out.iterdir()) / 1_000_000


def print_summary(out: Path, results: Results) -> None:
    complete = [str(target) for target, missing in results.items() if missing is None]
    incomplete = [f"{target}（{missing}）" for target, missing in results.items() if missing is not None]
    print(f"完整的目标 {len(complete)} 个：{'，'.join(complete) or '无'}")
    print(f"不完整的目标 {len(incomplete)} 个：{'，'.join(incomplete) or '无'}")
    print(f"{out}：{len(list(out.iterdir()))} 个文件，共 {size_mb(out):.1f} MB")


def targets(args: argparse.Namespace) -> list[Target]:
    platforms = [PLATFORMS[name] for name in args.platform or PLATFORMS]
    return [Target(python, platform) for platform in platforms for python in args.python or PYTHONS]


def bundle(out: Path, wanted: list[Target], postgres: bool) -> Results | None:
    """Fill out with the wheels of every wanted target; None when studytui's own wheel cannot be built."""
    with tempfile.TemporaryDirectory() as temporary:
        built = Path(temporary, "wheels")
        wheel = build_studytui(Path(temporary, "source"), built)
        if wheel is None:
            return None
        build_source_only_dependencies(wheel, built)
        requirements = [str(wheel), "pip", *([POSTGRES] if postgres else [])]
        results = {}
        for target in wanted:
            print(f"下载 {target} …", flush=True)
            results[target] = download(target, requirements, built, out)
            print(f"  不完整，跳过：{results[target]}" if results[target] else "  完整", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = args.dir
    if out.exists() and any(out.iterdir()):
        print(f"{out} 不是空文件夹，请换一个文件夹或先清空它。", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    results = bundle(out, targets(args), args.postgres)
    if results is None:
        return 1
    if all(results.values()):
        print_summary(out, results)
        print("没有任何目标打包成功。", file=sys.stderr)
        return 1
    write_install_txt(out, results, args.postgres)
    print_summary(out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
