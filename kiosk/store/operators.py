"""Volunteer accounts: name, role and PIN hash of each person who may work
the desk. Removing an account keeps its row (with `removed_at`), so the name
in old log entries still points at a record; a removed name may be added
again as a new account."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from kiosk.domain.roles import Role
from kiosk.store.store import Store
from kiosk.store.timestamps import parse_utc, utc_now, utc_text


class OperatorExists(Exception):
    """Another account still in use has that name."""


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    role: Role
    pin_hash: str
    created_at: dt.datetime


_COLUMNS = "id, name, role, pin_hash, created_at"


def _operator(row: tuple[int, str, str, str, str]) -> Operator:
    return Operator(row[0], row[1], Role(row[2]), row[3], parse_utc(row[4]))


def add_operator(store: Store, name: str, role: Role, pin_hash: str) -> Operator:
    """A new account; OperatorExists when an account in use has that name."""
    now = utc_now()
    try:
        with store.transaction():
            cursor = store.conn.execute(
                "INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)",
                (name, role.value, pin_hash, utc_text(now)),
            )
    except sqlite3.IntegrityError:
        raise OperatorExists(name) from None
    assert cursor.lastrowid is not None
    return Operator(cursor.lastrowid, name, role, pin_hash, now)


def operators(store: Store) -> list[Operator]:
    """The accounts in use, by name."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM operators WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [_operator(row) for row in rows]


def has_operators(store: Store) -> bool:
    """Whether volunteers sign in by name (else the single staff PIN guards the desk)."""
    row = store.conn.execute("SELECT 1 FROM operators WHERE removed_at IS NULL LIMIT 1")
    return row.fetchone() is not None


def operator_named(store: Store, name: str) -> Operator | None:
    """The account in use called `name` (case does not matter), if any."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM operators WHERE removed_at IS NULL AND name = ? COLLATE NOCASE",
        (name.strip(),),
    ).fetchone()
    return _operator(row) if row else None


def remove_operator(store: Store, name: str) -> bool:
    """Close the account in use called `name`; False when there is none."""
    with store.transaction():
        cursor = store.conn.execute(
            "UPDATE operators SET removed_at = ? WHERE removed_at IS NULL "
            "AND name = ? COLLATE NOCASE",
            (utc_text(utc_now()), name.strip()),
        )
    return cursor.rowcount > 0
