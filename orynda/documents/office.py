"""One resident LibreOffice per process, driven through unoserver: a cold `soffice --convert-to` costs about 2 s a
document on these machines, a warm one a fraction of that. Started on the first conversion, in a process group of
its own under a small watchdog that takes the whole group down when this process is gone (even SIGKILLed); stopped at
exit, started again if it died. Where it cannot start (no interpreter with LibreOffice's `uno` module, Debian's
python3-uno), `convert` answers False and the caller renders cold.

ORYNDA_OFFICE=cold turns it off (the benchmark measures both ways on the same documents)."""

from __future__ import annotations

import atexit
import http.client
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from xmlrpc.client import Fault, ProtocolError, ServerProxy, Transport

import unoserver
from loguru import logger

START_S = 60.0
CONVERT_S = 120.0  # one document; a LibreOffice that hangs is stopped and the document rendered cold
PYTHONS = ("/usr/bin/python3", sys.executable)  # Debian's python3-uno is for the system interpreter
API = "3"  # unoserver's XML-RPC interface this module speaks
# Runs unoserver and, every second, checks that the process that started it is still there; when it is gone, the
# whole process group (this watchdog, unoserver, LibreOffice) is killed.
WATCHDOG = """
import os, signal, subprocess, sys, time
parent = int(sys.argv[1])
server = subprocess.Popen([sys.executable, "-m", "unoserver.server", *sys.argv[2:]])
while server.poll() is None and os.getppid() == parent:
    time.sleep(1)
os.killpg(0, signal.SIGKILL)
"""
_starts = itertools.count()


class ResidentOffice:
    """The unoserver process and its client; one conversion at a time (LibreOffice works one document at once)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._profile: Path | None = None
        self._unavailable = os.environ.get("ORYNDA_OFFICE", "").lower() == "cold"
        atexit.register(self._stop)

    def convert(self, docx: Path, pdf: Path) -> bool:
        """The PDF of `docx` written to `pdf`; False when no resident office can run here."""
        with self._lock:
            if self._unavailable or not self._running():
                return False
            try:
                with _proxy(self._port, CONVERT_S) as proxy:
                    # unoserver's API 3: inpath, indata, outpath, convert_to, filtername, filter_options,
                    # update_index, infiltername, password
                    proxy.convert(str(docx), None, str(pdf), "pdf", "writer_pdf_Export", [], False, None, None)
            except Exception as exc:  # a conversion it could not do: the cold path tries, and says why if it fails
                logger.warning("resident LibreOffice failed on {}: {}; rendering cold", docx.name, exc)
                self._stop()
                return False
            return pdf.is_file() and pdf.stat().st_size > 0

    def _running(self) -> bool:
        if self._process is not None and self._process.poll() is None:
            return True
        self._stop()  # whatever is left of a group whose watchdog died
        python = _uno_python()
        if python is None:
            logger.info("no interpreter with LibreOffice's uno module (python3-uno): documents are rendered cold")
            self._unavailable = True
            return False
        return self._start(python)

    def _start(self, python: str) -> bool:
        self._port, uno_port = _free_port(), _free_port()
        name = f"orynda-soffice-{os.getuid()}-{os.getpid()}-resident{next(_starts)}"  # a profile no earlier one held
        self._profile = Path(tempfile.gettempdir()) / name
        command = [python, "-c", WATCHDOG, str(os.getpid()), "--interface", "127.0.0.1", "--port", str(self._port)]
        command += ["--uno-port", str(uno_port), "--user-installation", str(self._profile), "--quiet"]
        env = {**os.environ, "PYTHONPATH": _unoserver_path(), "SAL_USE_VCLPLUGIN": "svp"}
        self._process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline and self._process.poll() is None:
            if _answers(self._port):
                logger.debug("resident LibreOffice ready on port {}", self._port)
                return True
            time.sleep(0.2)
        logger.warning("resident LibreOffice did not start in {:.0f} s: documents are rendered cold", START_S)
        self._stop()
        self._unavailable = True
        return False

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the watchdog, unoserver and LibreOffice: nothing to save
            except ProcessLookupError:
                pass
            process.wait(timeout=15)
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)


def _uno_python() -> str | None:
    for python in dict.fromkeys(PYTHONS):
        if shutil.which(python) and _has_uno(python):
            return python
    return None


def _has_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _unoserver_path() -> str:
    """Where the unoserver package is installed (our environment), for the system interpreter to import it from."""
    return str(Path(unoserver.__file__).resolve().parent.parent)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int) -> bool:
    """Whether the server takes requests yet (its LibreOffice is up) and speaks our API."""
    try:
        with _proxy(port, 5.0) as proxy:
            info = proxy.info()
    except (OSError, Fault, ProtocolError):
        return False
    return isinstance(info, dict) and str(info.get("api")) == API


class _TimedTransport(Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: str | tuple[str, dict[str, str]]) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


def _proxy(port: int, timeout: float) -> ServerProxy:
    return ServerProxy(f"http://127.0.0.1:{port}", allow_none=True, transport=_TimedTransport(timeout))


OFFICE = ResidentOffice()
