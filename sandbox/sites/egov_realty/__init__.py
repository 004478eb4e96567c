"""eGov real estate (ГБД «Регистр недвижимости»): key-file sign-in, then properties by IIN.

Pages: /login (key file + password), / (search by IIN). API: /api/realty?iin=…; sign-in API in shared.keylogin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from sandbox.sites.egov_realty.labels import LABELS
from sandbox.sites.shared.egov import egov_register_app
from sandbox.sites.shared.sessions import Clock
from sandbox.world import World
from sandbox.world_assets import RealEstate

OPTIONS = ("session_idle_s", "clock")
ACCENT = "#00897b"


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    return egov_register_app(
        world,
        Path(__file__).parent,
        LABELS,
        cookie="egov_realty_sid",
        accent=ACCENT,
        api="realty",
        items=lambda assets: [_item(x) for x in assets.realty],
        session_idle_s=session_idle_s,
        clock=clock,
    )


def _item(r: RealEstate) -> dict[str, Any]:
    return {
        "cadastral": r.cadastral,
        "kind": r.kind,
        "address": {"kk": r.address.kk, "ru": r.address.ru},  # a register's certificate is bilingual
        "area": str(r.area),
        "share": r.share,
        "owner_iin": r.owner_iin,
        "encumbrances": list(r.encumbrances),
        "arrested": r.arrested,
        "registered": r.registered.isoformat(),
    }
