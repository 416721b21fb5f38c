import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Tests never touch the real user data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("STUDYTUI_DATA_DIR", str(data))
    return data
