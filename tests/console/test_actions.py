"""What the console's forms do: decisions and their trail, CSRF, starting flows, retrying, verifying, sessions."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import time
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from app.console import auth, web
from app.console.app import create_app
from app.console.starting import EARLY_FAILURE_S, FlowStarter, RetryOf
from orynda import clock, leases
from orynda.documents.numbering import DocumentRegister, Sealed, Subject
from orynda.errors import PreflightFailed
from orynda.i18n import catalogue
from orynda.review import ReviewQueue
from orynda.runstore import RunStore
from tests.console.conftest import StubStart, World, csrf_of, log_in

TEMPLATES = Path(web.__file__).with_name("templates")


def _queue(world: World) -> ReviewQueue:
    return ReviewQueue(RunStore(world.settings.db_url).engine)


def test_approving_changes_the_state_and_the_trail(client: TestClient, world: World) -> None:
    csrf = log_in(client, "aliya")
    page = client.post(f"/review/{world.aliya_item}/approve", data={"csrf": csrf, "note": "тексерілді"})
    assert "мақұлданды" in page.text
    item = _queue(world).get(world.aliya_item)
    assert item is not None and item.state == "approved" and item.decided_by == "aliya"
    assert [e.action for e in _queue(world).trail(world.aliya_item)] == ["proposed", "approved"]
    assert 'data-action="approved"' in page.text and "тексерілді" in page.text


def test_rejecting_needs_a_reason_and_keeps_it(client: TestClient, world: World) -> None:
    csrf = log_in(client, "aliya")
    blank = client.post(f"/review/{world.aliya_item}/reject", data={"csrf": csrf, "reason": "  "})
    assert "себебін жазыңыз" in blank.text
    assert _queue(world).get(world.aliya_item).state == "proposed"  # type: ignore[union-attr]
    done = client.post(
        f"/review/{world.aliya_item}/reject", data={"csrf": csrf, "reason": "мүлік сатылған", "not_a_finding": "1"}
    )
    item = _queue(world).get(world.aliya_item)
    assert item is not None and item.state == "rejected" and item.not_a_finding and item.reason == "мүлік сатылған"
    assert 'data-action="rejected"' in done.text and "мүлік сатылған" in done.text


def test_several_are_approved_at_once_but_not_another_bailiffs(client: TestClient, world: World) -> None:
    csrf = log_in(client, "aliya")
    response = client.post("/review/approve", data={"csrf": csrf, "ids": [str(i) for i in world.more_items]})
    assert response.status_code == 200
    assert {_queue(world).get(i).state for i in world.more_items} == {"approved"}  # type: ignore[union-attr]
    refused = client.post("/review/approve", data={"csrf": csrf, "ids": [str(world.bolat_item)]})
    assert refused.status_code == 403
    assert _queue(world).get(world.bolat_item).state == "proposed"  # type: ignore[union-attr]


def test_a_bailiff_cannot_decide_another_bailiffs_item(client: TestClient, world: World) -> None:
    csrf = log_in(client, "aliya")
    response = client.post(f"/review/{world.bolat_item}/approve", data={"csrf": csrf})
    assert response.status_code == 403
    assert _queue(world).get(world.bolat_item).state == "proposed"  # type: ignore[union-attr]


def test_every_post_route_refuses_a_missing_or_wrong_csrf_token(client: TestClient, world: World) -> None:
    log_in(client, "dana")
    posts = [r for r in client.app.routes if isinstance(r, Route) and "POST" in (r.methods or ())]  # type: ignore[attr-defined]
    assert len(posts) >= 8
    for route in posts:
        path = re.sub(r"\{(\w+)(:int)?\}", lambda m: "1" if m.group(2) else world.run_id, route.path)
        path = path.replace(f"/flows/{world.run_id}", "/flows/nightly_check")
        for data in ({}, {"csrf": "forged"}):
            response = client.post(path, data=data)
            assert response.status_code == 403, (path, data)
    assert _queue(world).get(1).state == "proposed"  # type: ignore[union-attr]


def test_starting_a_flow_with_known_parameters(client: TestClient, world: World, stub: StubStart) -> None:
    csrf = log_in(client, "dana")
    response = client.post(
        "/flows/nightly_check/start", data={"csrf": csrf, "limit": "5", "documents": "draft", "extra": ""}
    )
    assert response.status_code == 200 and "Процесс іске қосылды" in response.text
    assert stub.calls == [("nightly_check", {"limit": 5, "documents": "draft"}, None)]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"limit": "пять"}, "бүтін сан болуы керек"),
        ({"limit": "0"}, "кемінде 1"),
        ({"documents": "print"}, "мыналардың бірі"),
        ({"extra": "limt=5"}, "«limt» деген параметр жоқ"),
        ({"limitt": "5"}, "«limitt» деген параметр жоқ"),
        ({"extra": "limit"}, "кілт=мән"),
    ],
    ids=["not-a-number", "too-small", "not-a-choice", "mistyped-extra", "unknown-field", "not-a-pair"],
)
def test_an_unknown_or_mistyped_parameter_is_refused(
    client: TestClient, world: World, stub: StubStart, data: dict[str, str], said: str
) -> None:
    csrf = log_in(client, "dana")
    response = client.post("/flows/nightly_check/start", data={"csrf": csrf, **data})
    assert said in response.text
    assert stub.calls == []


def test_an_input_list_is_required_and_uploaded(client: TestClient, world: World, stub: StubStart) -> None:
    csrf = log_in(client, "dana")
    assert "міндетті" in client.post("/flows/register_check/start", data={"csrf": csrf}).text
    files = {"input": ("debtors.csv", b"iin,name\n", "text/csv")}
    client.post("/flows/register_check/start", data={"csrf": csrf}, files=files)
    ((flow, params, _),) = stub.calls
    assert flow == "register_check" and Path(params["input"]).read_bytes() == b"iin,name\n"
    assert Path(params["input"]).is_relative_to(world.settings.home)


def test_a_start_while_the_flow_runs_is_refused_with_the_holder(world: World) -> None:
    app = create_app(world.settings, start_flow=StubStart(busy="night-host:4242"), language="ru")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        csrf = log_in(client, "dana")
        response = client.post("/flows/nightly_check/start", data={"csrf": csrf})
    assert "уже выполняется (night-host:4242" in response.text


def test_the_default_starter_refuses_a_flow_whose_lease_is_held(world: World) -> None:
    engine = RunStore(world.settings.db_url).engine
    held = leases.acquire(engine, "nightly_check", "another-host:777")
    try:
        started = FlowStarter(world.settings)("nightly_check", {}, by="dana")
    finally:
        leases.release(engine, held)
    assert not started.ok and started.holder == "another-host:777"


def test_a_failed_item_is_retried_from_its_page(client: TestClient, world: World, stub: StubStart) -> None:
    csrf = log_in(client, "dana")
    page = client.get(f"/runs/{world.run_id}/items/3").text
    assert f'action="/runs/{world.run_id}/items/3/retry"' in page
    assert "/retry" not in client.get(f"/runs/{world.run_id}/items/1").text  # a done item is not retried
    client.post(f"/runs/{world.run_id}/items/3/retry", data={"csrf": csrf})
    assert stub.calls == [("nightly_check", {"limit": 3}, RetryOf(world.run_id, 3))]


def test_verify_tells_an_unknown_number_and_a_file_that_is_no_document(client: TestClient, world: World) -> None:
    csrf = log_in(client, "aliya")
    unknown = client.post("/verify", data={"csrf": csrf, "number": "ory-2026-999999-kk"})
    assert "Мұндай нөмір осы тізілімде жоқ" in unknown.text and "ORY-2026-999999-KK" in unknown.text
    files = {"file": ("act.pdf", b"hello", "application/pdf")}
    junk = client.post("/verify", data={"csrf": csrf}, files=files)
    assert "PDF те, DOCX те емес" in junk.text


def test_anyone_checks_an_acts_qr_code_without_logging_in(client: TestClient, world: World) -> None:
    register = DocumentRegister(RunStore(world.settings.db_url).engine)
    subject = Subject("opening", "900101300811", "Әбенов Нұрлан", "2501-000123", world.run_id, 1)
    kk, _ = register.allocate("opening|case:qr", subject, dt.date(2026, 11, 25))
    folder = world.settings.home
    register.seal(kk.number, Sealed(folder / "a.docx", folder / "a.pdf", "cd" * 32, "ef" * 32, "01" * 32))
    scanned = client.get(f"/verify?number={kk.act}&lang=kk&sha256={'cd' * 32}")  # what the QR code opens
    assert scanned.status_code == 200 and "Түпнұсқа әрі өзгермеген" in scanned.text
    assert "Тізілім осы нөмірмен дәл осы мазмұнды құжат берген" in scanned.text and kk.number in scanned.text
    assert "Әбенов" not in scanned.text  # a stranger learns the act is genuine, not whom it concerns
    forged = client.get(f"/verify?number={kk.act}&sha256={'ab' * 32}")
    assert "Расталмады" in forged.text and "Мөрдегі мазмұн хэші тізілімдегіден өзгеше" in forged.text
    elsewhere = client.get(f"/verify?number=ORY-ALM01-2026-000001&sha256={'cd' * 32}")
    assert "Бұл нөмірді басқа кеңсенің тізілімі берген" in elsewhere.text
    assert client.get("/verify", follow_redirects=False).status_code in (302, 303)  # the form itself: log in


def test_the_excel_report_is_downloaded(client: TestClient, world: World) -> None:
    store = RunStore(world.settings.db_url)
    report = Path(store.get_run(world.run_id).folder) / "report.xlsx"  # type: ignore[union-attr]
    report.write_bytes(b"PK\x03\x04 workbook")
    store.set_status(world.run_id, "done_with_failures", report=report)  # type: ignore[arg-type]
    log_in(client, "dana")
    assert f'href="/runs/{world.run_id}/report"' in client.get("/runs").text
    response = client.get(f"/runs/{world.run_id}/report")
    assert response.status_code == 200 and response.content == b"PK\x03\x04 workbook"
    assert "attachment" in response.headers["content-disposition"]


def test_the_session_key_is_kept_in_the_home_readable_by_its_owner_only(world: World) -> None:
    key = auth.session_key(world.settings.home)
    path = world.settings.home / auth.KEY_FILE
    assert path.read_text().strip() == key and len(key) >= 40
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert auth.session_key(world.settings.home) == key


def test_the_session_key_comes_from_the_environment_when_set(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.SECRET_ENV, "from-the-environment")
    assert auth.session_key(world.settings.home) == "from-the-environment"


def test_a_session_ends_after_its_hours(client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    log_in(client, "dana")
    assert client.get("/runs", follow_redirects=False).status_code == 200
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=web.SESSION_HOURS, minutes=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert client.get("/runs", follow_redirects=False).status_code == 303


def test_the_cookie_is_signed_http_only_and_same_site(client: TestClient, world: World) -> None:
    page = client.get("/login")
    cookie = page.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower() and "Max-Age=" in cookie
    token = csrf_of(page.text)
    client.cookies.set("orynda_console", "forged.payload.signature")
    assert client.post("/login", data={"login": "dana", "password": "x", "csrf": token}).status_code == 403


def test_every_label_the_templates_name_is_in_the_catalogue() -> None:
    named = set()
    for template in TEMPLATES.glob("*.html"):
        named |= set(re.findall(r"""\bt\(["']([a-z_.0-9]+)["']\s*[,)]""", template.read_text(encoding="utf-8")))
    assert len(named) > 100 and named - set(catalogue()) == set()


def test_each_console_text_has_exactly_its_three_languages() -> None:
    """A comma in an unquoted YAML flow mapping would split a text into bogus keys."""
    odd = {k: sorted(e) for k, e in catalogue().items() if k.startswith("console.") and set(e) != {"kk", "ru", "en"}}
    assert odd == {}


def test_no_template_carries_an_english_sentence() -> None:
    for template in TEMPLATES.glob("*.html"):
        text = re.sub(r"\{[{%#].*?[}%#]\}", " ", template.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        words = re.findall(r"[A-Za-z]{3,}", text)
        assert words == [], (template.name, words)


def test_the_default_starter_runs_in_a_thread_and_reports_a_lease_lost_in_between(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import runs as app_runs

    seen: list[tuple[str, dict[str, object], str]] = []
    monkeypatch.setattr(
        app_runs, "start_run", lambda flow, params, settings, trigger: seen.append((flow, params, trigger))
    )
    assert FlowStarter(world.settings)("nightly_check", {"limit": 2}, by="dana").ok
    assert seen == [("nightly_check", {"limit": 2}, "console")]

    def busy(*args: object, **kwargs: object) -> None:
        raise leases.FlowBusy("flow nightly_check is already running")

    monkeypatch.setattr(app_runs, "start_run", busy)
    started = FlowStarter(world.settings)("nightly_check", {}, by="dana")
    assert not started.ok and started.holder == "?"


def test_a_start_the_pre_flight_refuses_later_is_shown_on_the_flows_page(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import runs as app_runs

    def refused(*args: object, **kwargs: object) -> None:
        time.sleep(EARLY_FAILURE_S * 2)  # the page has had its answer: the pre-flight takes seconds
        raise PreflightFailed([("debtor_register", "search", "iin_input")])

    monkeypatch.setattr(app_runs, "start_run", refused)
    starter = FlowStarter(world.settings)
    assert starter("register_check", {}, by="dana").ok
    for thread in starter.threads:
        thread.join(5)
    app = create_app(world.settings, start_flow=starter, language="ru")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        log_in(client, "dana")
        page = client.get("/flows").text
    assert "предварительная проверка не пройдена" in page
    assert "на странице «search» реестра «Единый реестр должников» не найден элемент «iin_input»" in page
