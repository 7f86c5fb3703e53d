"""A closed terminal, an ssh drop or a ``kill`` handled like Ctrl-C: a draft is kept, then exit.

SIGHUP (the terminal went away) and SIGTERM (asked to stop) raise :class:`Hangup`, a
``KeyboardInterrupt``, wherever the walk is (inside a prompt too), so the code that keeps a draft on
Ctrl-C keeps one for them. Once one has arrived, further ones are ignored until the process exits:
the draft is being written.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

CAUGHT = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


class Hangup(KeyboardInterrupt):
    """The process got SIGHUP or SIGTERM; ``exit_code`` is the conventional 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        """The signal's name, ``SIGTERM``."""
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """What the shell would have seen had the signal killed the process."""
        return 128 + self.signum


@contextmanager
def hangups_as_interrupts() -> Iterator[None]:
    """Within the block, SIGHUP and SIGTERM raise :class:`Hangup`."""
    arrived: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        if arrived:
            return
        arrived.append(signum)
        raise Hangup(signum)

    previous = {number: signal.signal(number, stop) for number in CAUGHT}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_IGN if arrived else handler)
