"""What the sandbox site tests share besides fixtures: the world size and a clock they move by hand."""

from __future__ import annotations

SEED, DEBTORS, IDLE_S = 7, 50, 60


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
