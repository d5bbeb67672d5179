"""A private CUPS scheduler for the tests, with a CUPS-PDF virtual printer.

It has its own configuration, spool and log folders under a temporary folder
and listens only on a Unix socket there, so it never collides with a CUPS
already running on the machine. Clients find it through CUPS_SERVER.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPDS = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
)
# CUPS-PDF reads cups-pdf-NAME.conf for a device URI cups-pdf:/NAME; this is
# the only way to give one instance its own output folder.
CUPS_PDF_CONF_DIR = Path("/etc/cups")


def reserve_root() -> Path:
    """An empty folder for a private CUPS; its socket will be root/cups.sock."""
    return Path(tempfile.mkdtemp(prefix="kiosk-cups-"))


def why_unavailable() -> str | None:
    """One sentence saying why a private CUPS cannot run here, or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "CUPS tests need root to start a private cupsd with the CUPS-PDF backend."
    if not Path(CUPSD).exists() or shutil.which("lp") is None or shutil.which("ipptool") is None:
        return "CUPS is not installed (Debian packages cups, cups-client, cups-ipp-utils)."
    if not CUPS_PDF_BACKEND.exists() or not any(p.exists() for p in CUPS_PDF_PPDS):
        return "CUPS-PDF is not installed (Debian package printer-driver-cups-pdf)."
    return None


class PrivateCups:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        # The scheduler's helpers run as user lp: the tree must be reachable.
        self.root.chmod(0o755)
        self.socket = self.root / "cups.sock"
        self.output = self.root / "pdf"
        self.instance = f"kiosktest{uuid.uuid4().hex[:8]}"
        self.pdf_conf = CUPS_PDF_CONF_DIR / f"cups-pdf-{self.instance}.conf"
        self.process: subprocess.Popen[bytes] | None = None
        self._write_config()

    def _write_config(self) -> None:
        for name in ("cache", "state", "log", "tmp", "spool", "pdf", "pdfspool"):
            (self.root / name).mkdir()
        for name in ("tmp", "pdf", "pdfspool"):
            (self.root / name).chmod(0o1777)
        (self.root / "spool").chmod(0o710)
        shutil.chown(self.root / "spool", group="lp")
        shutil.chown(self.root / "cache", group="lp")
        (self.root / "cache").chmod(0o770)
        (self.root / "cups-files.conf").write_text(
            f"SystemGroup root\nServerRoot {self.root}\nRequestRoot {self.root}/spool\n"
            f"CacheDir {self.root}/cache\nStateDir {self.root}/state\nTempDir {self.root}/tmp\n"
            f"AccessLog {self.root}/log/access_log\nErrorLog {self.root}/log/error_log\n"
            f"PageLog {self.root}/log/page_log\nPrintcap {self.root}/printcap\n"
        )
        (self.root / "cupsd.conf").write_text(
            f"LogLevel info\nListen {self.socket}\nBrowsing No\nWebInterface No\n"
            # Jobs stay listed after they finish, so their outcome can be read.
            "PreserveJobHistory Yes\nErrorPolicy retry-job\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        )
        self.pdf_conf.write_text(
            f"Out {self.output}\nAnonDirName {self.output}\nSpool {self.root}/pdfspool\n"
            "UserUMask 0077\n"
        )

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return  # already running: a second scheduler would be orphaned
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(self.root / "cupsd.conf"), "-s",
             str(self.root / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            done = subprocess.run(["lpstat", "-r"], env=self.env, capture_output=True, text=True)
            if "is running" in done.stdout and "not" not in done.stdout:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"the private cupsd did not start; see {self.root}/log/error_log")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.socket.unlink(missing_ok=True)

    def add_pdf_printer(self, queue: str) -> None:
        ppd = next(p for p in CUPS_PDF_PPDS if p.exists())
        subprocess.run(
            ["lpadmin", "-p", queue, "-E", "-v", f"cups-pdf:/{self.instance}", "-P", str(ppd)],
            env=self.env, check=True, capture_output=True,
        )  # fmt: skip

    def add_unreachable_printer(self, queue: str, error_policy: str) -> None:
        """A queue whose device cannot be opened: with "stop-printer" CUPS stops
        the queue and holds its jobs (like a printer out of paper or offline);
        with "abort-job" each job fails with the device's error."""
        subprocess.run(
            ["lpadmin", "-p", queue, "-E", "-v", "serial:/dev/kiosk-no-such-port",
             "-o", f"printer-error-policy={error_policy}"],
            env=self.env, check=True, capture_output=True,
        )  # fmt: skip

    def outputs(self) -> list[Path]:
        return sorted(self.output.glob("*.pdf"))

    def settle(self, queue: str, timeout: float = 60.0) -> None:
        """Wait until CUPS has no unfinished jobs (an earlier test's job could
        otherwise land in the next test's output folder), cancelling any that
        cannot finish (a stopped queue)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = subprocess.run(
                ["lpstat", "-W", "not-completed", "-o", queue], env=self.env, capture_output=True,
                text=True,
            ).stdout.split()  # fmt: skip
            if not pending:
                return
            if time.monotonic() > deadline - timeout / 2:
                subprocess.run(["cancel", "-a", queue], env=self.env, capture_output=True)
            time.sleep(0.05)

    def clean_outputs(self, queue: str) -> None:
        self.settle(queue)
        for path in self.output.iterdir():
            path.unlink()

    def close(self) -> None:
        self.stop()
        self.pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)
