"""Probe IINs for the pre-flight: a debtor of the world every registry has something for (proceedings, real estate, a
vehicle, contributions, a tax record and accounts in both banks), so a probe search reaches each site's result table.

python -m sandbox.probes            # ORYNDA_SITES__<SITE>__PROBE=… lines, for `export` or a settings file
"""

from __future__ import annotations

import argparse

from sandbox.world import World, build_world
from sandbox.world_assets import assets_of

SEARCHED = ("debtor_register", "egov_realty", "egov_vehicles", "esalyq", "enpf", "bank_sandyq", "bank_qazyna")


def probe_iin(world: World) -> str:
    """The first debtor with an answer in every registry searched by IIN."""
    for debtor in world.debtors:
        assets = assets_of(world, debtor)
        if (
            assets
            and assets.realty
            and assets.vehicles
            and assets.contributions
            and assets.accounts_in("sandyq")
            and assets.accounts_in("qazyna")
        ):
            return debtor.person.iin
    raise LookupError("no debtor of this world is known to every registry")


def probes(world: World) -> dict[str, str]:
    """Each searched site's probe IIN, as settings take it (sites.<site>.probe)."""
    iin = probe_iin(world)
    return dict.fromkeys(SEARCHED, iin)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--debtors", type=int, default=1000)
    args = parser.parse_args()
    for site, iin in probes(build_world(args.seed, args.debtors)).items():
        print(f"ORYNDA_SITES__{site.upper()}__PROBE={iin}")


if __name__ == "__main__":
    main()
