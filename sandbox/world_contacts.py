"""Debtors' contacts as the state notification gateway knows them: the phone registered in the mobile citizens'
database and what becomes of a message sent to it, by SMS or by an eGov Mobile push. Drawn from each person's own
random stream, so a test knows every outcome from the seed alone and older data never changes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sandbox.world import Person, World

# what a message comes to: a receipt that says delivered or failed, a number the gateway does not know, or no
# receipt at all (the operator never reports back)
OUTCOMES = ("delivered", "failed", "unknown_number", "no_receipt")
SMS_WEIGHTS = (76, 8, 8, 8)
PUSH_WEIGHTS = (80, 10, 0, 10)
EGOV_MOBILE_SHARE = 0.7  # share of debtors with eGov Mobile: the others' pushes go to an unknown number


@dataclass(frozen=True)
class Contact:
    iin: str
    phone: str | None  # None: no phone in the mobile citizens' database
    sms: str  # one of OUTCOMES
    push: str

    def outcome(self, channel: str) -> str:
        return self.sms if channel == "sms" else self.push


def contact_of(world: World, iin: str) -> Contact | None:
    """The contact of a debtor of the world, None for anyone else."""
    debtor = world.by_iin.get(iin)
    return _contact(world.seed, debtor.person) if debtor else None


def _contact(seed: int, person: Person) -> Contact:
    rng = random.Random(f"{seed}:contact:{person.index}")
    phone = f"+7 7{rng.randrange(0, 99):02d} {rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
    sms = rng.choices(OUTCOMES, weights=SMS_WEIGHTS)[0]
    egov_mobile = rng.random() < EGOV_MOBILE_SHARE
    push = rng.choices(OUTCOMES, weights=PUSH_WEIGHTS)[0] if egov_mobile else "unknown_number"
    if sms == "unknown_number":
        return Contact(person.iin, None, sms, push)
    return Contact(person.iin, phone, sms, push)
