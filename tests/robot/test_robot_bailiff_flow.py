"""flows/robot_bailiff at the bots' boundary (the real sites are driven in test_robot_bailiff_e2e.py): each step of the
simplified procedure — the notice by SMS and push sent once each and logged on the card once, the term waited out,
one account arrested within the debt through the act policy, the hand-over to a person, nothing once paid — and
nothing done twice across reruns."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.catalog import get_flow
from app.flow_params import validate
from app.scheduling.model import load_schedules
from bots.notify import QuotaExhausted
from domain.mci import mci_amount
from domain.notices import Channel, Delivery, SentMessage
from domain.records import BankAccount, Case, CaseAction, CreditorCategory
from flows import robot_bailiff
from orynda import clock
from orynda.config import Settings, load_settings
from orynda.engine import ItemEngine, ItemRunContext
from orynda.errors import RegistriesMissing, SiteUnavailable, SystemException
from orynda.flow import ItemSpec, Lookup
from orynda.i18n import texts
from orynda.review import ReviewQueue, ReviewState
from orynda.runstore import RunStore
from orynda.schema import Run
from tests.documents.examples import IIN, NAME, case, give_signing_key
from tests.documents.test_documents_render import docx_text
from tests.documents.test_documents_step import ALL_AUTO, FakeAisEp
from tests.payments.test_payments_flow import summary

T = TypeVar("T")
M = Decimal
NOTIFIED = dt.date(2026, 12, 1)
NUMBER = "2501-000123"
T_KK = texts("kk")


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=clock.ALMATY)


class AisEp(FakeAisEp):
    """AIS EP's cards; an action is logged on the day the clock says, as the site logs it on its own day."""

    async def register_action(self, number: str, kind: str, comment: str) -> None:
        self.actions.append((number, kind, comment))
        card = self.cases[number]
        logged = CaseAction(date=clock.now().date().isoformat(), kind=kind, comment=comment, author="bailiff1")
        self.cases[number] = card.model_copy(update={"actions": (*card.actions, logged)})

    async def list_active_proceedings(self, **kw: Any) -> list[Any]:
        listed = [summary(c) for c in self.cases.values()]
        if kw.get("on_page"):
            kw["on_page"](1, listed)
        return listed


class Gateway:
    """The notification gateway: a message per reference, the first one given back for a reference seen before."""

    site = "notify_gateway"

    def __init__(self, full_on: Channel | None = None) -> None:
        self.sent: dict[str, SentMessage] = {}
        self.texts: list[str] = []
        self.calls: list[str] = []  # every send asked for, by reference
        self.full_on = full_on  # the daily quota is used up when this channel is tried

    async def send(self, channel: Channel, recipient: str, text: str, ref: str) -> SentMessage:
        self.calls.append(ref)
        if channel is self.full_on:
            raise QuotaExhausted("the gateway's daily quota is used up", site=self.site)
        if ref not in self.sent:
            self.texts.append(text)
            self.sent[ref] = SentMessage(
                id=f"M{len(self.sent) + 1}", channel=channel, status=Delivery.SENT, sent_at=clock.now()
            )
        return self.sent[ref]

    async def status(self, message_id: str) -> SentMessage:
        return next(m for m in self.sent.values() if m.id == message_id)


class Bank:
    def __init__(self, site: str, accounts: list[BankAccount], down: bool = False) -> None:
        self.site, self.held, self.down, self.asked = site, accounts, down, 0

    async def accounts(self, iin: str) -> list[BankAccount]:
        self.asked += 1
        if self.down:
            raise SiteUnavailable("the bank's portal is down", site=self.site)
        return [a for a in self.held if iin == IIN]


class Context(ItemRunContext):
    def __init__(self, engine: ItemEngine, run: Run, seq: int, sites: dict[str, Any]) -> None:
        item = next(i for i in engine.store.items(run.id) if i.seq == seq)
        super().__init__(engine, run, item, None)  # type: ignore[arg-type]
        self.sites = sites

    def bot(self, bot_class: type[Any]) -> Any:
        return self.sites[bot_class.site]

    async def lookup(self, site: str, call: Callable[[], Awaitable[T]]) -> Lookup[T]:
        try:
            return Lookup(site, await call())
        except SystemException as exc:  # no page to keep evidence of here
            return Lookup(site, None, error=str(exc))


def fine(remaining: str = "30000", restrictions: tuple[str, ...] = ()) -> Case:
    c = case(remaining, restrictions=restrictions)
    return c.model_copy(update={"category": CreditorCategory.FINES})


def account(iban: str, balance: str, bank: str = "bank_sandyq", currency: str = "KZT") -> BankAccount:
    return BankAccount(bank=bank, iban=iban, currency=currency, balance=M(balance), arrested=False)


class World:
    """The sites of one proceeding, kept across the nights of a test."""

    def __init__(
        self, card: Case, accounts: tuple[BankAccount, ...] | list[BankAccount] = (), qazyna_down: bool = False
    ) -> None:
        self.aisep = AisEp([card])
        self.gateway = Gateway()
        self.sandyq = Bank("bank_sandyq", [a for a in accounts if a.bank == "bank_sandyq"])
        self.qazyna = Bank("bank_qazyna", [a for a in accounts if a.bank == "bank_qazyna"], down=qazyna_down)

    def sites(self) -> dict[str, Any]:
        return {
            "aisep": self.aisep,
            "notify_gateway": self.gateway,
            "bank_sandyq": self.sandyq,
            "bank_qazyna": self.qazyna,
        }

    @property
    def card(self) -> Case:
        return self.aisep.cases[NUMBER]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for key in [k for k in __import__("os").environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("ORYNDA_AISEP_USER", "bailiff1")
    give_signing_key(monkeypatch, tmp_path / "secrets")
    yield load_settings(home=tmp_path / "home")  # the shipped act policy: an account arrest waits for a person


def night(
    settings: Settings, world: World, day: dt.date, monkeypatch: pytest.MonkeyPatch, number: str = NUMBER
) -> dict[str, Any] | robot_bailiff.RobotHandOver:
    """One run on `day` over the proceeding: the item's fields, or the hand-over it raised."""
    monkeypatch.setattr(clock, "now", lambda: at(day))
    store = RunStore(settings.db_url)
    spec = robot_bailiff._item(summary(world.aisep.cases[number]))
    run = store.create_run("robot_bailiff", {}, [ItemSpec(1, spec.key, spec.payload)], settings.runs_dir)
    ctx = Context(ItemEngine(settings, store), run, 1, world.sites())
    try:
        return asyncio.run(robot_bailiff.process(spec.payload, ctx)).fields
    except robot_bailiff.RobotHandOver as handed:
        return handed


def fields_of(result: dict[str, Any] | robot_bailiff.RobotHandOver) -> dict[str, Any]:
    assert isinstance(result, dict), result
    return result


def notices_logged(world: World) -> list[CaseAction]:
    return [a for a in world.card.actions if "[simplified-notice:" in a.comment]


def test_the_notice_goes_by_sms_and_push_once_each_and_is_logged_on_the_card_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(fine("30000"))
    first = fields_of(night(settings, world, NOTIFIED, monkeypatch))
    assert sorted(world.gateway.sent) == [f"simplified:{NUMBER}:push", f"simplified:{NUMBER}:sms"]
    assert first["robot_step"] == T_KK("robot_bailiff.step.notify")
    assert first["robot_term_ends"] == dt.date(2026, 12, 6)  # 5 calendar days, a Sunday included
    assert first["notice_messages"] == "M1, M2"
    [logged] = notices_logged(world)
    assert logged.date == "2026-12-01" and "M1, M2" in logged.comment and "06.12.2026" in logged.comment
    assert "30 000,00 ₸" in world.gateway.texts[0] and "06.12.2026" in world.gateway.texts[0]  # kk and ru in one

    again = fields_of(night(settings, world, NOTIFIED, monkeypatch))  # a rerun the same day
    assert len(world.gateway.calls) == 2 and len(notices_logged(world)) == 1
    assert again["robot_step"] == T_KK("robot_bailiff.step.wait") and again["robot_term_ends"] == dt.date(2026, 12, 6)


def test_a_notice_cut_short_is_finished_by_the_next_run_without_sending_twice(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(fine())
    world.gateway.full_on = Channel.PUSH  # the SMS goes, then the day's quota ends before the push
    with pytest.raises(QuotaExhausted):
        night(settings, world, NOTIFIED, monkeypatch)
    assert list(world.gateway.sent) == [f"simplified:{NUMBER}:sms"] and notices_logged(world) == []

    world.gateway.full_on, world.gateway.calls = None, []
    fields = fields_of(night(settings, world, NOTIFIED + dt.timedelta(days=1), monkeypatch))
    assert world.gateway.calls == [f"simplified:{NUMBER}:push"]  # the SMS is not even asked for again
    assert len(notices_logged(world)) == 1 and fields["robot_term_ends"] == dt.date(2026, 12, 7)


def test_within_the_term_nothing_is_done(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    world = World(fine(), [account("KZ01SANDYQ", "50000")])
    night(settings, world, NOTIFIED, monkeypatch)
    last_day = fields_of(night(settings, world, dt.date(2026, 12, 6), monkeypatch))
    assert last_day["robot_step"] == T_KK("robot_bailiff.step.wait")
    assert last_day["robot_term_ends"] == dt.date(2026, 12, 6) and "06.12.2026" in last_day["next_step"]
    assert world.sandyq.asked == 0 and len(world.gateway.sent) == 2 and world.aisep.uploads == []


def test_past_the_term_one_account_is_arrested_within_the_debt_and_waits_for_a_person(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = [
        account("KZ01SANDYQ", "12000"),
        account("KZ02SANDYQ", "45000.50"),  # covers the whole debt: this one
        account("KZ03QAZYNA", "90000", bank="bank_qazyna", currency="USD"),  # never a foreign-currency one
    ]
    world = World(fine("30000"), accounts)
    night(settings, world, NOTIFIED, monkeypatch)
    fields = fields_of(night(settings, world, dt.date(2026, 12, 7), monkeypatch))
    assert fields["robot_step"] == T_KK("robot_bailiff.step.arrest")
    assert (fields["arrest_account"], fields["arrest_amount"]) == ("KZ02SANDYQ", M("30000"))
    assert fields["documents_filed"] == 0 and fields["next_step"] == T_KK("robot_bailiff.next.approve")
    queue = ReviewQueue(RunStore(settings.db_url).engine)
    [waiting] = queue.items(kind="account_arrest")
    assert waiting.state == ReviewState.PROPOSED and waiting.proceeding == NUMBER
    act = docx_text(next(d["docx"] for d in waiting.documents if d["language"] == "ru"))
    assert "KZ02SANDYQ" in act and "KZ01SANDYQ" not in act
    assert "в пределах суммы 30 000,00 ₸" in act and "частного судебного исполнителя 0,00 ₸" in act  # no fee
    assert world.aisep.uploads == [] and world.aisep.actions[1:] == []  # only the notice is on the card

    world.sandyq.held = [account("KZ01SANDYQ", "60000"), account("KZ02SANDYQ", "100")]  # balances move on
    again = fields_of(night(settings, world, dt.date(2026, 12, 8), monkeypatch))
    assert (again["arrest_account"], again["arrest_amount"]) == ("KZ02SANDYQ", M("30000"))  # as the act says
    assert len(queue.items(kind="account_arrest")) == 1


def test_an_account_arrested_for_another_proceeding_does_not_stand_in_for_this_arrest(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = account("KZ09SANDYQ", "900000").model_copy(update={"arrested": True})  # another proceeding's arrest
    world = World(fine("30000"), [frozen, account("KZ02SANDYQ", "12000.40")])
    night(settings, world, NOTIFIED, monkeypatch)
    fields = fields_of(night(settings, world, dt.date(2026, 12, 7), monkeypatch))
    assert (fields["arrest_account"], fields["arrest_amount"]) == ("KZ02SANDYQ", M("12000.40"))
    [waiting] = ReviewQueue(RunStore(settings.db_url).engine).items(kind="account_arrest")
    act = docx_text(next(d["docx"] for d in waiting.documents if d["language"] == "ru"))
    assert "в пределах суммы 12 000,40 ₸" in act and "KZ09SANDYQ" not in act


@pytest.mark.parametrize("not_a_finding", [True, False])
def test_an_arrest_a_person_rejected_hands_the_proceeding_over(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, not_a_finding: bool
) -> None:
    world = World(fine("30000"), [account("KZ02SANDYQ", "45000")])
    night(settings, world, NOTIFIED, monkeypatch)
    night(settings, world, dt.date(2026, 12, 7), monkeypatch)
    queue = ReviewQueue(RunStore(settings.db_url).engine)
    [waiting] = queue.items(kind="account_arrest")
    queue.reject(waiting.id, "bailiff1", "the account is a pension account", not_a_finding=not_a_finding)
    assert isinstance(night(settings, world, dt.date(2026, 12, 8), monkeypatch), robot_bailiff.RobotHandOver)
    assert world.aisep.uploads == []


def test_an_office_that_lets_the_robot_file_arrests_files_it_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    auto = settings.model_copy(update={"acts": ALL_AUTO})
    world = World(fine("30000"), [account("KZ02SANDYQ", "45000")])
    night(auto, world, NOTIFIED, monkeypatch)
    fields = fields_of(night(auto, world, dt.date(2026, 12, 7), monkeypatch))
    assert fields["documents_filed"] == 2 and fields["next_step"] == T_KK("robot_bailiff.next.collect")
    assert [a[1] for a in world.aisep.actions] == ["document_filed", "arrest_imposed"]
    uploads = len(world.aisep.uploads)
    assert uploads == 2  # the act in Kazakh and in Russian

    fields_of(night(auto, world, dt.date(2026, 12, 8), monkeypatch))  # the next morning, still unpaid
    assert len(world.aisep.uploads) == uploads and [a[1] for a in world.aisep.actions].count("arrest_imposed") == 1


def test_a_bank_without_an_answer_makes_the_arrest_one_a_person_decides(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    auto = settings.model_copy(update={"acts": ALL_AUTO})
    world = World(fine("30000"), [account("KZ02SANDYQ", "45000")], qazyna_down=True)
    night(auto, world, NOTIFIED, monkeypatch)
    fields = fields_of(night(auto, world, dt.date(2026, 12, 7), monkeypatch))
    assert fields["documents_filed"] == 0 and fields["missing"] == "bank_qazyna"
    assert world.aisep.uploads == []  # the policy would file it; a choice on half the facts never is
    [waiting] = ReviewQueue(RunStore(settings.db_url).engine).items(kind="account_arrest")
    assert waiting.mode == "review"


def test_no_money_hands_the_proceeding_to_a_person(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    world = World(fine("30000"), [account("KZ01SANDYQ", "0")])
    night(settings, world, NOTIFIED, monkeypatch)
    handed = night(settings, world, dt.date(2026, 12, 7), monkeypatch)
    assert isinstance(handed, robot_bailiff.RobotHandOver)
    assert handed.fields["robot_step"] == T_KK("robot_bailiff.step.hand_over")
    assert T_KK.has("error_code.RobotHandOver") and texts("ru").has("error_code.RobotHandOver")
    assert world.aisep.uploads == []


def test_no_money_where_a_bank_was_down_is_not_handed_over_on_half_the_facts(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(fine("30000"), [], qazyna_down=True)
    night(settings, world, NOTIFIED, monkeypatch)
    with pytest.raises(RegistriesMissing) as missing:
        night(settings, world, dt.date(2026, 12, 7), monkeypatch)
    assert missing.value.missing == ("bank_qazyna",)


def test_two_proceedings_of_one_debtor_each_get_their_own_arrest_within_their_own_debt(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(fine("30000"), [account("KZ02SANDYQ", "100000")])
    other = fine("12000").model_copy(update={"number": "2501-000777"})
    world.aisep.cases[other.number] = other
    for number in (NUMBER, other.number):
        night(settings, world, NOTIFIED, monkeypatch, number)
    shown = [fields_of(night(settings, world, dt.date(2026, 12, 7), monkeypatch, n)) for n in (NUMBER, other.number)]
    assert [(f["arrest_account"], f["arrest_amount"]) for f in shown] == [
        ("KZ02SANDYQ", M("30000")),
        ("KZ02SANDYQ", M("12000")),
    ]
    acts = ReviewQueue(RunStore(settings.db_url).engine).items(kind="account_arrest")
    assert sorted(a.proceeding for a in acts) == [NUMBER, other.number]
    texts_of = {a.proceeding: docx_text(next(d["docx"] for d in a.documents if d["language"] == "ru")) for a in acts}
    assert "в пределах суммы 12 000,00 ₸" in texts_of[other.number]


def test_an_arrest_in_force_and_still_unpaid_goes_to_a_person(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = World(fine("30000", restrictions=("account_arrest",)), [account("KZ01SANDYQ", "50000")])
    night(settings, world, NOTIFIED, monkeypatch)
    assert isinstance(night(settings, world, dt.date(2026, 12, 7), monkeypatch), robot_bailiff.RobotHandOver)
    assert world.sandyq.asked == 0


def test_a_paid_proceeding_is_left_to_the_payments_flow(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    world = World(fine("30000"), [account("KZ01SANDYQ", "50000")])
    night(settings, world, NOTIFIED, monkeypatch)
    world.aisep.cases[NUMBER] = world.card.model_copy(update={"collected": M("30000"), "remaining": M("0")})
    fields = fields_of(night(settings, world, dt.date(2026, 12, 7), monkeypatch))
    assert fields["robot_step"] == T_KK("robot_bailiff.step.done") and world.sandyq.asked == 0
    assert world.aisep.uploads == [] and len(world.gateway.sent) == 2


def test_discovery_takes_the_state_claims_under_20_mci_only() -> None:
    limit = mci_amount(20, NOTIFIED)
    listed = [
        summary(fine("30000")),
        summary(fine(str(limit)).model_copy(update={"number": "2501-000124"})),  # 20 MCI is not under 20 MCI
        summary(case("30000", number="2501-000125")),  # a bank's loan, not the state's claim
        summary(fine("0").model_copy(update={"number": "2501-000126"})),  # paid
    ]

    class Found:
        pages = 0
        specs: list[ItemSpec[Any]] = []

        def record(self, page: int, specs: Any) -> None:
            self.specs += list(specs)

    class Ctx:
        def bot(self, _: Any) -> Any:
            class Listing:
                async def list_active_proceedings(self, **kw: Any) -> None:
                    kw["on_page"](1, listed)

            return Listing()

    found = Found()
    asyncio.run(robot_bailiff.discover(Ctx(), found))  # type: ignore[arg-type]
    assert [s.key for s in found.specs] == [NUMBER]
    assert found.specs[0].payload.name == NAME


def test_the_flow_is_in_the_catalogue_scheduled_daily_and_every_column_has_its_title() -> None:
    flow = get_flow("robot_bailiff")
    assert flow is robot_bailiff.FLOW and set(flow.sites) >= {"aisep", "notify_gateway", "bank_sandyq", "bank_qazyna"}
    entry = load_schedules(Path(__file__).resolve().parents[2] / "schedules.yaml").schedules["robot_bailiff"]
    assert entry.flow == "robot_bailiff" and entry.calendar == "every-day"  # the term runs in calendar days
    assert validate("robot_bailiff", {"limit": "0"}, {})[1] and validate("robot_bailiff", {"limit": "5"}, {}) == (
        {"limit": 5},
        [],
    )
    for lang in ("kk", "ru"):
        assert texts(lang).has("report.flow.robot_bailiff")
        assert [c.key for c in flow.columns if not texts(lang).has(f"report.column.{c.key}")] == []
