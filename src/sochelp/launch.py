"""The console-script entry point: quiet stop handling first, then the command line.

Importing the command line takes a noticeable fraction of a second; a Ctrl-C in that time must
not print a KeyboardInterrupt traceback, so the quiet handlers go in before anything else.
"""

from __future__ import annotations

from sochelp import signals

signals.install_early()

TYPE_CHECKING = False  # typing itself is not imported this early
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    """Run ``sochelp`` and exit with its status."""
    import os
    import sys

    # This process validates only sochelp's own models, which need no third-party pydantic
    # plugins; discovering them scans the metadata of every installed package (about 30 ms at
    # start-up). Set here, where the program starts, not on import; a user's setting still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from sochelp.cli import main

    try:
        status = main()
    except KeyboardInterrupt as stop:
        # Last resort: a stop that landed inside main's own handling of one. One line and the
        # stop's status, never a traceback.
        signals.install_early()
        signals.exit_at_once(stop)
    signals.install_early()  # a Ctrl-C from here on just ends the exit quietly
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            if status == 0:
                status = 1  # the output could not be written in full
    # Leave at once with the status decided: interpreter shutdown would wait for abandoned
    # lookup threads, and a stop signal landing in a finaliser there could change the status.
    os._exit(status)
