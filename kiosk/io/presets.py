"""Recognising a roster's layout from its header row, and --map.

A layout says which column holds which attendee field, what the import is
called (`source`) and which status words mean a cancelled registration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.io.errors import RosterError
from kiosk.store.schema import ATTENDEES, Use

# What the import writes itself: where the roster came from, whose e-mail it is.
SET_BY_IMPORT = ("source", "email_from")
# Fields a column can be mapped to with --map COLUMN=FIELD: the attendee columns
# an import writes, and two read from the file only (a whole name to split,
# the buyer's e-mail used when the attendee's is empty).
FIELDS = (
    *(name for name in ATTENDEES.names(Use.IMPORT) if name not in SET_BY_IMPORT),
    "name",
    "buyer_email",
)
NAME_FIELDS = ("first_name", "last_name", "name")
FORMATS = ("auto", "eventbrite", "pretix", "generic")

# Status words (compared case-insensitively) that mean "do not admit".
CANCELLED_WORDS = frozenset(
    {
        "cancelled",
        "canceled",
        "refunded",
        "not attending",
        "transferred",
        "deleted",
        "expired",
        "inactive",
        "void",
    }
)
# pretix writes one-letter order states in some exports: c(anceled), e(xpired).
PRETIX_CANCELLED = CANCELLED_WORDS | {"c", "e"}


@dataclass(frozen=True, slots=True)
class Preset:
    """A known export layout: the header names each field may appear under."""

    source: str
    headers: dict[str, tuple[str, ...]]
    # Every group must have at least one of its headers for the file to be
    # recognised as this preset.
    signature: tuple[tuple[str, ...], ...]
    cancelled: frozenset[str] = CANCELLED_WORDS


# A staff flag and the notify mark (kiosk.domain.alerts) come from columns the
# organiser adds to any export under these names.
FLAG_HEADERS = {"attention": ("attention",), "notify": ("notify",)}

EVENTBRITE = Preset(
    source="eventbrite",
    headers={
        "first_name": ("first name",),
        "last_name": ("last name", "surname"),
        "email": ("email", "email address"),
        "organisation": ("company", "organisation", "organization"),
        "job_title": ("job title",),
        # Eventbrite's own "Suffix" field holds post-nominals; pronouns come
        # from a custom question of that name.
        "pronouns": ("pronouns",),
        "credentials": ("suffix", "credentials", "post-nominals"),
        "category": ("ticket type",),
        "code": ("barcode #", "barcode"),
        "status": ("attendee status",),
        "external_id": ("attendee #", "attendee id"),
        "buyer_email": ("buyer email",),
        **FLAG_HEADERS,
    },
    signature=(("first name",), ("ticket type",), ("barcode #", "attendee #")),
)
PRETIX = Preset(
    source="pretix",
    headers={
        # The label of the given-name part follows the event's name scheme.
        "first_name": ("attendee name: given name", "attendee name: first name"),
        "last_name": ("attendee name: family name",),
        "name": ("attendee name",),
        "email": ("attendee email", "e-mail", "email"),
        # The order's e-mail: the buyer's, used when the attendee's is empty
        # (only when the file also has the attendee's own column, below).
        "buyer_email": ("email", "e-mail"),
        "organisation": ("company",),
        # A name scheme with a degree gives it its own column; pronouns come
        # from a question of that name.
        "credentials": (
            "attendee name: degree (after name)",
            "credentials",
            "post-nominals",
        ),
        "pronouns": ("pronouns",),
        "category": ("product",),
        "code": ("ticket secret", "secret"),
        "status": ("status", "order status"),
        "order_code": ("order code",),
        "position_id": ("position id",),
        **FLAG_HEADERS,
    },
    signature=(
        ("order code",),
        (
            "attendee name",
            "attendee name: given name",
            "attendee name: first name",
            "attendee name: family name",
        ),
    ),
    cancelled=PRETIX_CANCELLED,
)
GENERIC = Preset(
    source="generic",
    headers={name: (name,) for name in FIELDS}
    | {
        "organisation": ("organisation", "organization"),
        "credentials": ("credentials", "post_nominals", "postnominals"),
    },
    signature=(NAME_FIELDS,),
)
PRESETS = {"eventbrite": EVENTBRITE, "pretix": PRETIX, "generic": GENERIC}


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each field is in the rows of one file."""

    source: str
    columns: dict[str, int]
    cancelled: frozenset[str] = CANCELLED_WORDS

    def header_of(self, field: str, headers: Sequence[str]) -> str | None:
        """The header of the column read as `field`, None when there is none."""
        index = self.columns.get(field)
        return None if index is None else headers[index]


def expected_header(source: str, field: str) -> str:
    """The header a file of this kind carries `field` under, as its exports
    write it ("Barcode #"); a generic or mapped file's is the field's name."""
    preset = PRESETS.get(source)
    if preset is None or preset is GENERIC or field not in preset.headers:
        return field
    key = preset.headers[field][0]
    return key[:1].upper() + key[1:]


def header_key(header: str) -> str:
    """Headers compared without case or extra spaces; generic names also
    accept spaces or hyphens for the underscore."""
    return " ".join(header.casefold().split())


def _generic_key(header: str) -> str:
    return header_key(header).replace(" ", "_").replace("-", "_")


def choose_layout(
    headers: Sequence[str], name: str, fmt: str = "auto", mapping: Sequence[str] = ()
) -> Layout:
    """The layout of a file with these headers, or RosterError saying why there is none."""
    if fmt not in FORMATS:
        raise RosterError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}.")
    keys = [header_key(header) for header in headers]
    overrides = _parse_mapping(mapping, headers, keys)
    if fmt == "auto":
        preset = next((p for p in PRESETS.values() if _matches(p, keys)), None)
    else:
        preset = PRESETS[fmt]
        if not overrides and not _matches(preset, keys):
            raise RosterError(
                f"{name} does not have the columns of a {fmt} export "
                f"(found {_list_headers(headers)}); try --format auto or --map COLUMN=FIELD."
            )
    if preset is None and not overrides:
        raise RosterError(
            f"The columns of {name} are not a layout this program knows "
            f"(found {_list_headers(headers)}); name the columns with --map COLUMN=FIELD, "
            "for example --map 'Vorname=first_name'."
        )
    columns = _columns(preset or GENERIC, keys)
    for index, target in overrides.items():
        columns = {f: i for f, i in columns.items() if i != index and f != target}
        columns[target] = index
    if columns.get("buyer_email") == columns.get("email"):
        # One e-mail column (no attendee e-mail beside the order's): it is the e-mail.
        columns.pop("buyer_email", None)
    if not any(name_field in columns for name_field in NAME_FIELDS):
        raise RosterError(
            f"No column of {name} holds a name (found {_list_headers(headers)}); "
            "map one with --map COLUMN=first_name (or last_name, or name)."
        )
    # A mapped plain list is its own source; a preset keeps its name with
    # extra mappings, so later imports of the same export still merge by id.
    source = "mapped" if preset is None or (preset is GENERIC and overrides) else preset.source
    cancelled = preset.cancelled if preset else CANCELLED_WORDS
    return Layout(source, columns, cancelled)


def _matches(preset: Preset, keys: list[str]) -> bool:
    present = {_generic_key(k) for k in keys} if preset is GENERIC else set(keys)
    return all(any(option in present for option in group) for group in preset.signature)


def _columns(preset: Preset, keys: list[str]) -> dict[str, int]:
    """Field -> column index for the first column bearing one of the field's names."""
    lookup = [_generic_key(k) for k in keys] if preset is GENERIC else keys
    columns: dict[str, int] = {}
    for target, options in preset.headers.items():
        for option in options:
            if option in lookup:
                columns[target] = lookup.index(option)
                break
    return columns


def _parse_mapping(
    mapping: Sequence[str], headers: Sequence[str], keys: list[str]
) -> dict[int, str]:
    overrides: dict[int, str] = {}
    for item in mapping:
        column, sep, target = item.rpartition("=")
        target = target.strip().lower()
        if not sep or not column.strip():
            raise RosterError(f"--map needs COLUMN=FIELD, like 'Vorname=first_name', not {item!r}.")
        if target not in FIELDS:
            raise RosterError(
                f"--map {item!r} names no known field; fields are {', '.join(FIELDS)}."
            )
        wanted = header_key(column)
        if wanted not in keys:
            raise RosterError(
                f"--map {item!r} names a column the file does not have "
                f"(found {_list_headers(headers)})."
            )
        overrides[keys.index(wanted)] = target
    return overrides


def _list_headers(headers: Sequence[str], limit: int = 12) -> str:
    shown = [repr(h[:40] + ("…" if len(h) > 40 else "")) for h in headers[:limit] if h]
    more = len([h for h in headers if h]) - len(shown)
    if not shown:
        return "no column names"
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
