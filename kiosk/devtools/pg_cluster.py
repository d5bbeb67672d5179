"""A throwaway PostgreSQL server for tests and benchmarks.

Needs Debian's postgresql package and root (the server runs as the
`postgres` user). It listens on 127.0.0.1 only, on a free port, in a temporary
folder that is removed afterwards; the package's own default cluster is
never used or touched.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_USER = "postgres"


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def unavailable_reason() -> str | None:
    """Why a throwaway cluster cannot start here, or None if it can."""
    if _binaries() is None:
        return "PostgreSQL server binaries are not installed (Debian package postgresql)."
    if os.geteuid() != 0:
        return "Starting a throwaway PostgreSQL cluster needs root to run it as the postgres user."
    if shutil.which("runuser") is None:
        return "runuser is missing, so PostgreSQL cannot be started as the postgres user."
    try:
        import psycopg  # noqa: F401  (only checking it is there)
    except ImportError:
        return "The psycopg package is not installed."
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryCluster:
    """`with TemporaryCluster() as pg: pg.create_database("hub")` -> URL."""

    def __init__(self) -> None:
        bin_dir = _binaries()
        assert bin_dir is not None, unavailable_reason()
        self.bin = bin_dir
        self.port = _free_port()
        # The server runs as another user, who must be able to reach the
        # folder: a private $TMPDIR (say under root's home) would not do.
        shared = "/tmp" if os.path.isdir("/tmp") else None
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir=shared))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.password = os.urandom(12).hex()

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["runuser", "-u", PG_USER, "--", *args],
            check=True,
            capture_output=True,
            text=True,
            cwd=self.folder,
        )

    def __enter__(self) -> TemporaryCluster:
        shutil.chown(self.folder, PG_USER)
        os.chmod(self.folder, 0o700)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password)
        shutil.chown(pwfile, PG_USER)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "kiosk",
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--no-sync",
        )
        pwfile.unlink()
        self.start()
        return self

    def start(self) -> None:
        # Durability off: this server lives for one test run. The socket
        # folder is ours so it never meets the system's default cluster.
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://kiosk:{self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
