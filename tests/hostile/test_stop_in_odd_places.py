"""A Ctrl-C that lands where Python hides it: inside a finaliser or weakref callback (reported
to ``sys.unraisablehook``), or inside ``__set_name__`` while a class is built (wrapped in a
RuntimeError). Each must still stop sochelp with status 130 and one line, never be lost (the
command going on as if nothing happened) and never be reported as a bug (status 70).

Found by ``tests/hostile/test_early_interrupt.py`` on a loaded machine: about one run in a
hundred hung at the password prompt or ended with "something went wrong (RuntimeError)"."""

from __future__ import annotations

import contextlib
import gc
import signal
import time
import weakref

import pytest

from sochelp import cli, signals
from tests.conftest import run_cli


class _Target:
    pass


def _stop_in_a_weakref_callback() -> None:
    """Raise KeyboardInterrupt where Python can only report it as "unraisable"."""

    def callback(_reference: object) -> None:
        raise KeyboardInterrupt

    target = _Target()
    reference = weakref.ref(target, callback)
    del target
    gc.collect()
    assert reference() is None


def test_a_stop_in_a_weakref_callback_is_delivered_after_the_hook_returns() -> None:
    restore = signals.install()
    try:
        with pytest.raises(KeyboardInterrupt):
            _stop_in_a_weakref_callback()  # the hook runs here and must not raise itself
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # the stop arrives a moment later
                time.sleep(0.001)
    finally:
        restore()


def test_a_stop_raised_inside_the_hook_itself_is_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second Ctrl-C that lands while the hook runs is scheduled again, not swallowed."""
    calls: list[int] = []
    real_schedule = signals._schedule

    def schedule_once_then_real(signum: int) -> None:
        calls.append(signum)
        if len(calls) == 1:
            raise KeyboardInterrupt  # as if a new Ctrl-C landed at this very moment
        real_schedule(signum)

    monkeypatch.setattr(signals, "_schedule", schedule_once_then_real)
    restore = signals.install()
    try:
        with pytest.raises(KeyboardInterrupt):
            _stop_in_a_weakref_callback()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                time.sleep(0.001)
    finally:
        restore()
    assert calls == [signal.SIGINT, signal.SIGINT]


def test_other_unraisable_errors_still_go_to_the_default_hook(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def callback(_reference: object) -> None:
        raise ValueError("a finaliser's own bug")

    restore = signals.install()
    try:
        target = _Target()
        reference = weakref.ref(target, callback)
        del target
        gc.collect()
        assert reference() is None
    finally:
        restore()
    assert "a finaliser's own bug" in capsys.readouterr().err


def test_a_stop_wrapped_in_a_runtime_error_is_an_interruption(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def build_app(only: str | None = None) -> object:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as stop:
            raise RuntimeError("Error calling __set_name__ on 'cached_property'") from stop

    monkeypatch.setattr(cli, "build_app", build_app)
    result = run_cli(["password", "--no-breach-check"])
    assert result.exit_code == 130
    assert "stopped (Ctrl-C)" in result.stderr
    assert "went wrong" not in result.stderr and "Traceback" not in result.stderr


def test_a_real_runtime_error_is_still_reported_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    def build_app(only: str | None = None) -> object:
        raise RuntimeError("an actual bug")

    monkeypatch.setattr(cli, "build_app", build_app)
    result = run_cli(["password", "--no-breach-check"])
    assert result.exit_code == 70
    assert "something went wrong inside sochelp (RuntimeError)" in result.stderr


def test_debug_shows_the_traceback_of_a_failure_before_the_options_are_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def build_app(only: str | None = None) -> object:
        raise RuntimeError("failed while building the command line")

    monkeypatch.setattr(cli, "build_app", build_app)
    result = run_cli(["--debug", "password", "--no-breach-check"])
    assert result.exit_code == 70
    assert "Traceback" in result.stderr
    assert "failed while building the command line" in result.stderr
    # After the command name, --debug is the command's own business (and unknown to it).
    later = run_cli(["password", "--debug", "--no-breach-check"])
    assert "Traceback" not in later.stderr


def test_the_helper_delivers_the_signal_it_was_given() -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, _frame: received.append(signum))
    try:
        signals._schedule(signal.SIGUSR1)
        deadline = time.monotonic() + 5
        while not received and time.monotonic() < deadline:
            time.sleep(0.001)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert received == [signal.SIGUSR1]


# --- the audit: code that must carry on after `except Exception` must not carry a Ctrl-C away ----


def _records() -> list[object]:
    from sochelp.audit.exports import ExportRecord

    return [
        ExportRecord(f"site{n}", f"https://s{n}.example", f"u{n}", f"pw-{n}-x") for n in range(5)
    ]


def _wrapped_stop() -> RuntimeError:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as stop:
        error = RuntimeError("Error calling __set_name__ on 'cached_property' instance")
        error.__cause__ = stop
        return error


def test_a_stop_met_inside_the_progress_display_stops_the_audit() -> None:
    from sochelp.audit.engine import run_audit

    def progress(done: int, total: int) -> None:
        raise _wrapped_stop()

    with pytest.raises(KeyboardInterrupt):
        run_audit(_records(), scorer=lambda password: 4, source=None, progress=progress)  # type: ignore[arg-type]


def test_a_display_problem_still_never_stops_the_audit() -> None:
    from sochelp.audit.engine import run_audit

    def progress(done: int, total: int) -> None:
        raise RuntimeError("the terminal went away")

    result = run_audit(_records(), scorer=lambda password: 4, source=None, progress=progress)  # type: ignore[arg-type]
    assert result is not None


def test_a_stop_met_while_rating_stops_the_audit() -> None:
    from sochelp.audit.engine import run_audit

    def scorer(password: str) -> int:
        raise _wrapped_stop()

    with pytest.raises(KeyboardInterrupt):
        run_audit(_records(), scorer=scorer, source=None)  # type: ignore[arg-type]


def test_stop_behind_finds_a_stop_in_the_chain_only() -> None:
    assert isinstance(signals.stop_behind(_wrapped_stop()), KeyboardInterrupt)
    assert signals.stop_behind(RuntimeError("no stop here")) is None
    assert isinstance(signals.stop_behind(KeyboardInterrupt()), KeyboardInterrupt)


def test_an_error_raised_after_a_ctrl_c_is_put_down_to_the_stop() -> None:
    """pydantic turns a Ctrl-C met while it builds a schema into a SchemaError that keeps no
    trace of it: the flag set by sochelp's own handler still knows."""
    restore = signals.install()
    try:
        assert signals.stop_behind(ValueError("before any Ctrl-C")) is None
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
            time.sleep(1)  # (the handler runs at once; this is never reached)
        assert isinstance(signals.stop_behind(ValueError("SchemaError")), KeyboardInterrupt)
    finally:
        restore()
    again = signals.install()
    try:
        assert signals.stop_behind(ValueError("a new run")) is None
    finally:
        again()


def test_any_failure_after_a_ctrl_c_exits_130_not_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def build_app(only: str | None = None) -> object:
        with contextlib.suppress(KeyboardInterrupt):  # as a library may swallow it ...
            signal.raise_signal(signal.SIGINT)
        raise ValueError("Invalid Schema")  # ... and fail with something else

    monkeypatch.setattr(cli, "build_app", build_app)
    result = run_cli(["password", "--no-breach-check"])
    assert result.exit_code == 130
    assert "went wrong" not in result.stderr


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("step", ["readable_streams", "wrapped"])
def test_a_ctrl_c_while_the_streams_are_set_up_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """Between sochelp's own Ctrl-C handler going in and the command's error boundary, main()
    sets up the output streams: a Ctrl-C there escaped as a KeyboardInterrupt traceback (one run
    in about four thousand of test_early_interrupt.py on a loaded machine)."""
    monkeypatch.setattr(cli, step, _interrupt)
    result = run_cli(["password", "--no-breach-check"])
    assert result.exit_code == 130
    assert "sochelp: stopped (Ctrl-C)." in result.stderr


def test_a_ctrl_c_in_the_final_flush_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command has finished and main() flushes its streams: a Ctrl-C there is a stop too."""
    monkeypatch.setattr(cli, "_main", lambda _argv: 0)

    class Stream:
        def __init__(self, real: object) -> None:
            self.real = real
            self.flushed = False

        def flush(self) -> None:
            if not self.flushed:
                self.flushed = True
                raise KeyboardInterrupt

        def __getattr__(self, name: str) -> object:
            return getattr(self.real, name)

    monkeypatch.setattr(cli, "wrapped", Stream)
    result = run_cli(["--version"])
    assert result.exit_code == 130
    assert "sochelp: stopped (Ctrl-C)." in result.stderr


def test_a_stop_that_still_reaches_the_launcher_exits_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Last resort: a stop raised out of main() itself (inside its own stop handling) ends the
    program with one line and status 130, or 128 + the signal for a stop signal; never a
    traceback."""
    from sochelp import launch

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, *signals.STOP_SIGNALS)}
    exits: list[int] = []
    written: list[bytes] = []

    def fake_exit(status: int) -> None:
        exits.append(status)
        raise SystemExit(status)

    monkeypatch.setattr(signals.os, "_exit", fake_exit)
    monkeypatch.setattr(signals.os, "write", lambda _fd, data: written.append(data) or len(data))
    try:
        monkeypatch.setattr("sochelp.cli.main", _interrupt)
        with pytest.raises(SystemExit):
            launch.run()

        def terminated() -> None:
            raise signals.Terminated(signal.SIGTERM)

        monkeypatch.setattr("sochelp.cli.main", terminated)
        with pytest.raises(SystemExit):
            launch.run()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert exits == [130, 128 + signal.SIGTERM]
    assert b"".join(written) == b"\nsochelp: stopped.\n"


def test_a_stop_met_in_one_run_does_not_count_against_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once main() has returned, the stop it met is over: stop_behind must not put a later,
    unrelated error down to it (in a test process, it stopped the next test's audit)."""

    def build_app(only: str | None = None) -> object:
        signal.raise_signal(signal.SIGINT)
        raise AssertionError("not reached")

    monkeypatch.setattr(cli, "build_app", build_app)
    assert run_cli(["password", "--no-breach-check"]).exit_code == 130
    assert signals.stop_behind(RuntimeError("the terminal went away")) is None
    assert signals.received() is None


def test_a_stop_delivered_again_ends_a_blocking_read_in_the_main_thread() -> None:
    """The stop a finaliser swallowed is delivered again as a real signal: by then the main
    thread may be blocked at the hidden password prompt, and only a real signal ends that read
    (found by test_early_interrupt.py in CI: Ctrl-C at 0.25 s left ``password`` waiting)."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        """
        import os, sys, types
        from sochelp import signals
        signals.install()
        read_end, _write_end = os.pipe()
        signals._redeliver(types.SimpleNamespace(exc_value=KeyboardInterrupt()))
        try:
            os.read(read_end, 1)  # blocks: nothing is ever written
        except KeyboardInterrupt:
            print("stopped")
            sys.exit(130)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stdout.strip() == "stopped"
