"""`kiosk email`: tickets before the event, certificates after it, a test
message, the outbox's state and the ticket template to edit."""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.cli.common import UserError, add_db_argument, db_path, open_store
from kiosk.store import Store
from kiosk.store.outbox import MailKind, MailState, OutboxMessage


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    email = subparsers.add_parser("email", help="email tickets and certificates to attendees")
    actions = email.add_subparsers(dest="action", metavar="ACTION", required=True)

    test = actions.add_parser("test", help="send one test message and say what the server said")
    add_db_argument(test)
    test.add_argument("--to", required=True, metavar="ADDRESS", help="where the test goes")
    test.set_defaults(handler=run_test)

    for kind, helptext in (
        (MailKind.TICKET, "each active attendee their QR code (before the event)"),
        (MailKind.CERTIFICATE, "each attendee who came their certificate (after it)"),
    ):
        name = "tickets" if kind is MailKind.TICKET else "certificates"
        action = actions.add_parser(name, help=helptext)
        add_db_argument(action)
        if kind is MailKind.TICKET:
            action.add_argument(
                "--only-new", action="store_true", help="only attendees sent no ticket yet"
            )
        action.add_argument("--dry-run", action="store_true", help="list what would go; send none")
        action.add_argument(
            "--resend", metavar="CODE", help="send this attendee's message again (corrected)"
        )
        action.set_defaults(handler=run_send, kind=kind)

    status = actions.add_parser("status", help="messages queued, sent and failed")
    add_db_argument(status)
    status.set_defaults(handler=run_status)

    template = actions.add_parser(
        "template", help="write the ticket email's text to a file beside the event, to edit"
    )
    add_db_argument(template)
    template.set_defaults(handler=run_template)


def _password(store: Store) -> str | None:
    from kiosk.mail.plan import mail_settings
    from kiosk.mail.server import PASSWORD_VARIABLE, password_from_environment

    server = mail_settings(store).server
    if not server.user:
        return None
    if (password := password_from_environment()) is not None:
        return password
    if not sys.stdin.isatty():
        raise UserError(f"Give the mail server's password in {PASSWORD_VARIABLE}.")
    return getpass.getpass(f"Password of {server.user} at {server.where}: ")


def _who(store: Store, message: OutboxMessage) -> str:
    attendee = store.attendee(message.attendee_id) if message.attendee_id is not None else None
    name = attendee.full_name if attendee is not None else message.kind.value
    return f"{name} <{message.recipient}>"


def _send(store: Store, args: argparse.Namespace, only: int | None = None) -> int:
    """Run the outbox; print what happened. Exit 0 when nothing failed or waits."""
    from kiosk.mail.content import Content
    from kiosk.mail.plan import MailSetupError, mail_settings
    from kiosk.mail.sender import AlreadySending, Run

    try:
        settings = mail_settings(store)
        password = _password(store)
        failed: list[str] = []

        def progress(message: OutboxMessage, state: MailState, reply: str) -> None:
            if state is MailState.FAILED:
                failed.append(f"  failed: {_who(store, message)}: {reply}")
            elif only is not None:
                print(f"The server answered: {reply}")

        run = Run(
            store,
            settings.server,
            password,
            Content(store, settings.sender, db_path(args)),
            rate_per_minute=settings.rate_per_minute,
            progress=progress,
            only=only,
        )
        report = run.run()
    except (MailSetupError, AlreadySending) as error:
        raise UserError(str(error)) from None
    if report.resumed:
        print(f"Sent again after an interruption: {len(report.resumed)} (same Message-ID).")
    print(f"Sent {report.sent}, failed {report.failed}, still queued {report.left}.")
    for line in failed:
        print(line)
    if report.stopped:
        print(report.stopped, file=sys.stderr)
    return 0 if not (report.failed or report.left or report.stopped) else 1


def run_test(args: argparse.Namespace) -> int:
    from kiosk.mail.message import AddressError, checked_address
    from kiosk.store.outbox import queue_test

    store = open_store(args)
    try:
        checked_address(args.to)
    except AddressError:
        raise UserError(f"{args.to!r} is not one email address.") from None
    return _send(store, args, only=queue_test(store, args.to))


def run_send(args: argparse.Namespace) -> int:
    from kiosk.mail.plan import MailSetupError, plan, queue_planned, queue_resend
    from kiosk.mail.template import TemplateError, load_template

    store = open_store(args)
    kind: MailKind = args.kind
    only_new = bool(getattr(args, "only_new", False))
    if kind is MailKind.TICKET:
        try:
            load_template(db_path(args))  # a bad template stops here, before anything is queued
        except TemplateError as error:
            raise UserError(str(error)) from None
    if args.dry_run:
        return _dry_run(store, kind, only_new, args.resend)
    try:
        if args.resend:
            queue_resend(store, kind, args.resend)
        else:
            earlier = len(plan(store, kind, only_new=only_new).unfinished)
            queued = queue_planned(store, kind, only_new=only_new)
            if earlier:
                print(f"Finishing {earlier} message(s) an earlier run left unsent.")
            print(f"Queued {queued} new {kind.value} message(s).")
    except MailSetupError as error:
        raise UserError(str(error)) from None
    return _send(store, args)


def _dry_run(store: Store, kind: MailKind, only_new: bool, resend: str | None) -> int:
    from kiosk.mail.plan import plan

    if resend:
        attendee = store.attendee_by_code(resend)
        if attendee is None:
            raise UserError(f"No attendee has the code {resend!r}.")
        print(f"Would send 1 {kind.value} again: {attendee.full_name} <{attendee.email}>")
        return 0
    planned = plan(store, kind, only_new=only_new)
    print(f"Would send {planned.total} {kind.value} message(s); nothing was sent or queued.")
    for message in planned.unfinished:
        print(f"  (left by an earlier run) {_who(store, message)}")
    for candidate in planned.new:
        attendee = store.attendee(candidate.attendee_id)
        name = attendee.full_name if attendee is not None else ""
        print(f"  {name} <{candidate.recipient}>")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from kiosk.store.outbox import counts, messages

    store = open_store(args)
    found = counts(store)
    if not found:
        print("No email has been queued for this event.")
        return 0
    print(f"{'':<12}" + "".join(f"{state.value:>9}" for state in MailState))
    for kind in MailKind:
        row = [found.get((kind, state), 0) for state in MailState]
        if any(row):
            print(f"{kind.value:<12}" + "".join(f"{count:>9}" for count in row))
    for state in (MailState.FAILED, MailState.QUEUED, MailState.SENDING):
        for message in messages(store, state):
            reason = f": {message.reply}" if message.reply else ""
            print(
                f"  {state.value} #{message.id} {message.kind.value} {_who(store, message)}{reason}"
            )
    return 0


def run_template(args: argparse.Namespace) -> int:
    from kiosk.mail.template import PLACEHOLDERS, write_default_template

    path = write_default_template(db_path(args))
    print(f"The ticket email's text is {path}; edit it, then preview it in the console.")
    print("Placeholders:")
    for name, meaning in PLACEHOLDERS.items():
        print(f"  ${name}  {meaning}")
    return 0
