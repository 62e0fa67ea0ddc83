"""Stop signals handled like Ctrl-C: SIGTERM and SIGHUP end a command cleanly.

Before the command line is parsed nothing needs cleaning up, so an early Ctrl-C (or a stop
signal) just prints one line and exits: never a KeyboardInterrupt traceback from the middle of an
import. Once a command runs, SIGTERM and SIGHUP raise :class:`Terminated`, a KeyboardInterrupt, so
every ``except KeyboardInterrupt`` clean-up (stopping worker processes, closing connections) runs
for them too; the exit status is then 128 + the signal number, as a shell reports a process killed
by that signal (143 for SIGTERM, 129 for SIGHUP).

This module is imported before anything heavy, so it must stay small.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # the C module: `signal` would import enum first, widening the early window
import _thread
import os
import sys

# Not `from typing import TYPE_CHECKING`: importing typing (and re) here would widen the window in
# which an early Ctrl-C still meets Python's own handler.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType
    from typing import Any, NoReturn

#: Signals treated as "stop now, cleanly" (SIGHUP does not exist on Windows).
STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(_signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(_signal, name)
)

_received: int | None = None
#: Whether a Ctrl-C arrived while the command ran (the flag outlives the KeyboardInterrupt, which
#: a library may turn into another error while it imports or builds something).
_interrupted = False


class Terminated(KeyboardInterrupt):
    """A stop signal (SIGTERM or SIGHUP) arrived while a command was running."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def received() -> int | None:
    """The stop signal that ended this run, if any."""
    return _received


def exit_status(default: int) -> int:
    """128 + the stop signal's number if one arrived, else ``default``."""
    return 128 + _received if _received is not None else default


def _write_quietly(text: str) -> None:
    try:  # noqa: SIM105 - contextlib is not worth importing this early
        os.write(2, text.encode("utf-8", "replace"))
    except OSError:
        pass  # the terminal may be gone (SIGHUP)


def _exit_at_once(signum: int, _frame: FrameType | None) -> None:
    # Nothing has started yet (or everything has finished): nothing to clean up.
    status = 130 if signum == _signal.SIGINT else 128 + signum
    _write_quietly("\nsochelp: stopped.\n" if signum == _signal.SIGINT else "")
    os._exit(status)


def exit_at_once(stop: KeyboardInterrupt) -> NoReturn:
    """End the process now as stopped by ``stop`` (Ctrl-C, or a stop signal's
    :class:`Terminated`): one line for Ctrl-C, status 130 or 128 + the signal's number. For a
    stop that reaches the very top; nothing is cleaned up."""
    signum = stop.signum if isinstance(stop, Terminated) else _signal.SIGINT
    _exit_at_once(signum, None)
    raise SystemExit(128 + signum)  # (reached only if os._exit was replaced, as in a test)


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    global _received
    if _received is not None:
        # A second stop signal while cleaning up: stop without waiting any longer.
        os._exit(128 + _received)
    _received = signum
    raise Terminated(signum)


def install_early() -> None:
    """Exit quietly on Ctrl-C and stop signals until :func:`install` is called."""
    for signum in (_signal.SIGINT, *STOP_SIGNALS):
        try:
            _signal.signal(signum, _exit_at_once)
        except (OSError, ValueError):  # not the main thread, or not allowed here
            continue


#: How long the helper thread waits before delivering a stop again: long enough for the hook
#: that scheduled it to have returned.
REDELIVERY_DELAY = 0.005
#: The thread that runs the command (signal handlers run there): the one this module is
#: imported in, and the one :func:`install` is called from.
_main_thread = _thread.get_ident()


def _interrupt_later(signum: int) -> None:
    """From a helper thread: deliver ``signum`` to the main thread, a moment from now.

    As a real signal sent to that thread, not ``_thread.interrupt_main``: by then the main
    thread may be blocked reading the hidden password prompt, and only a real signal ends a
    blocking read (interrupt_main would wait, unseen, until a key was pressed)."""
    import time  # a built-in module: no cost, and only ever imported here after a stop

    time.sleep(REDELIVERY_DELAY)
    send = getattr(_signal, "pthread_kill", None)  # (not on Windows)
    if send is not None:
        try:
            send(_main_thread, signum)
            return
        except (OSError, ValueError):  # the thread is gone, or the signal is not allowed
            pass
    _thread.interrupt_main(signum)  # type: ignore[arg-type]


def _schedule(signum: int) -> None:
    try:
        _thread.start_new_thread(_interrupt_later, (signum,))
    except RuntimeError:  # no new threads (the interpreter is shutting down): deliver it now
        _thread.interrupt_main(signum)  # type: ignore[arg-type]


def stop_behind(error: BaseException) -> KeyboardInterrupt | None:
    """The stop (Ctrl-C or a stop signal) behind ``error``, if any.

    A Ctrl-C that lands while a module is imported can come out as another error: Python wraps
    one met in ``__set_name__`` in a RuntimeError, and pydantic turns one met while it builds a
    schema into a SchemaError with no trace of it. So any error raised after a stop arrived is
    put down to the stop; code that carries on after ``except Exception`` must raise it again,
    or the Ctrl-C is lost.
    """
    seen = 0
    cause: BaseException | None = error
    while cause is not None and seen < 10:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        cause = cause.__cause__ or cause.__context__
        seen += 1
    if _received is not None:
        return Terminated(_received)
    if _interrupted:
        return KeyboardInterrupt()
    return None


def reraise_stop(error: BaseException) -> None:
    """Raise the stop behind ``error`` (:func:`stop_behind`), if there is one: for code that
    carries on after ``except Exception``."""
    stop = stop_behind(error)
    if stop is not None:
        raise stop from None


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _interrupted
    _interrupted = True
    _signal.default_int_handler(signum, frame)


def _redeliver(unraisable: Any) -> None:
    """``sys.unraisablehook`` while a command runs.

    A Ctrl-C or stop signal that lands inside a weakref callback or finaliser (common while
    modules are imported) would be printed as "Exception ignored in ..." with a traceback and then
    lost. Deliver it again instead, so it stops the command like any other. Not from inside this
    hook: a stop raised here would itself be "ignored" and lost, and the command would go on as
    if nothing had happened. A helper thread delivers it once the hook has returned.
    """
    global _received
    error = unraisable.exc_value
    try:
        if isinstance(error, Terminated):
            _received = None
            _schedule(error.signum)
        elif isinstance(error, KeyboardInterrupt):
            _schedule(_signal.SIGINT)
        else:
            sys.__unraisablehook__(unraisable)
    except KeyboardInterrupt as again:  # a stop landed in the hook itself: deliver that one too
        _schedule(again.signum if isinstance(again, Terminated) else _signal.SIGINT)


def install() -> Callable[[], None]:
    """While a command runs: Ctrl-C raises KeyboardInterrupt, stop signals :class:`Terminated`.

    Returns a function that puts the previous handlers back (so calling ``main()`` in-process,
    as tests do, leaves the caller's handlers as they were).
    """
    global _received, _interrupted, _main_thread
    _received = None
    _interrupted = False
    _main_thread = _thread.get_ident()
    previous: list[tuple[int, Any]] = []
    try:
        for signum, handler in (
            (_signal.SIGINT, _on_interrupt),
            *((s, _raise_terminated) for s in STOP_SIGNALS),
        ):
            previous.append((signum, _signal.signal(signum, handler)))
    except (OSError, ValueError):  # not the main thread: leave everything as it is
        pass
    previous_hook = sys.unraisablehook
    if previous:
        sys.unraisablehook = _redeliver

    def restore() -> None:
        global _received, _interrupted
        # The run is over: a stop it met must not count against whatever runs next in this
        # process (stop_behind reads these flags).
        _received = None
        _interrupted = False
        if previous:
            sys.unraisablehook = previous_hook
        for signum, handler in previous:
            try:
                _signal.signal(signum, handler)
            except (OSError, ValueError, TypeError):
                continue

    return restore
