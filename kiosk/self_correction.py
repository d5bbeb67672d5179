"""Badge self-correction at the kiosk: an attendee's own fix to the fields
the organiser allows, saved with the audit line that keeps before and after.

The rules (which fields, what counts as a change) are the domain's
(kiosk.domain.badge_fix); this writes them in one transaction, so the
roster and its audit line never disagree. The help desk's details pane
shows the line under "Fixed at the kiosk".
"""

from __future__ import annotations

import logging

from kiosk.checkin import Station
from kiosk.domain import badge_fix
from kiosk.domain.models import Attendee
from kiosk.domain.rules import new_entry_id
from kiosk.store import Store
from kiosk.store.audit import append_audit

log = logging.getLogger("kiosk.desk")

# The audit action of a fix made by the attendee at the kiosk.
ACTION = "badge_fix"


def correct_badge(
    store: Store,
    station: Station,
    attendee_id: int,
    typed: dict[str, str],
    allowed: tuple[str, ...],
) -> Attendee:
    """Save the fields `typed` changes (only `allowed` ones) and audit them.

    Returns the attendee as stored; raises FixRefused (one sentence) for a
    field that is not allowed or a value the badge cannot take."""
    with store.transaction():
        before = store.attendee(attendee_id)
        if before is None:
            raise badge_fix.FixRefused("gone", "This registration is no longer on the list.")
        current = {field: str(getattr(before, field)) for field in allowed}
        changed = badge_fix.changes(current, typed, allowed)
        if not changed:
            return before
        store.update_attendee(attendee_id, changed)
        append_audit(
            store,
            entry_id=new_entry_id(),
            attendee_id=attendee_id,
            action=ACTION,
            station=station.name,
            operator=station.operator,
            at=station.clock(),
            details={"before": {k: current[k] for k in changed}, "after": changed},
        )
    log.info("badge fixed at the kiosk: attendee=%s fields=%s", attendee_id, sorted(changed))
    after = store.attendee(attendee_id)
    assert after is not None  # written in the transaction above
    return after
