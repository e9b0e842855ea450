"""Quotations over several sentences, attributed where they close.

'"As a result of decisive actions, units have liberated X. Assault detachments
continue to advance toward Y," the ministry said.' The attribution follows the
last quoted sentence, yet what the first one reports is the ministry's claim
too. :class:`Quotation` follows the quotation marks sentence by sentence and
gives the rows of the earlier quoted sentences the speaker that closes them.
"""

from __future__ import annotations

import re

from .wordclasses import DOUBLE_QUOTES

__all__ = ["Quotation"]

# what follows a closing mark when it is attributed: '," the ministry said', '" - army spokesman'
_ATTRIBUTED = re.compile(r"^\s*[,.]?\s*(?:[-—–]\s*)?(?:(?:the|a|an)\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,7}?\s+"
                         r"(?:said|says|added|told|stated|wrote|posted|claimed|announced)\b|"
                         r"^\s*,?\s*(?:said|says|added|wrote|according\s+to)\b", re.I)


class Quotation:
    """Which sentences are inside an open quotation, and the rows they gave."""

    def __init__(self):
        self.open = False
        self.pending = []

    def feed(self, text, rows, speaker):
        """Take one sentence's ``text`` and its new ``rows``; ``speaker`` is ``(name, actor)`` of
        the document's last speaker after the sentence was read."""
        if not self.open and not DOUBLE_QUOTES.intersection(text):
            return
        was_open, closed_at = self.open, None
        for k, ch in enumerate(text):
            if ch == '"':
                self.open = not self.open
            elif ch == "“":
                self.open = True
            elif ch == "”":
                self.open = False
            else:
                continue
            if not self.open:
                closed_at = k
        if self.open:
            # the quotation goes on: its attribution, if any, comes later
            self.pending.extend(r for r in rows if r["reported_by"] is None and r["stance"] == "asserted")
            return
        if was_open and closed_at is not None and self.pending:
            said = next((r["reported_by"] for r in rows if r["reported_by"]), None)
            if said is None and speaker[0] and _ATTRIBUTED.match(text[closed_at + 1:]):
                said = speaker[0]
            if said:
                for r in self.pending:
                    r["stance"], r["reported_by"] = "claimed", said
        self.pending = []
