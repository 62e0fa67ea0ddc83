"""A scoring worker process: rates passwords it reads from a pipe, and dies with its parent.

Started by :mod:`sochelp.audit.workers` as ``python -m sochelp.audit.worker PARENT_PID LIVE_FD``
(nothing secret on the command line or in the environment). It reads frames from standard input:
first the scorer (pickled, with the parent's ``sys.path``), then chunks of passwords; it answers
each chunk with one byte per password (score + 1, 0 for a failure) on standard output.

It leaves as soon as the parent goes away, whatever it is doing:

* on Linux the kernel kills it when the parent dies (``PR_SET_PDEATHSIG``);
* everywhere, a thread watches the read end of a pipe whose only write end the parent holds:
  end of file there means the parent is gone;
* end of file on standard input ends the work loop.

Its standard error is /dev/null and its standard output is a pipe to the parent, so it never holds
the caller's terminal or output pipe open. Each password is dropped as soon as it is rated.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

#: prctl option: the signal to receive when the parent thread dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the liveness pipe still stops us
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)


def _watch(live_fd: int) -> None:
    try:
        while os.read(live_fd, 1):
            continue
    except OSError:
        pass
    os._exit(0)  # the parent is gone: leave at once, mid-rating or not


def read_exact(fd: int, size: int) -> bytearray | None:
    """Exactly ``size`` bytes from ``fd``, or None at end of file."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        if hasattr(os, "readv"):
            count = os.readv(fd, [view[got:]])  # straight into the buffer, no copies
        else:  # pragma: no cover - Windows
            part = os.read(fd, size - got)
            view[got : got + len(part)] = part
            count = len(part)
        if count == 0:
            return None
        got += count
    view.release()
    return buffer


def read_frame(fd: int) -> bytearray | None:
    """One length-prefixed frame, or None at end of file."""
    head = read_exact(fd, 4)
    if head is None:
        return None
    return read_exact(fd, int.from_bytes(head, "big"))


def write_frame(fd: int, payload: bytes | bytearray) -> None:
    """Write one length-prefixed frame."""
    data = memoryview(len(payload).to_bytes(4, "big") + bytes(payload))
    while data:
        data = data[os.write(fd, data) :]


def _wipe(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))


def main(argv: list[str]) -> int:
    """Serve scoring requests until the parent closes the pipe or goes away."""
    import pickle

    parent, live_fd = int(argv[1]), int(argv[2])
    _die_with_parent(parent)
    threading.Thread(target=_watch, args=(live_fd,), name="sochelp-liveness", daemon=True).start()
    # Ctrl-C is the parent's business; it stops us through the pipes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Keep the pipes on private descriptors, so nothing printed by accident can corrupt them.
    requests, replies = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)

    header = read_frame(requests)
    if header is None:
        return 0
    path, pickled_scorer = pickle.loads(header)
    sys.path[:] = path  # so the scorer's module imports as it does in the parent
    scorer = pickle.loads(pickled_scorer)
    while (frame := read_frame(requests)) is not None:
        passwords: list[str] = pickle.loads(frame)
        _wipe(frame)
        del frame
        scores = bytearray(len(passwords))
        for index in range(len(passwords)):
            try:
                score = int(scorer(passwords[index]))
            except Exception:  # never let a traceback carry anything about the password
                score = -1
            passwords[index] = ""  # dropped as soon as it is rated
            scores[index] = min(255, max(0, score + 1))
        del passwords
        write_frame(replies, scores)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
