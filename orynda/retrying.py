"""Every retry in Orynda from one declared policy: a `RetrySettings` (data, in the configuration) becomes a tenacity
`AsyncRetrying` or `Retrying` with the caller's sleep, what is retried (system faults unless told otherwise), the
attempt cap and the waits, and a log line per retry that names the fault."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from loguru import logger
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_base,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_incrementing,
)
from tenacity.wait import wait_base

from orynda.config import RetrySettings
from orynda.errors import ElementMissing, is_retried

Predicate = Callable[[BaseException], bool]


def waits(policy: RetrySettings) -> wait_base:
    """The wait before retry n (n = 1, 2, …), capped at max_s: exponential is initial × multiplier^(n-1), linear is
    initial × n."""
    if policy.backoff == "linear":
        return wait_incrementing(start=policy.initial_s, increment=policy.initial_s, max=policy.max_s)
    return wait_exponential(multiplier=policy.initial_s, max=policy.max_s, exp_base=policy.multiplier)


def log_retry(state: RetryCallState) -> None:
    """Every retry in the log, with the fault that caused it: a night that retried a lot says why."""
    fault = state.outcome.exception() if state.outcome else None
    said = str(fault).splitlines()[0] if str(fault) else type(fault).__name__  # a database error: not its SQL
    logger.info("retry {} after {:.2f} s: {}", state.attempt_number, state.upcoming_sleep, said)


def log_sign_in(state: RetryCallState) -> None:
    """A step run again after signing in: the site's normal course (every first visit), a developer's detail."""
    logger.debug("signed in again before run {} of the step", state.attempt_number + 1)


def async_retrying(
    policy: RetrySettings,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    retried: Predicate = is_retried,
    reraise: bool = True,
    before_sleep: Callable[[RetryCallState], None] = log_retry,
) -> AsyncRetrying:
    """For `async for attempt in async_retrying(...): with attempt: ...`; by default the last fault is re-raised."""
    return AsyncRetrying(**_arguments(policy, retried, reraise), sleep=sleep, before_sleep=before_sleep)


def retrying(
    policy: RetrySettings,
    *,
    sleep: Callable[[float], None] = time.sleep,
    retried: Predicate = is_retried,
    reraise: bool = True,
) -> Retrying:
    """The same policy for code that is not async (the document register)."""
    return Retrying(**_arguments(policy, retried, reraise), sleep=sleep, before_sleep=log_retry)


class retry_missing_element_once(retry_base):
    """A missing element is retried once (a page drawn late may show it); a page whose layout changed will not
    show it on the third try, and four tries of a full timeout each only make the night longer."""

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        fault = outcome.exception() if outcome is not None and outcome.failed else None
        return not (isinstance(fault, ElementMissing) and retry_state.attempt_number >= 2)  # only a first try


def _arguments(policy: RetrySettings, retried: Predicate, reraise: bool) -> dict[str, Any]:
    return {
        "retry": retry_if_exception(retried) & retry_missing_element_once(),
        "stop": stop_after_attempt(policy.attempts),
        "wait": waits(policy),
        "reraise": reraise,
    }
