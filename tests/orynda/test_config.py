from pathlib import Path

import pytest

from orynda.config import load_settings
from orynda.errors import ConfigError
from orynda.secrets import credentials


@pytest.fixture(autouse=True)
def no_orynda_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def test_precedence_default_file_env_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().workers == 4
    (tmp_path / "orynda.yaml").write_text("workers: 6\nsites:\n  enpf:\n    concurrency: 2\n")
    assert load_settings().workers == 6 and load_settings().site("enpf").concurrency == 2
    monkeypatch.setenv("ORYNDA_WORKERS", "7")
    assert load_settings().workers == 7
    assert load_settings(workers=9).workers == 9


def test_site_defaults_to_the_sandbox_and_a_real_url_wins(tmp_path: Path) -> None:
    assert load_settings().site("debtor_register").base_url == "http://127.0.0.1:8765/debtor_register"
    (tmp_path / "orynda.yaml").write_text("sites:\n  debtor_register:\n    base_url: https://register.example.kz\n")
    assert load_settings().site("debtor_register").base_url == "https://register.example.kz"


@pytest.mark.parametrize(
    ("yaml", "page"),
    [
        ("", "http://127.0.0.1:8780/verify"),  # the console's own verify page
        ("console_url: https://orynda.office.local/\n", "https://orynda.office.local/verify"),
        ("documents:\n  verify_url: https://check.office.kz/v\n", "https://check.office.kz/v"),
    ],
)
def test_the_verify_page_acts_name(tmp_path: Path, yaml: str, page: str) -> None:
    (tmp_path / "orynda.yaml").write_text(yaml)
    assert load_settings().verify_url == page


def test_an_office_code_is_letters_and_digits(tmp_path: Path) -> None:
    (tmp_path / "orynda.yaml").write_text("documents:\n  office_prefix: ALM01\n")
    assert load_settings().documents.office_prefix == "ALM01"
    (tmp_path / "orynda.yaml").write_text("documents:\n  office_prefix: 2026\n")  # would read as a year
    with pytest.raises(ConfigError, match=r"documents\.office_prefix"):
        load_settings()


def test_bad_value_names_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "orynda.yaml").write_text("workers: 2\nretry:\n  attempts: zero\n")
    with pytest.raises(ConfigError, match=r"orynda\.yaml:3: retry\.attempts: Input should be a valid integer"):
        load_settings()


def test_credentials_from_env_or_secrets_file_print_as_stars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="set ORYNDA_AISEP_USER and ORYNDA_AISEP_PASSWORD"):
        credentials("aisep")
    secrets = tmp_path / "secrets.env"
    secrets.write_text("ORYNDA_AISEP_USER=bailiff1\nORYNDA_AISEP_PASSWORD=s3cret\n")
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(secrets))
    login = credentials("aisep")
    assert login.password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(login) and "s3cret" not in str(login.password)


@pytest.mark.parametrize(
    ("env", "home"),
    [
        pytest.param({"ORYNDA_HOME": "{tmp}/office"}, "{tmp}/office", id="orynda-home"),
        pytest.param({"XDG_DATA_HOME": "{tmp}/data"}, "{tmp}/data/orynda", id="xdg-data-home"),
        pytest.param({"HOME": "{tmp}/user"}, "{tmp}/user/.local/share/orynda", id="user-data-folder"),
    ],
)
def test_the_default_home_does_not_depend_on_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], home: str
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value.format(tmp=tmp_path))
    for folder in (tmp_path, tmp_path / "elsewhere"):
        folder.mkdir(exist_ok=True)
        monkeypatch.chdir(folder)
        settings = load_settings()
        assert settings.home == Path(home.format(tmp=tmp_path))
        assert settings.db_url == f"sqlite:///{tmp_path}/{home.format(tmp='').lstrip('/')}/orynda.db"


def test_a_relative_home_is_made_absolute_where_it_was_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(home=Path("var")).home == tmp_path / "var"
    monkeypatch.setenv("ORYNDA_HOME", "office")
    assert load_settings().home == tmp_path / "office"


def test_the_settings_file_is_the_folders_own_else_the_users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "config" / "orynda").mkdir(parents=True)
    (tmp_path / "config" / "orynda" / "orynda.yaml").write_text("language: ru\nworkers: 3\n")
    monkeypatch.chdir(tmp_path / "config")
    assert (load_settings().language, load_settings().workers) == ("ru", 3)
    (tmp_path / "config" / "orynda.yaml").write_text("workers: 5\n")
    assert (load_settings().language, load_settings().workers) == ("kk", 5)
