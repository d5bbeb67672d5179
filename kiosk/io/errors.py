"""The one exception roster import raises for problems a user can fix."""

from __future__ import annotations


class RosterError(Exception):
    """A roster file that cannot be imported, explained in one plain sentence."""
