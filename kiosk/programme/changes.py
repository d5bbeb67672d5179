"""Adding, editing and cancelling one session by hand (the command line, the
console): checked by the agenda's rules, written with an audit line that
names the session by id."""

from __future__ import annotations

import uuid
from typing import Any

from kiosk.domain.models import Session
from kiosk.programme.drafts import SessionDraft, draft_of, fields_of, save_draft, session_problems
from kiosk.store import Store
from kiosk.store.attendee_list import categories
from kiosk.store.audit import append_audit
from kiosk.store.programme import cancel_session, session_by_key
from kiosk.store.timestamps import utc_now

ADDED = "session_added"
EDITED = "session_edited"
CANCELLED = "session_cancelled"
RESTORED = "session_restored"


class ProgrammeError(ValueError):
    """A session that cannot be saved; `problems` holds one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def problems_for(store: Store, draft: SessionDraft, session_id: int | None = None) -> list[str]:
    """Everything wrong with saving the draft (as session `session_id`, or new)."""
    problems = session_problems(draft, store.event(), set(categories(store)))
    if draft.key:
        holder = session_by_key(store, draft.key)
        if holder is not None and holder.id != session_id:
            problems.append(f"the key '{draft.key}' is already session {holder.id}'s")
    return problems


def add_session(store: Store, draft: SessionDraft, *, operator: str, station: str) -> Session:
    with store.transaction():
        problems = problems_for(store, draft)
        if problems:
            raise ProgrammeError(problems)
        session = save_draft(store, draft)
        _audit(store, ADDED, session.id, fields_of(draft), operator, station)
    return session


def edit_session(
    store: Store, session_id: int, draft: SessionDraft, *, operator: str, station: str
) -> Session:
    with store.transaction():
        before = _existing(store, session_id)
        problems = problems_for(store, draft, session_id)
        if problems:
            raise ProgrammeError(problems)
        old = fields_of(draft_of(before, store.event()))
        changes = {name: value for name, value in fields_of(draft).items() if old[name] != value}
        session = save_draft(store, draft, session_id)
        if changes:
            _audit(store, EDITED, session_id, changes, operator, station)
    return session


def set_cancelled(
    store: Store, session_id: int, cancelled: bool, *, operator: str, station: str
) -> Session:
    """Cancel the session (or undo that); its log and bookings stay."""
    with store.transaction():
        before = _existing(store, session_id)
        session = cancel_session(store, session_id, cancelled)
        if before.cancelled != cancelled:
            _audit(store, CANCELLED if cancelled else RESTORED, session_id, {}, operator, station)
    return session


def _existing(store: Store, session_id: int) -> Session:
    session = store.session(session_id)
    if session is None:
        raise ProgrammeError([f"there is no session {session_id}"])
    return session


def _audit(
    store: Store,
    action: str,
    session_id: int,
    changes: dict[str, Any],
    operator: str,
    station: str,
) -> None:
    append_audit(
        store,
        entry_id=uuid.uuid4().hex,
        attendee_id=None,
        action=action,
        station=station,
        operator=operator,
        at=utc_now(),
        details={"session_id": session_id, **({"changes": changes} if changes else {})},
    )
