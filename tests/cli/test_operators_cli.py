"""`kiosk operators`: accounts added with the PIN on standard input, listed, removed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run as kiosk  # `python -m kiosk`, its input given

from kiosk.domain.pins import verify_pin
from kiosk.domain.roles import Role
from kiosk.store import Store
from kiosk.store.operators import operator_named


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "event.db"
    created = kiosk(
        "init", "--db", str(path), "--event-name", "Spring", "--first-day", "2026-03-10"
    )
    assert created.returncode == 0, created.stderr
    return path


def test_add_reads_the_pin_from_standard_input_and_keeps_only_its_hash(db: Path) -> None:
    added = kiosk(
        "operators", "add", "Dana Reyes", "--role", "desk", "--db", str(db), stdin="48213579\n"
    )
    assert added.returncode == 0, added.stderr
    # Eight digits: a shorter PIN could turn up in the hash's hex by chance.
    assert "48213579" not in added.stdout + added.stderr
    store = Store.open(db)
    try:
        account = operator_named(store, "dana reyes")
        assert account is not None and account.role is Role.DESK
        assert "48213579" not in account.pin_hash and verify_pin("48213579", account.pin_hash)
        assert not verify_pin("48213578", account.pin_hash)
    finally:
        store.close()
    assert b"48213579" not in db.read_bytes()


def test_a_bad_pin_a_second_account_of_one_name_and_an_unknown_role_are_refused(db: Path) -> None:
    for pin in ("12", "abcd", ""):
        bad = kiosk("operators", "add", "Sam", "--role", "scanner", "--db", str(db), stdin=pin)
        assert bad.returncode == 2 and "4 to 8 digits" in bad.stderr
        assert "Traceback" not in bad.stderr
    assert (
        kiosk(
            "operators", "add", "Sam", "--role", "scanner", "--db", str(db), stdin="1234"
        ).returncode
        == 0
    )
    again = kiosk("operators", "add", "sam", "--role", "desk", "--db", str(db), stdin="5678")
    assert again.returncode == 2 and "already a volunteer called sam" in again.stderr
    wrong = kiosk("operators", "add", "Kim", "--role", "admin", "--db", str(db), stdin="5678")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


def test_the_pin_is_never_an_argument(db: Path) -> None:
    refused = kiosk("operators", "add", "Sam", "--role", "desk", "--pin", "1234", "--db", str(db))
    assert refused.returncode == 2 and "unrecognized arguments" in refused.stderr


def test_list_and_remove(db: Path) -> None:
    empty = kiosk("operators", "list", "--db", str(db))
    assert "No volunteer accounts" in empty.stdout
    for name, role, pin in (("Ola", "supervisor", "9753"), ("Sam", "scanner", "2468")):
        assert (
            kiosk("operators", "add", name, "--role", role, "--db", str(db), stdin=pin).returncode
            == 0
        )
    listed = kiosk("operators", "list", "--json", "--db", str(db))
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["name"], r["role"]) for r in rows] == [("Ola", "supervisor"), ("Sam", "scanner")]
    assert all("pin" not in key for row in rows for key in row)
    assert kiosk("operators", "remove", "sam", "--db", str(db)).returncode == 0
    assert kiosk("operators", "list", "--db", str(db)).stdout.split() == ["Ola", "supervisor"]
    gone = kiosk("operators", "remove", "Sam", "--db", str(db))
    assert gone.returncode == 2 and "no volunteer called Sam" in gone.stderr


def test_scan_and_undo_name_the_operator_given_and_with_accounts_only_an_account(
    tmp_path: Path,
) -> None:
    db = tmp_path / "today.db"
    # An event with no days set admits on any day.
    assert kiosk("init", "--db", str(db), "--event-name", "Today").returncode == 0
    store = Store.open(db)
    try:
        store.add_attendee({"code": "T1", "first_name": "Amara"})
    finally:
        store.close()
    # No accounts: any name, as before.
    scanned = kiosk("scan", "--db", str(db), "--operator", "front door", stdin="T1\n")
    assert scanned.returncode == 0, scanned.stderr
    assert (
        kiosk(
            "operators", "add", "Ola", "--role", "supervisor", "--db", str(db), stdin="9753"
        ).returncode
        == 0
    )
    undone = kiosk("undo", "T1", "--db", str(db), "--reason", "test", "--operator", "ola")
    assert undone.returncode == 0, undone.stderr
    for extra in ([], ["--operator", "Nobody"]):
        refused = kiosk("undo", "T1", "--db", str(db), "--reason", "test", *extra)
        assert refused.returncode == 2 and "volunteer" in refused.stderr
        assert "Traceback" not in refused.stderr
    store = Store.open(db)
    try:
        assert [(e.kind.value, e.operator) for e in store.log_entries()] == [
            ("entry", "front door"),
            ("undo", "Ola"),
        ]
    finally:
        store.close()


def test_reissue_and_flag_name_an_account_when_the_event_has_them(tmp_path: Path) -> None:
    # Every action on the day traces to a person: the lost-badge and flag
    # commands take --operator like scan and undo, held to the accounts.
    db = tmp_path / "desk.db"
    assert kiosk("init", "--db", str(db), "--event-name", "Desk day").returncode == 0
    store = Store.open(db)
    try:
        amara = store.add_attendee({"code": "T1", "first_name": "Amara"})
    finally:
        store.close()
    added = kiosk("operators", "add", "Dana", "--role", "desk", "--db", str(db), stdin="8642")
    assert added.returncode == 0, added.stderr
    for command in (["reissue", "T1", "--printer", "none"], ["flag", "T1", "--note", "speaker"]):
        refused = kiosk(*command, "--db", str(db))
        assert refused.returncode == 2 and "volunteer" in refused.stderr, command
        assert "Traceback" not in refused.stderr
    flagged = kiosk("flag", "T1", "--note", "speaker", "--db", str(db), "--operator", "dana")
    assert flagged.returncode == 0, flagged.stderr
    reissued = kiosk("reissue", "T1", "--printer", "none", "--db", str(db), "--operator", "Dana")
    assert reissued.returncode == 0, reissued.stderr
    store = Store.open(db)
    try:
        from kiosk.store.audit import audit_entries

        actions = [(entry.action, entry.operator) for entry in audit_entries(store, amara.id)]
    finally:
        store.close()
    assert ("flag_set", "Dana") in actions and ("reissue", "Dana") in actions


def _add_on_a_terminal(db: Path, first: bytes, second: bytes) -> tuple[int, str]:
    """`kiosk operators add` with a terminal as its controlling tty and input;
    each PIN is typed once its question shows (getpass drops earlier keys)."""
    import fcntl
    import os
    import pty
    import select
    import termios

    main, child = pty.openpty()

    def take_the_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "operators",
            "add",
            "Kim",
            "--role",
            "desk",
            "--db",
            str(db),
        ],
        stdin=child,
        stdout=child,
        stderr=child,
        preexec_fn=take_the_terminal,
    )
    os.close(child)
    said = b""

    def read_until(text: bytes | None) -> None:
        nonlocal said
        while text is None or text not in said:
            ready, _, _ = select.select([main], [], [], 30)
            if not ready:
                return
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the child closed the terminal
                return
            if not chunk:
                return
            said += chunk

    read_until(b"PIN for this volunteer:")
    os.write(main, first + b"\n")
    read_until(b"Same PIN again:")
    os.write(main, second + b"\n")
    read_until(None)
    status = process.wait(timeout=60)
    os.close(main)
    return status, said.decode(errors="replace")


def test_on_a_terminal_the_pin_is_asked_twice_and_not_echoed(db: Path) -> None:
    status, said = _add_on_a_terminal(db, b"4821", b"4829")
    assert status == 2 and "Same PIN again" in said and "differ" in said
    assert "4821" not in said  # typed, never shown (the output holds no hash)
    status, said = _add_on_a_terminal(db, b"4821", b"4821")
    assert status == 0 and "Volunteer Kim added as desk." in said
