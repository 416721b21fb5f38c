"""Issue 27: studytui installs on a machine that reaches no package index, from the
folder that scripts/bundle.py writes. The bundle is built for this machine (and for
Windows, whose dependencies differ), then installed into a fresh venv with pip cut
off from every index, and the installed studytui runs."""

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from studytui import __version__

ROOT = Path(__file__).resolve().parents[1]
SPEECH = ROOT / "tests" / "data" / "corpus" / "qichu_qifali.txt"
HERE = {("Linux", "x86_64"): "linux-x86_64", ("Linux", "aarch64"): "linux-aarch64", ("Windows", "AMD64"): "windows-x86_64"}[
    (platform.system(), platform.machine())
]
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
NO_WHEELS = "3.99"  # a CPython no dependency will ever publish wheels for


def offline_env() -> dict[str, str]:
    """pip with no index, no find-links and no config of this machine's: only the bundle."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_") and key != "PYTHONPATH"}
    return env | {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "studytui-bundle"
    platforms = [option for name in dict.fromkeys([HERE, "windows-x86_64"]) for option in ("--platform", name)]
    command = [
        sys.executable,
        str(ROOT / "scripts" / "bundle.py"),
        str(out),
        "--postgres",
        *platforms,
        "--python",
        PYTHON,
        "--python",
        NO_WHEELS,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def installed(bundle, tmp_path_factory):
    """The bin folder of a fresh venv where studytui was installed from the bundle alone."""
    out, _ = bundle
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    install = [
        str(bin_dir / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--no-index",
        "--find-links",
        str(out),
        "--index-url",
        "http://127.0.0.1:9/",
        "studytui",
        "psycopg[binary]",
    ]
    result = subprocess.run(install, capture_output=True, text=True, env=offline_env())
    assert result.returncode == 0, result.stdout + result.stderr
    return bin_dir


def studytui(bin_dir: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bin_dir / "studytui"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=offline_env(),
        cwd=data_dir.parent,
    )


def test_a_target_without_wheels_is_named_and_the_others_are_bundled(bundle):
    out, stdout = bundle
    missing = [line for line in stdout.splitlines() if f"CPython {NO_WHEELS}" in line and "缺少" in line]
    assert missing and "的 wheel" in missing[0]
    assert "完整的目标 2 个" in stdout and "不完整的目标 2 个" in stdout
    assert f"CPython {NO_WHEELS}" in (out / "INSTALL.txt").read_text(encoding="utf-8-sig")


def test_pure_python_wheels_come_once_and_each_target_gets_its_own_binaries(bundle):
    out, _ = bundle
    wheels = [path.name for path in out.glob("*.whl")]
    assert len([name for name in wheels if name.startswith("jieba-")]) == 1
    assert any(name.startswith("rapidfuzz-") and name.endswith("win_amd64.whl") for name in wheels)
    assert len([name for name in wheels if name.startswith("rapidfuzz-")]) == 2


def test_windows_gets_the_dependencies_only_windows_needs(bundle):
    """psycopg needs tzdata on Windows alone: found only if markers are read for Windows."""
    out, _ = bundle
    assert list(out.glob("tzdata-*.whl"))


def test_install_txt_gives_the_one_offline_command_in_chinese(bundle):
    out, _ = bundle
    text = (out / "INSTALL.txt").read_text(encoding="utf-8-sig")
    assert "python3 -m pip install --no-index --find-links DIR studytui" in text
    assert "py -m pip install --no-index --find-links DIR studytui" in text
    assert f"CPython {PYTHON}" in text and "离线安装" in text and "启动" in text


def test_installed_from_the_bundle_alone_it_starts(installed, tmp_path):
    result = studytui(installed, tmp_path / "data", "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"studytui {__version__}"
    imported = subprocess.run([str(installed / "python"), "-c", "import psycopg"], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr


def test_installed_from_the_bundle_alone_it_validates_the_shipped_banks(installed, tmp_path):
    result = studytui(installed, tmp_path / "data", "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    shipped = [line for line in result.stdout.splitlines() if "qichu-qifali.yaml: 有效" in line]
    assert shipped and str(installed.parent) in shipped[0]


def test_installed_from_the_bundle_alone_it_generates_a_bank_from_a_speech(installed, tmp_path):
    bank = tmp_path / "qichu.yaml"
    result = studytui(installed, tmp_path / "data", "generate", str(SPEECH), "-o", str(bank))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "生成题目" in result.stderr and bank.exists()
    validated = studytui(installed, tmp_path / "data", "validate", str(bank))
    assert validated.returncode == 0 and "有效" in validated.stdout
