"""Settings, each declared once with its default and a help line.

Precedence: default < config file (orynda.yaml, or $ORYNDA_CONFIG) < environment (ORYNDA_…, nested with __) < flags.
Secrets never live here: see orynda.secrets.

Where things are does not depend on the folder a command is typed in: the home folder (runs, reports, the SQLite
database) is $ORYNDA_HOME, else the user's data folder (~/.local/share/orynda on Linux); the settings file is
$ORYNDA_CONFIG, else an orynda.yaml in the current folder (a checkout's own), else the user's config folder's
(~/.config/orynda/orynda.yaml, next to secrets.env). A relative --home is made absolute at once, so the paths a
run records are found from anywhere later.
"""

from __future__ import annotations

import os
import shutil
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_dir, user_data_dir
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from orynda.errors import ConfigError
from orynda.yamlfile import describe, read_yaml


class RetrySettings(BaseModel):
    """A retry policy (tenacity, see orynda.retrying): attempts in all, first wait, cap, and how the wait grows."""

    model_config = ConfigDict(frozen=True)

    attempts: int = Field(4, ge=1, description="Tries in all, the first included")
    initial_s: float = Field(0.5, ge=0, description="First backoff wait, seconds")
    max_s: float = Field(8.0, ge=0, description="Longest backoff wait, seconds")
    multiplier: float = Field(2.0, ge=1, description="Growth of the wait per try (exponential backoff)")
    backoff: Literal["exponential", "linear"] = Field(
        "exponential", description="exponential: initial_s × multiplier per try; linear: initial_s × the try's number"
    )


# A step of a signed-in site is run again right after a fresh sign-in: the first run and two more, no wait.
SIGN_IN_RETRY = RetrySettings(attempts=3, initial_s=0, max_s=0)
# Two writers racing for a document number: the loser reads again after a few milliseconds, up to 20 times.
DATABASE_RETRY = RetrySettings(attempts=20, initial_s=0.01, max_s=0.2, backoff="linear")


class SiteSettings(BaseModel):
    """Politeness and address of one registry (Scrapy's per-domain settings)."""

    base_url: str | None = Field(None, description="The site's root URL; empty means the sandbox's")
    concurrency: int = Field(4, ge=1, description="Pages open on this site at once")
    rate_per_second: float = Field(20.0, gt=0, description="Most page actions started per second")
    timeout_ms: int = Field(15_000, ge=100, description="How long one page action may wait")
    selectors: str | None = Field(
        None, description="Selector file: a name in selectors/ or a path to a .yaml (default: the site's name)"
    )
    probe: str | None = Field(
        None,
        description="An IIN the site knows, looked up read-only by the pre-flight to reach its result pages and "
        "cards; empty: the pages behind a search are not reached",
    )
    sign_in_retry: RetrySettings = Field(
        SIGN_IN_RETRY, description="Runs of a step that found itself signed out, each after signing in again"
    )
    sign_in_faults: RetrySettings = Field(
        RetrySettings(),
        description="Tries of one sign-in that met a system fault (a 503, a dropped or slow answer) in its requests",
    )
    page_retry: RetrySettings = Field(
        RetrySettings(),
        description="Loads of one page of a list that showed the site's error banner, with the site's retry button",
    )


class BrowserSettings(BaseModel):
    executable: Path | None = Field(
        None, description="Chromium to drive; empty: Playwright's own, else /usr/bin/chromium"
    )
    headless: bool = Field(True, description="Run without a window")
    items_per_context: int = Field(25, ge=1, description="Items a browser context serves before it is recycled")
    trace: bool = Field(True, description="Record a Playwright trace per item, kept only when the item fails")

    def resolved_executable(self) -> str | None:
        """Playwright's bundled browser when installed, else the distribution's chromium."""
        if self.executable:
            return str(self.executable)
        if _playwright_chromium_installed():
            return None
        return shutil.which("chromium") or shutil.which("chromium-browser")


class DocumentSettings(BaseModel):
    """How the office's acts are numbered and where anyone checks them."""

    office_prefix: str = Field(
        "",
        pattern=r"^(?:[A-Z][A-Z0-9]{0,11})?$",
        description="The office's code in its act numbers (ORY-ALM01-2026-000123), so no two offices share a number",
    )
    verify_url: str | None = Field(
        None,
        description="The public verify page the QR code and footer name; empty: <console_url>/verify or the console",
    )


# Sites the sandbox serves inside another site's portal: the bailiff's deposit account is Sandyq Bank's.
SANDBOX_HOSTS = {"deposit": "bank_sandyq"}
CONSOLE_VERIFY = "http://127.0.0.1:8780/verify"  # the console's own verify page, as runner.py console serves it


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORYNDA_", env_nested_delimiter="__", extra="forbid")

    home: Path = Field(
        default_factory=lambda: default_home(),
        description="Runs, evidence, reports and the SQLite database live here; default: the user's data folder",
    )
    database_url: str | None = Field(None, description="SQLAlchemy URL; empty: SQLite in home")
    sandbox_url: str = Field("http://127.0.0.1:8765", description="Root of the local sandbox registries")
    workers: int = Field(4, ge=1, description="Items processed at once in a run")
    retry: RetrySettings = Field(RetrySettings(), description="Backoff for an item's or a lookup's system faults")
    retry_database: RetrySettings = Field(
        DATABASE_RETRY, description="Backoff for writers racing in the database (the document register)"
    )
    browser: BrowserSettings = BrowserSettings()
    sites: dict[str, SiteSettings] = Field(default_factory=dict, description="Per-site address and politeness")
    acts: dict[str, str] = Field(
        default_factory=dict, description="Act policy overrides: kind -> auto | review | manual (domain/documents)"
    )
    language: Literal["kk", "ru"] = Field("kk", description="The office's language: reports, console, messages")
    console_url: str | None = Field(
        None, description="The console's address as the office opens it (https://orynda.office.local): report links"
    )
    documents: DocumentSettings = Field(DocumentSettings(), description="Act numbers and the verify page")
    preflight: bool = Field(
        True, description="Check every selector of a flow's sites before each run (runner.py run --skip-check: not)"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _YamlSource(settings_cls)

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, home: Path) -> Path:
        return absolute(home)

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'orynda.db'}"

    @property
    def verify_url(self) -> str:
        """Where a citizen or a bank checks an act: the configured page, else the console's verify page."""
        if self.documents.verify_url:
            return self.documents.verify_url
        return f"{self.console_url.rstrip('/')}/verify" if self.console_url else CONSOLE_VERIFY

    def site(self, name: str) -> SiteSettings:
        """The site's settings with its base URL filled in: a real deployment sets sites.<name>.base_url, else the
        site is the sandbox's, served under its own name (or its host's, SANDBOX_HOSTS)."""
        site = self.sites.get(name, SiteSettings())
        if site.base_url:
            return site
        return site.model_copy(update={"base_url": self.sandbox_url.rstrip("/") + "/" + SANDBOX_HOSTS.get(name, name)})

    @cached_property
    def runs_dir(self) -> Path:
        return self.home / "runs"


class _YamlSource(PydanticBaseSettingsSource):
    """Reads orynda.yaml (or $ORYNDA_CONFIG) when present."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = config_path()
        if path is None:
            return {}
        data, _ = read_yaml(path)
        return data if isinstance(data, dict) else {}


def default_home() -> Path:
    """The user's data folder for Orynda (platformdirs: XDG on Linux, AppData on Windows)."""
    return Path(user_data_dir("orynda", appauthor=False))


def absolute(path: Path) -> Path:
    return Path(path).expanduser().absolute()


def config_path() -> Path | None:
    """The settings file: named by $ORYNDA_CONFIG, else the current folder's orynda.yaml, else the user's."""
    named = os.environ.get("ORYNDA_CONFIG")
    if named:
        return Path(named)
    for candidate in (Path("orynda.yaml"), Path(user_config_dir("orynda", appauthor=False)) / "orynda.yaml"):
        if candidate.exists():
            return candidate
    return None


def load_settings(**overrides: Any) -> Settings:
    """Settings from every source; a bad value stops with file, line and key."""
    try:
        settings = Settings()
    except ValidationError as exc:
        path = config_path()
        lines = read_yaml(path)[1] if path else {}
        raise ConfigError(describe(exc, path or Path("(environment)"), lines)) from exc
    given = {k: v for k, v in overrides.items() if v is not None}
    if "home" in given:
        given["home"] = absolute(given["home"])
    return settings.model_copy(update=given)


def _playwright_chromium_installed() -> bool:
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    return any(root.glob("chromium-*/chrome-linux*/chrome"))
