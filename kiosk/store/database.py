"""Opening the event file: permissions, durability settings and migrations."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from kiosk.store.chain import register_chain_function
from kiosk.store.faults import Fault, StoreError, classify, fault, loggable
from kiosk.store.migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger("kiosk.store")

# How long a writer waits for another station process to finish its
# transaction before giving up; a check-in holds the lock for well under 1 ms.
BUSY_TIMEOUT_S = 10.0


def _create_owner_only(path: Path) -> None:
    """Create the file readable by its owner only; SQLite gives the same mode
    to its -wal and -shm companions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def open_database(path: Path | str, *, create: bool = False) -> sqlite_utils.Database:
    """Open (or with `create`, make) an event database and bring its schema up to date.

    Raises StoreError: a `StoreFault` for the environment's faults (missing,
    read-only, full, locked, damaged: each one sentence), a plain StoreError
    for a file that is not an event database.
    """
    path = Path(path)
    try:
        if str(path) != ":memory:":
            if not path.exists():
                if not create:
                    raise fault(Fault.MISSING, path)
                _create_owner_only(path)
            elif path.is_dir():
                raise StoreError(f"{path} is a folder, not an event database.")
        # isolation_level=None: no implicit transactions. Every write either
        # autocommits or runs inside an explicit BEGIN (Store.transaction or
        # sqlite-utils' atomic()), so nothing is left uncommitted by accident.
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a check-in is on disk before anyone is told it succeeded.
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            register_chain_function(conn)
            db = sqlite_utils.Database(conn)
            _migrate(db, path)
        except BaseException:
            conn.close()
            raise
    except (sqlite3.Error, UnicodeDecodeError, OSError) as error:
        known = classify(error, path)
        if known is None:
            raise
        if known.kind is Fault.DAMAGED:
            known = fault(Fault.DAMAGED, path, _damage_advice(path))
        log.error("cannot open database %s: %s (%s)", path.name, known.kind, loggable(error))
        raise known from error
    return db


def _damage_advice(path: Path) -> str:
    from kiosk.store.backup import damage_advice

    return damage_advice(path)


def _migrate(db: sqlite_utils.Database, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was made by a newer version of this program (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}). Please update the program."
        )
    if version == 0 and db.table_names() and "attendees" not in db.table_names():
        raise StoreError(f"{path} is an SQLite file but not an event database.")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        log.info("migrating %s to schema %d", path.name, target)
        with db.atomic():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version={target}")
