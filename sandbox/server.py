"""Starting the sandbox: in a thread (for quick tests) or as a subprocess on a free port."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, timeout_s: float = 30.0, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"sandbox process exited with code {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(url + "/_sandbox/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"sandbox at {url} did not become ready in {timeout_s}s")


@dataclass
class Sandbox:
    """A running sandbox: its URL and how to change its faults."""

    url: str
    process: subprocess.Popen[bytes] | None = None
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = field(default=None, repr=False)

    def faults(self, site: str = "*", **values: Any) -> dict[str, Any]:
        return self._post({"site": site, **values})

    def stats(self) -> dict[str, int]:
        with urllib.request.urlopen(self.url + "/_sandbox/stats", timeout=5) as response:
            return dict(json.load(response))

    def reset_faults(self) -> dict[str, Any]:
        return self._post({"reset": True})

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.server and self.thread:
            self.server.should_exit = True
            self.thread.join(timeout=10)

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url + "/_sandbox/faults", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return dict(json.load(response))


def start_subprocess(port: int | None = None, seed: int = 42, debtors: int = 1000, **options: Any) -> Sandbox:
    port = port or free_port()
    args = [sys.executable, "-m", "sandbox", "--port", str(port), "--seed", str(seed), "--debtors", str(debtors)]
    for key, value in options.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    process = subprocess.Popen(args)
    sandbox = Sandbox(f"http://127.0.0.1:{port}", process=process)
    try:
        wait_ready(sandbox.url, process=process)
    except (TimeoutError, RuntimeError):
        process.kill()
        raise
    return sandbox


def start_thread(port: int | None = None, seed: int = 42, debtors: int = 1000, **options: Any) -> Sandbox:
    from sandbox.app import create_app

    port = port or free_port()
    config = uvicorn.Config(create_app(seed, debtors, options), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    sandbox = Sandbox(f"http://127.0.0.1:{port}", server=server, thread=thread)
    wait_ready(sandbox.url)
    return sandbox
