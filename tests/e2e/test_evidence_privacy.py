"""Evidence holds no secret and no other debtor: a traced nightly_check signs in to every registry, fails on purpose,
and every file it keeps is searched for the logins' secrets and for every other debtor's IIN."""

from __future__ import annotations

import html
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from app.runs import start_run
from orynda.config import Settings
from orynda.runstore import RunStore
from orynda.schema import ItemState
from sandbox.credentials import write_secrets
from sandbox.server import Sandbox, start_subprocess
from sandbox.world import build_world

pytestmark = pytest.mark.e2e
SEED, DEBTORS = 7, 40  # the world of test_nightly_check: bailiff1 holds proceedings of 18 debtors
REGISTRY_COOKIES = 6  # egov realty and vehicles, e-salyq, enpf, two banks


@pytest.fixture(scope="module")
def world_sandbox() -> Iterator[Sandbox]:
    server = start_subprocess(seed=SEED, debtors=DEBTORS)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def secrets_file(settings: Settings, world_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    world_sandbox.reset_faults()
    path = write_secrets(world_sandbox.url, tmp_path / "secrets")
    monkeypatch.setenv("ORYNDA_SECRETS_FILE", str(path))
    return path


def secret_values(path: Path) -> dict[str, str]:
    """The secrets of the secrets file: every password, and the key file's content."""
    pairs = dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and line[0] != "#")
    found = {key: value for key, value in pairs.items() if key.endswith("PASSWORD")}
    found["key file"] = Path(pairs["ORYNDA_EGOV_KEY_FILE"]).read_text().strip()
    assert len(found) == 10 and all(len(v) >= 6 for v in found.values())  # 6 registries, deposit, gateway, court
    # cabinet, ЭЦП key
    return found


def forms(value: str) -> set[bytes]:
    """A value as typed, URL-encoded (a form body) and JSON- or HTML-escaped (a trace event, a snapshot)."""
    texts = {value, quote(value, safe=""), quote_plus(value), html.escape(value)}
    texts |= {json.dumps(t)[1:-1] for t in list(texts)}
    return {t.encode() for t in texts}


def evidence_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every file under an item's evidence, each trace entry on its own."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for entry in archive.namelist():
                    yield f"{path.relative_to(folder)}!{entry}", archive.read(entry)
        else:
            yield str(path.relative_to(folder)), path.read_bytes()


def test_kept_traces_and_pages_hold_no_secret_and_only_their_own_debtor(
    settings: Settings, world_sandbox: Sandbox, secrets_file: Path
) -> None:
    world_sandbox.faults("/enpf", drop_rate=1.0)  # ENPF signs in, then every statement request is cut off
    before = world_sandbox.stats()
    night = settings.model_copy(update={"sandbox_url": world_sandbox.url, "workers": 1})
    assert night.browser.trace
    outcome = start_run("nightly_check", {"limit": "3", "documents": "off"}, night)

    after = world_sandbox.stats()
    signed_in = {k for k in after if k.endswith(":sign_ins") and after[k] > before.get(k, 0)}
    assert len(signed_in) >= REGISTRY_COOKIES, signed_in  # every registry signed in during the items
    items = RunStore(night.db_url).items(outcome.run_id)
    assert len(items) == 3 and all(i.state == ItemState.SYSTEM for i in items)  # ENPF missing: evidence kept

    secrets = {name: forms(value) for name, value in secret_values(secrets_file).items()}
    debtors = {d.person.iin for d in build_world(SEED, DEBTORS).debtors}
    assert {i.key for i in items} <= debtors
    folder = Path(outcome.folder) / "evidence"
    traces = 0
    for item in items:
        files = list(evidence_files(folder / f"item-{item.seq:05d}"))
        traces += len({name.split("!")[0] for name, _ in files if name.endswith(".zip!trace.network")})
        assert any(name.endswith("page.html") for name, _ in files)
        for name, data in files:
            leaked = [secret for secret, encoded in secrets.items() if any(form in data for form in encoded)]
            assert not leaked, f"item {item.seq}: {leaked} in {name}"
            others = sorted(iin for iin in debtors - {item.key} if iin.encode() in data)
            assert not others, f"item {item.seq} ({item.key}): other debtors {others} in {name}"
        own_trace = [data for name, data in files if name.startswith("enpf/") and name.endswith("!trace.network")]
        assert own_trace and item.key.encode() in own_trace[0]  # the trace is kept and is of this debtor
    assert traces == 2 * len(items)  # one of the failed ENPF lookup, one of the failed attempt, for each item
    assert not list(folder.rglob("redacted.json"))  # clean as recorded: the masking behind it found nothing
