"""What the ``geomap`` command says on stderr: progress bar, messages, summary.

Results go to files (or stdout); everything for the person at the terminal
goes to stderr through here, so ``--quiet`` and the message format are
decided in one place.
"""

from __future__ import annotations

import sys
import time

__all__ = ["PROG", "ProgressBar", "err", "say", "summary"]

PROG = "geomap"


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal.

    Call it as ``bar(done, total)``, ``bar(done)`` or ``bar()`` (one more
    item done); extra arguments (such as the current document) are ignored,
    so it fits the ``progress=`` callback of :func:`geomap.extract_events`.
    """

    def __init__(self, total=None, *, label="extracting", stream=None, enabled=None):
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.label = label
        self._last = 0.0
        self._drawn = False

    def __call__(self, *args, **kwargs):
        ints = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
        if ints:
            self.done = ints[0]
            if len(ints) > 1:
                self.total = ints[1]
        else:
            self.done += 1
        if "total" in kwargs and isinstance(kwargs["total"], int):
            self.total = kwargs["total"]
        self._draw()

    def _draw(self, force=False):
        if not self.enabled:
            return
        now = time.monotonic()
        finished = self.total is not None and self.done >= self.total
        if not (force or finished or now - self._last >= 0.1):
            return
        self._last = now
        if self.total:
            width = 30
            filled = min(width, int(width * self.done / self.total))
            bar = "#" * filled + "-" * (width - filled)
            line = f"\r{self.label} [{bar}] {self.done}/{self.total}"
        else:
            line = f"\r{self.label} {self.done}"
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def close(self):
        """Erase the bar so the summary starts on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def err(message):
    """Print ``geomap: error: MESSAGE`` on stderr."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def say(args, message):
    """Print ``message`` on stderr unless the command runs with ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def _located(events):
    geom = events.geometry
    return int((geom.notna() & ~geom.is_empty).sum())


def summary(args, read, events):
    """Print the closing summary; return every skip so nothing is lost.

    Warnings and skipped inputs are printed even with ``--quiet``; the counts
    (documents, events located and unlocated) only without it.
    """
    skipped = list(read.skipped)
    for item in events.attrs.get("skipped", []) or []:
        item = tuple(item)
        if item not in skipped:
            skipped.append(item)
    quiet = getattr(args, "quiet", False)
    for where, message in read.warnings:
        print(f"{PROG}: warning: {where}: {message}", file=sys.stderr)
    for where, reason in skipped:
        print(f"{PROG}: skipped {where}: {reason}", file=sys.stderr)
    if not quiet:
        n = len(events)
        located = _located(events)
        n_docs = events.attrs.get("documents", len(read.documents))
        print(f"{PROG}: {n_docs} documents read, {len(skipped)} skipped; "
              f"{n} events found, {located} located, {n - located} unlocated", file=sys.stderr)
        if n == 0:
            print(f"{PROG}: no event found: no known actor and action in the text; to add actors or verbs see "
                  "README, 'Adding places, actors and actions'", file=sys.stderr)
    return skipped
