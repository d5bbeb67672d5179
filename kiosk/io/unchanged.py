"""Re-import rows that are, cell for cell, what the event already stores.

Most rows of a re-import are unchanged. Stored text is clean (cleaning is
idempotent), so a row whose raw cells equal the stored values would clean to
them too: such a row is known unchanged without cleaning, folding or a Record.
Anything else (a changed cell, extra spaces, a row without a code, a stored
NULL) takes the ordinary path, which decides the same way, only slower.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from kiosk.domain.models import EmailFrom
from kiosk.io.records import TEXT_FIELDS, RowReader, clean_code, notify_of

_ATTENDEE = EmailFrom.ATTENDEE.value


@dataclass(slots=True)
class Same:
    """A row known to leave its attendee (`target`) as stored."""

    row: int
    code: str
    external_id: str | None
    target: int


class UnchangedRows:
    """Recognises unchanged rows of one layout against the stored attendees.

    `columns` gives the index of each import column in the stored tuples.
    """

    def __init__(
        self,
        reader: RowReader,
        source: str,
        by_code: Mapping[str, int],
        current: Mapping[int, tuple[Any, ...]],
        columns: Mapping[str, int],
    ) -> None:
        layout = reader.layout.columns
        self.reader, self.source = reader, source
        self.by_code, self.current = by_code, current
        self.code_column = layout.get("code")
        self.first_column = layout.get("first_name")
        fields = [name for name in TEXT_FIELDS if name in layout]
        # Without a given-name column the name is made from other cells.
        self.usable = self.code_column is not None and "first_name" in layout
        self.width = reader.width
        self.raw: Callable[[Sequence[str]], Any] = itemgetter(*(layout[f] for f in fields))
        self.stored: Callable[[tuple[Any, ...]], Any] = itemgetter(*(columns[f] for f in fields))
        self.status_column = layout.get("status")
        self.status_index = columns["status"]
        self.notify_column = layout.get("notify")
        self.notify_index = columns["notify"]
        self.email_column = layout.get("email")
        self.buyer = "buyer_email" in layout
        # A file with an e-mail column writes whose address it is: the
        # attendee's own, unless the buyer's is taken for an empty one.
        self.email_from_index = (
            columns["email_from"] if self.email_column is not None or self.buyer else None
        )
        self.source_index, self.external_index = columns["source"], columns["external_id"]
        self.plain_external = (
            reader.external_column is None and reader.order_column is None
        )  # the code is the external id

    def same_many(self, rows: Sequence[tuple[int, list[str]]]) -> list[Same | None]:
        """Each row as `Same` when it provably changes nothing, else None."""
        if not self.usable:
            return [None] * len(rows)
        found: list[Same | None] = []
        add = found.append
        width, first, code_column = self.width, self.first_column, self.code_column
        by_code, current, raw, stored_of = self.by_code, self.current, self.raw, self.stored
        for row, cells in rows:
            if len(cells) < width or not cells[first]:  # type: ignore[index]
                add(None)  # a row without a given name is read another way
                continue
            code = cells[code_column].strip()  # type: ignore[index]
            target = by_code.get(code)
            if target is None or raw(cells) != stored_of(current[target]):
                add(None)
                continue
            add(self._rest_same(row, cells, code, target))
        return found

    def _rest_same(self, row: int, cells: list[str], code: str, target: int) -> Same | None:
        """The checks beyond the text cells, for a row whose text is as stored."""
        stored = self.current[target]
        if stored[self.source_index] != self.source:
            return None
        if self.email_from_index is not None:
            if stored[self.email_from_index] != _ATTENDEE:
                return None
            if self.buyer and not cells[self.email_column]:  # type: ignore[index]
                return None  # the buyer's address may stand in
        reader = self.reader
        if (
            self.status_column is not None
            and reader.status_of(cells[self.status_column]) != stored[self.status_index]
        ):
            return None
        if (
            self.notify_column is not None
            and notify_of(cells[self.notify_column]) != stored[self.notify_index]
        ):
            return None
        if clean_code(code) != code:
            return None
        external = None if self.plain_external else reader.external_id(cells)
        if stored[self.external_index] != (external or code):
            return None
        return Same(row, code, external, target)
