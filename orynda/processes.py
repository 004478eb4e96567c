"""Is a process of this machine still there: for leases and temporary folders whose owner may have been killed."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """True while the process exists (another user's counts as alive: we may not signal it, but it is there)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
