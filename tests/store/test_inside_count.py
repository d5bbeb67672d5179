"""`Store.inside_count`, the capacity check's count, says what the views and
the rule say of any log.

It reads each active attendee's latest live movement in the session instead
of the `attended` view (which is slower: kiosk bench --only programme). Now,
it must equal the view's count of people inside; at a moment (a scan entered
later), the rule's answer from the movements up to that moment. Random logs
as in test_checkin_views: exits, undos (of anything, undos too), ties in
time, rows written out of time order, a cancelled registration.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from test_checkin_views import DAYS, START, Step, make_store, steps, write_log

from kiosk.domain.models import AttendeeStatus
from kiosk.domain.rules import is_inside, live_entries
from kiosk.store.attended import scope_states

# Moments around the log's: before it, on ties, between rows, after it.
MOMENTS = [
    START + dt.timedelta(days=day, minutes=minute)
    for day in range(DAYS)
    for minute in (-1, 0, 1, 2, 4, 5)
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_inside_count_equals_the_views_now_and_the_rule_at_any_moment(plan: list[Step]) -> None:
    store, people, sessions = make_store()
    log = write_log(store, people, sessions, plan)
    active = {
        a
        for a in people
        if (attendee := store.attendee(a)) is not None and attendee.status is AttendeeStatus.ACTIVE
    }
    states = scope_states(store)
    for session in sessions[1:]:
        assert session is not None
        in_view = sum(
            1
            for s in states
            if s.first.session_id == session and s.inside and s.first.attendee_id in active
        )
        assert store.inside_count(session) == in_view
        for moment in MOMENTS:
            by_rule = 0
            for attendee in active:
                mine = [e for e in log if e.attendee_id == attendee and e.session_id == session]
                # Undos apply whenever they were written; movements up to the moment.
                up_to = [e for e in live_entries(mine) if e.at <= moment]
                by_rule += is_inside(up_to)
            assert store.inside_count(session, moment) == by_rule, moment
