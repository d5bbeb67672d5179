"""Email from the product: tickets before the event, certificates after it.

Plain Python, no Qt: the mail server's address (`server`), the messages
(`message`, `template`), what goes to whom (`plan`) and the sending loop
(`sender`). Every message is a row of the event file's outbox
(`kiosk.store.outbox`), claimed before it is sent.
"""
