"""Volunteer accounts: the operators table, signing in with name and PIN,
roles enforced by the help desk itself, and the operator on every entry."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.desk import HelpDesk, NotAllowed
from kiosk.domain.models import Result
from kiosk.domain.pins import hash_pin, verify_pin
from kiosk.domain.roles import Role, StaffAction
from kiosk.printing import PrintQueue
from kiosk.sign_in import SignIn
from kiosk.store import Store
from kiosk.store.chain import verify_chain
from kiosk.store.operators import (
    OperatorExists,
    add_operator,
    has_operators,
    operator_named,
    operators,
    remove_operator,
)

PINS = {"Sam": "2468", "Dana": "1357", "Ola": "8642"}
ROLES = {"Sam": Role.SCANNER, "Dana": Role.DESK, "Ola": Role.SUPERVISOR}


@pytest.fixture
def staffed(store: Store) -> Store:
    store.add_attendee({"code": "T1", "first_name": "Amara", "last_name": "Okonkwo"})
    for name, pin in PINS.items():
        add_operator(store, name, ROLES[name], hash_pin(pin))
    return store


def _desk(store: Store, who: str | None) -> HelpDesk:
    desk = HelpDesk(store, station="desk-1", printer=PrintQueue(store))
    desk.station.clock = lambda: dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    if who is not None:
        operator = SignIn(store, "desk-1").attempt(who, PINS[who])
        assert operator is not None
        desk.sign_in(operator)
    return desk


def test_an_account_keeps_a_salted_hash_never_the_pin(staffed: Store) -> None:
    stored = staffed.conn.execute("SELECT pin_hash FROM operators").fetchall()
    hashes = [row[0] for row in stored]
    # A 4-digit PIN may turn up inside hex by chance: no field of the hash is it.
    assert not any(pin in h.split("$") for h in hashes for pin in PINS.values())
    scheme, n, r, p, _salt, _digest = hashes[0].split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert len({h.split("$")[4] for h in hashes}) == 3  # one salt each
    assert verify_pin("2468", operator_named(staffed, "sam").pin_hash)  # type: ignore[union-attr]


def test_names_are_unique_among_accounts_in_use_and_removal_keeps_the_row(staffed: Store) -> None:
    with pytest.raises(OperatorExists):
        add_operator(staffed, "SAM", Role.DESK, hash_pin("1111"))
    assert remove_operator(staffed, "sam")
    assert not remove_operator(staffed, "sam")
    assert [o.name for o in operators(staffed)] == ["Dana", "Ola"]
    again = add_operator(staffed, "Sam", Role.DESK, hash_pin("1111"))
    assert again.role is Role.DESK
    assert staffed.conn.execute("SELECT count(*) FROM operators").fetchone()[0] == 4


@pytest.mark.expected_log("kiosk.staff", "sign-in refused")
def test_wrong_pins_and_unknown_names_lock_the_station_out(staffed: Store) -> None:
    now = [1000.0]
    gate = SignIn(staffed, "desk-1", clock=lambda: now[0])
    assert gate.attempt("Sam", "0000") is None
    assert gate.attempt("Nobody", "2468") is None
    assert gate.attempt("Dana", "2468") is None  # Sam's PIN is not Dana's
    assert gate.seconds_left() == 10.0
    assert gate.attempt("Sam", "2468") is None  # even the right PIN, while locked
    # The count lives in the event file: a restart does not reset it.
    again = SignIn(staffed, "desk-1", clock=lambda: now[0])
    assert again.failures == 3 and again.seconds_left() == 10.0
    now[0] += 11
    signed = again.attempt("sam", "2468")
    assert signed is not None and (signed.name, signed.role) == ("Sam", Role.SCANNER)
    assert SignIn(staffed, "desk-1").failures == 0


@pytest.mark.expected_log("kiosk.staff", "sign-in refused")
def test_a_removed_account_cannot_sign_in(staffed: Store) -> None:
    remove_operator(staffed, "Ola")
    assert operator_named(staffed, "Ola") is None
    assert SignIn(staffed, "desk-1").attempt("Ola", PINS["Ola"]) is None


def test_without_accounts_the_desk_may_do_everything_as_before(store: Store) -> None:
    store.add_attendee({"code": "T1", "first_name": "Amara"})
    desk = HelpDesk(store, station="desk-1", operator="volunteer-3")
    desk.station.clock = lambda: dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    assert not has_operators(store) and not desk.needs_sign_in
    assert all(desk.may(action) for action in StaffAction)
    assert desk.check_in(1).result is Result.CHECKED_IN
    desk.undo(1, "wrong person")
    assert [e.operator for e in store.log_entries()] == ["volunteer-3", "volunteer-3"]


def test_with_accounts_nobody_signed_in_may_do_nothing(staffed: Store) -> None:
    desk = _desk(staffed, None)
    assert not any(desk.may(action) for action in StaffAction)
    with pytest.raises(NotAllowed, match="sign in"):
        desk.check_in(1)
    assert staffed.log_entries() == []


def test_a_scanner_checks_in_but_cannot_undo_edit_walk_in_or_cancel(staffed: Store) -> None:
    desk = _desk(staffed, "Sam")
    assert desk.check_in(1).result is Result.CHECKED_IN
    refused = [
        lambda: desk.undo(1, "oops"),
        lambda: desk.edit(1, {"first_name": "Amarachi"}),
        lambda: desk.walk_in({"first_name": "Kofi"}),
        lambda: desk.cancel(1, "asked to"),
        lambda: desk.reprint(1),
        lambda: desk.transfer(1, {"first_name": "Kofi"}),
    ]
    for action in refused:
        with pytest.raises(NotAllowed):
            action()
    assert len(staffed.log_entries()) == 1
    assert desk.audit_entries() == []
    assert staffed.attendee(1).first_name == "Amara"  # type: ignore[union-attr]


def test_a_desk_volunteer_edits_and_walks_in_but_cannot_undo_or_cancel(staffed: Store) -> None:
    desk = _desk(staffed, "Dana")
    desk.check_in(1)
    desk.edit(1, {"first_name": "Amarachi"})
    desk.walk_in({"first_name": "Kofi", "last_name": "Mensah"})
    for action in (lambda: desk.undo(1, "oops"), lambda: desk.cancel(1, "asked to")):
        with pytest.raises(NotAllowed, match="supervisor"):
            action()
    assert [a.action for a in desk.audit_entries()] == ["edit", "walk_in"]


def test_log_and_audit_entries_carry_who_was_signed_in_and_the_chain_holds(
    staffed: Store,
) -> None:
    _desk(staffed, "Sam").check_in(1)
    supervisor = _desk(staffed, "Ola")
    supervisor.undo(1, "wrong person")
    supervisor.edit(1, {"first_name": "Amarachi"})
    supervisor.cancel(1, "asked to")
    assert [(e.kind.value, e.operator) for e in staffed.log_entries()] == [
        ("entry", "Sam"),
        ("undo", "Ola"),
    ]
    assert {a.operator for a in supervisor.audit_entries()} == {"Ola"}
    checked, broken = verify_chain(staffed.conn)
    assert checked == 2 and broken is None


def test_signing_out_stops_the_next_action_and_names_nobody(staffed: Store) -> None:
    desk = _desk(staffed, "Ola")
    desk.sign_out()
    assert desk.operator == "" and desk.role is None
    with pytest.raises(NotAllowed):
        desk.check_in(1)
