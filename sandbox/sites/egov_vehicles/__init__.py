"""eGov vehicles (MVD register): key-file sign-in, then vehicles by the owner's IIN.

Pages: /login (key file + password), / (search by IIN). API: /api/vehicles?iin=…; sign-in API in shared.keylogin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from sandbox.sites.egov_vehicles.labels import LABELS
from sandbox.sites.shared.egov import egov_register_app
from sandbox.sites.shared.sessions import Clock
from sandbox.world import World
from sandbox.world_assets import Vehicle

OPTIONS = ("session_idle_s", "clock")
ACCENT = "#3949ab"


def make_app(world: World, session_idle_s: float | None = None, clock: Clock | None = None) -> Starlette:
    return egov_register_app(
        world,
        Path(__file__).parent,
        LABELS,
        cookie="egov_vehicles_sid",
        accent=ACCENT,
        api="vehicles",
        items=lambda assets: [_item(x) for x in assets.vehicles],
        session_idle_s=session_idle_s,
        clock=clock,
    )


def _item(v: Vehicle) -> dict[str, Any]:
    return {
        "make": v.make,
        "model": v.model,
        "year": v.year,
        "plate": v.plate,
        "vin": v.vin,
        "arrested": v.arrested,
        "registered": v.registered.isoformat(),
    }
