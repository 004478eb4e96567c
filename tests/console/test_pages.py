"""The console through Starlette's test client: every page renders in Kazakh and Russian for who may see it."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.console.conftest import World, csrf_of, log_in


def test_a_page_without_a_session_sends_the_browser_to_the_login_form(client: TestClient) -> None:
    response = client.get("/review", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/review"


@pytest.mark.parametrize(
    "path",
    ["/", "/runs", "/review", "/flows", "/schedules", "/verify", "/policy"],
    ids=lambda p: p.strip("/") or "today",
)
def test_each_page_renders_for_a_supervisor(client: TestClient, world: World, path: str) -> None:
    log_in(client, "dana")
    response = client.get(path)
    assert response.status_code == 200, response.text[:800]
    assert 'lang="kk"' in response.text


def test_run_item_and_review_pages_render(client: TestClient, world: World) -> None:
    log_in(client, "dana")
    run = client.get(f"/runs/{world.run_id}")
    assert run.status_code == 200 and "900101100003" in run.text
    failed = client.get(f"/runs/{world.run_id}?state=system_exception")
    assert "900101100003" in failed.text and "900101100001" not in failed.text
    item = client.get(f"/runs/{world.run_id}/items/1")
    assert item.status_code == 200
    assert "Жылжымайтын мүлікке тыйым салынбаған" in item.text  # the finding, by its code, in Kazakh
    assert "21:318:040:123 жылжымайтын мүлкіне тыйым салынбаған" in item.text  # and in words, with its figures
    assert "is not under arrest" not in item.text and "{&#39;kind&#39;" not in item.text  # no English, no raw dict
    assert "1 234,50 ₸" in item.text and "150 000,00 ₸" in item.text
    assert "<img" in item.text and 'type="application/pdf"' in item.text
    image = client.get(f"/runs/{world.run_id}/items/1/file", params={"path": str(_evidence(world))})
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    review = client.get(f"/review/{world.aliya_item}")
    assert review.status_code == 200 and "Иваненко" in review.text


def _evidence(world: World) -> str:
    from pathlib import Path

    from orynda.runstore import RunStore

    run = RunStore(world.settings.db_url).get_run(world.run_id)
    assert run is not None
    return str(Path(run.folder) / "evidence" / "realty.png")


def test_a_file_the_item_does_not_name_is_not_served(client: TestClient, world: World) -> None:
    log_in(client, "dana")
    for path in ["/etc/passwd", "../../orynda.db", str(world.settings.home / "orynda.db")]:
        assert client.get(f"/runs/{world.run_id}/items/1/file", params={"path": path}).status_code == 404


def test_the_language_switch_shows_russian_and_is_kept(client: TestClient, world: World) -> None:
    csrf = log_in(client, "dana")
    assert "Бүгін" in client.get("/").text
    client.post("/language", data={"lang": "ru", "next": "/review", "csrf": csrf})
    page = client.get("/review").text
    assert "Очередь проверки" in page and 'lang="ru"' in page


def test_today_counts_what_waits_and_links_the_failed_item(client: TestClient, world: World) -> None:
    log_in(client, "dana")
    page = client.get("/").text
    assert f'href="/runs/{world.run_id}/items/3"' in page  # the failed item
    assert "Шектеулерді алып тастау" in page  # restrictions to lift, with a date
    assert 'href="/review?kind=account_arrest"' in page


def test_a_bailiff_sees_only_their_own_items(client: TestClient, world: World) -> None:
    log_in(client, "aliya")
    queue = client.get("/review").text
    assert f'href="/review/{world.aliya_item}"' in queue and f'href="/review/{world.bolat_item}"' not in queue
    assert client.get(f"/review/{world.bolat_item}").status_code == 403
    assert client.get(f"/runs/{world.run_id}/items/2").status_code == 403
    assert client.get(f"/runs/{world.run_id}/items/1").status_code == 200
    run = client.get(f"/runs/{world.run_id}").text
    assert "900101100002" not in run and "900101100001" in run
    forbidden = client.get(f"/review/{world.bolat_item}")
    assert "Рұқсат жоқ" in forbidden.text  # the 403 page in the user's language


def test_a_bailiff_does_not_start_flows_nor_download_reports(client: TestClient, world: World) -> None:
    csrf = log_in(client, "bolat")
    assert client.get("/flows").status_code == 403
    assert client.post("/flows/nightly_check/start", data={"csrf": csrf}).status_code == 403
    assert client.get(f"/runs/{world.run_id}/report").status_code == 403


def test_an_administrator_sees_users_and_decides_nothing(client: TestClient, world: World) -> None:
    csrf = log_in(client, "erlan")
    users = client.get("/users")
    assert users.status_code == 200 and "Әлия Серікова" in users.text
    client.post(f"/review/{world.aliya_item}/approve", data={"csrf": csrf})
    assert "шешім күтеді" in client.get(f"/review/{world.aliya_item}").text  # still proposed


def test_schedules_show_the_next_fire_times(client: TestClient, world: World) -> None:
    log_in(client, "dana")
    page = client.get("/schedules").text
    assert "0 22 * * mon-fri" in page and "22:00" in page
    assert page.count(", ") >= 3  # three fire times: weekday, dd.mm.yyyy hh:mm


def test_wrong_passwords_are_refused_and_then_locked(client: TestClient, world: World) -> None:
    token = csrf_of(client.get("/login").text)
    for _ in range(3):
        response = client.post("/login", data={"login": "aliya", "password": "wrong-password", "csrf": token})
        assert response.status_code == 401
    locked = client.post("/login", data={"login": "aliya", "password": "correct-horse-9", "csrf": token})
    assert locked.status_code == 401  # the right password waits out the lock
