"""Settings that belong to this station alone and never go into the event file.

The hub's connection string can hold its password. The event file is copied
far and wide (backups every few minutes, onto USB sticks, to other
stations), and SQLite leaves deleted text in free pages and the WAL, so a
secret once written there is hard to take back. These values live instead in
a small owner-only file beside the event file (`event.db-private.json`),
which backups, restores and the hub never read. See docs/sync.md.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from pathlib import Path

log = logging.getLogger("kiosk.store")

# The only place the list is written: `Store.setting` sends these here (the
# hub's connection string, and the key that signs webhooks).
PRIVATE_SETTINGS = frozenset({"sync.server", "alerts.webhook_secret"})


def private_file(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}-private.json")


def read_private(db_path: Path) -> dict[str, str]:
    """This station's private settings for the event file at `db_path`."""
    try:
        data = json.loads(private_file(db_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        # Unreadable: as if nothing were kept (the station asks for --server).
        log.warning("private settings unreadable: %s", type(error).__name__)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def write_private(db_path: Path, key: str, value: str | None) -> None:
    """Set (or with None, remove) one private setting, atomically and owner-only."""
    values = read_private(db_path)
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    target = private_file(db_path)
    if not values:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        return
    partial = target.with_name(f".{target.name}.part")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(values, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise


def take_out_of_event_file(conn: sqlite3.Connection, db_path: Path, key: str) -> str | None:
    """Move a private setting an older version kept in the event file into the
    private file; returns it (None when the event file held none).

    secure_delete overwrites the row's bytes in its page instead of leaving
    them in free space.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    write_private(db_path, key, str(row[0]))
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as error:
        # A read-only event file keeps its copy until it can be written.
        log.info("private setting left in the event file for now: %s", type(error).__name__)
    log.info("moved a private setting out of %s", db_path.name)
    return str(row[0])


def remove_private(db_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        private_file(db_path).unlink()
