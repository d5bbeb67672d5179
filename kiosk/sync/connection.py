"""Finding the hub and talking to it with short, bounded waits.

psycopg is imported lazily: a station without a hub never needs it.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("kiosk.sync")

SERVER_ENV = "KIOSK_SERVER"
SERVER_SETTING = "sync.server"
# The hub must answer within this; otherwise the station decides locally.
HUB_TIMEOUT_MS = 1000


class HubUnavailable(Exception):
    """The hub did not answer in time (or at all); decide locally."""


class SyncSetupError(Exception):
    """A sync problem the user can fix, as one sentence."""


class HubRefused(SyncSetupError):
    """The hub answered but would not let this station in: a wrong password,
    an unknown user, or no pg_hba.conf line for it. Waiting will not help, so
    a station never treats this as "offline" without saying so (docs/sync.md)."""


def psycopg_module() -> Any:
    try:
        import psycopg
    except ImportError:
        raise SyncSetupError(
            "Joining a hub needs the psycopg package; install it with pip install psycopg[binary]."
        ) from None
    return psycopg


def resolve_server(explicit: str | None, setting: str | None = None) -> str | None:
    """The hub's connection string: --server, then $KIOSK_SERVER, then the station setting."""
    return explicit or os.environ.get(SERVER_ENV) or setting or None


def describe(url: str) -> str:
    """host/dbname of a connection string, never the user or the password: safe to log."""
    psycopg = psycopg_module()
    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unreadable connection string)"
    host = params.get("host") or params.get("hostaddr") or "local socket"
    port = params.get("port")
    where = f"{host}:{port}" if port else str(host)
    return f"{where}/{params.get('dbname') or '(default database)'}"


def connect(url: str, station: str, *, timeout_ms: int = HUB_TIMEOUT_MS) -> psycopg.Connection[Any]:
    """An autocommit connection whose every wait is bounded by about `timeout_ms`.

    connect_timeout bounds the connection, statement_timeout and lock_timeout
    bound work at the hub, tcp_user_timeout bounds a network that swallows
    packets. sslmode and other libpq settings in `url` pass through unchanged.
    """
    pg = psycopg_module()
    seconds = max(1, round(timeout_ms / 1000))
    options = f"-c statement_timeout={timeout_ms} -c lock_timeout={timeout_ms}"
    try:
        conninfo = pg.conninfo.make_conninfo(
            url,
            connect_timeout=seconds,
            tcp_user_timeout=timeout_ms,
            keepalives=1,
            keepalives_idle=1,
            keepalives_interval=1,
            keepalives_count=2,
            application_name=f"kiosk {station}"[:63],
            options=options,
        )
        return cast("psycopg.Connection[Any]", pg.connect(conninfo, autocommit=True))
    except pg.ProgrammingError as error:
        raise SyncSetupError("The hub connection string is not valid.") from error
    except pg.Error as error:
        # The message may quote the connection string: log only where.
        if (refusal := _refusal(error, url)) is not None:
            log.warning("hub %s refused this station's login", describe(url))
            raise refusal from None
        log.info("hub %s unreachable: %s", describe(url), type(error).__name__)
        raise HubUnavailable(str(type(error).__name__)) from error


def _user(url: str) -> str:
    """The user name in `url` (libpq's default, the login name, when none is given)."""
    psycopg = psycopg_module()
    try:
        user = psycopg.conninfo.conninfo_to_dict(url).get("user")
    except psycopg.ProgrammingError:
        user = None
    if not user:
        import getpass

        user = getpass.getuser()
    return str(user)


def _refusal(error: Exception, url: str) -> HubRefused | None:
    """The hub's "no" to this login, as one sentence; None for any other failure.

    A failed connection carries no SQLSTATE, so the server's message is read:
    PostgreSQL words these the same way for password, md5 and scram logins.
    """
    pgconn = getattr(error, "pgconn", None)
    text = str(error).lower()
    if "pg_hba.conf" in text:
        return HubRefused(
            f"The hub does not let user {_user(url)} in from this computer (pg_hba.conf); "
            "ask whoever runs the hub to allow it."
        )
    if "authentication failed" in text or getattr(pgconn, "needs_password", False):
        return HubRefused(
            f"The hub refused the password for user {_user(url)}; "
            "check the password in the hub's connection string."
        )
    return None
