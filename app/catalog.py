"""What this installation can run: every flow and every site bot, by plain imports, so a broken one raises."""

from __future__ import annotations

from typing import Any

from bots.aisep import AisEpBot
from bots.bank import QazynaBankBot, SandyqBankBot
from bots.court_cabinet import CourtCabinetBot
from bots.debtor_register import DebtorRegisterBot
from bots.deposit import DepositAccountBot
from bots.egov import EgovRealtyBot, EgovVehiclesBot
from bots.enpf import EnpfBot
from bots.esalyq import EsalyqBot
from bots.notify import NotifyBot
from flows import file_approved, intake, nightly_check, notices, payments, register_check, robot_bailiff
from orynda.errors import ConfigError
from orynda.flow import Flow
from orynda.site.base import SiteBot

FLOWS: dict[str, Flow[Any]] = {
    flow.name: flow
    for flow in (
        register_check.FLOW,
        nightly_check.FLOW,
        file_approved.FLOW,
        notices.FLOW,
        payments.FLOW,
        robot_bailiff.FLOW,
        intake.FLOW,
    )
}

BOTS: dict[str, type[SiteBot]] = {
    bot.site: bot
    for bot in (
        DebtorRegisterBot,
        AisEpBot,
        EgovRealtyBot,
        EgovVehiclesBot,
        EsalyqBot,
        EnpfBot,
        SandyqBankBot,
        QazynaBankBot,
        NotifyBot,
        DepositAccountBot,
        CourtCabinetBot,
    )
}


def get_flow(name: str) -> Flow[Any]:
    """The flow by its name, or a ConfigError listing the known ones."""
    if name not in FLOWS:
        raise ConfigError(f"no flow {name!r}; known flows: {', '.join(sorted(FLOWS))}")
    return FLOWS[name]
