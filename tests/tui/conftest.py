"""What the TUI tests share: the app started with Pilot and settled at home.

- ``pilot``: the app at home, 张三 studying the bank three (tests/data/three.yaml), 100×30;
- ``start``: the app on a data folder of the test's choosing, ``async with start(...) as pilot``;
- ``settle`` (helpers): wait on the workers, never on the clock.
"""

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers import THREE, prepare, settle
from textual.pilot import Pilot

from studytui.app import StudyApp

Start = Callable[..., AbstractAsyncContextManager[Pilot[None]]]


@pytest.fixture
def start(tmp_path: Path) -> Start:
    """Open the app and wait until home has settled (its banks read, its figures shown).
    ``data``: the data folder (``tmp_path`` unless given; prepared or not, as the test
    needs); ``banks``: extra bank files (the bank three unless given); ``size``: the
    terminal; anything else goes to ``StudyApp`` (``participant=True``)."""

    @asynccontextmanager
    async def started(
        data: Path | None = None, *, banks: Iterable[Path] = (THREE,), size: tuple[int, int] = (100, 30), **options: Any
    ) -> AsyncIterator[Pilot[None]]:
        app = StudyApp(data_dir=tmp_path if data is None else data, banks=list(banks), **options)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot

    return started


@pytest.fixture
async def pilot(tmp_path: Path, start: Start) -> AsyncIterator[Pilot[None]]:
    """The app at home: 张三 has studied here before, with the bank three chosen; 100×30."""
    prepare(tmp_path)
    async with start() as pilot:
        yield pilot
