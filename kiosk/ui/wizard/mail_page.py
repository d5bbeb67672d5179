"""Step 7 (optional): the mail server that sends tickets and certificates.

The same settings as `kiosk config set email.*`, checked the same way; the
password is never asked here, since it is never stored (it is given when
sending, or in KIOSK_SMTP_PASSWORD).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from kiosk.mail.message import AddressError, checked_address
from kiosk.settings import SettingError, Settings

translate = QCoreApplication.translate


class MailPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Wizard", "Email (optional)"))
        self.setSubTitle(
            translate(
                "Wizard",
                "To email tickets and certificates through your own mail server. Leave it "
                "empty to set it up later. The password is asked when sending, never stored.",
            )
        )
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("smtp://user@mail.example.org:587")
        self.sender = QLineEdit(self)
        self.sender.setPlaceholderText("events@example.org")
        self.reply_to = QLineEdit(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")  # the wizard has no theme of its own
        form = QFormLayout()
        for edit, label in (
            (self.server, translate("Wizard", "Mail server")),
            (self.sender, translate("Wizard", "Send from")),
            (self.reply_to, translate("Wizard", "Replies to (optional)")),
        ):
            form.addRow(label, edit)
            edit.setAccessibleName(label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)

    def _problem(self) -> str | None:
        server, sender = self.server.text().strip(), self.sender.text().strip()
        if not (server or sender or self.reply_to.text().strip()):
            return None  # set up later
        if not server or not sender:
            return translate("Wizard", "Give both the mail server and the address to send from.")
        try:
            for address in (sender, self.reply_to.text().strip()):
                if address:
                    checked_address(address)
        except AddressError:
            return translate("Wizard", "Each address must be one email address.")
        return None

    def validatePage(self) -> bool:
        if (problem := self._problem()) is not None:
            self.problem.setText(problem)
            return False
        settings = Settings(self.wizard().store)  # type: ignore[attr-defined]
        try:
            settings.set("email.server", self.server.text().strip())
        except SettingError as error:
            self.problem.setText(str(error))
            return False
        settings.set("email.from", self.sender.text().strip())
        settings.set("email.reply_to", self.reply_to.text().strip())
        self.problem.setText("")
        return True
