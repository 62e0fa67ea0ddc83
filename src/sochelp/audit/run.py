"""``sochelp audit`` beyond its options: read the export (file or stdin), warn about it, score
and look up its passwords with a progress display, and the exit status of the result."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sochelp.audit.engine import (
    AuditResult,
    ProgressCallback,
    default_score_processes,
    run_audit,
    strength_score,
)
from sochelp.audit.exports import MAX_EXPORT_BYTES, read_export
from sochelp.breach.choice import BreachOptions
from sochelp.environment import Environment
from sochelp.errors import ExitCode, InputError, UserInterruptError
from sochelp.inputs import read_file_head, size_text

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore

#: Shown on stderr once there is an export to read.
EXPORT_WARNING = (
    "sochelp: warning: a password export is a plaintext copy of every password you have. "
    "Delete it (and empty the bin) as soon as you are done."
)

#: A progress display: entered while the audit runs, it gives the callback to report to.
Progress = AbstractContextManager[ProgressCallback | None]


@dataclass(frozen=True)
class AuditOptions:
    """How to audit: the rating threshold, the format (None: detect it) and the lookups."""

    min_score: int = 3
    export_format: str | None = None
    concurrency: int = 12


def password_scorer(
    overlay: Path | None, store: Callable[[], ContentStore]
) -> Callable[[str], int]:
    """The ``sochelp password`` rating (with the local dictionary), reduced to its score; a
    partial of a module-level function so scoring can run in worker processes."""
    from sochelp.password import dictionary

    return partial(strength_score, local_words=dictionary.load(overlay, store).local_words)


def read_export_bytes(file: str, env: Environment) -> bytes:
    """The export's bytes from ``file`` (``-``: stdin); an input error past the size limit."""
    if file == "-":
        stream = getattr(env.stdin, "buffer", None)
        if stream is not None:
            data: bytes = stream.read(MAX_EXPORT_BYTES + 1)
        else:
            data = env.stdin.read(MAX_EXPORT_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        data = read_file_head(Path(file), MAX_EXPORT_BYTES, "an export file")
    if len(data) > MAX_EXPORT_BYTES:
        raise InputError(
            f"{'stdin' if file == '-' else file} is larger than "
            f"{size_text(MAX_EXPORT_BYTES)}, far larger than any password export."
        )
    return data


def audit_file(
    file: str,
    env: Environment,
    *,
    scorer: Callable[[str], int],
    breach: BreachOptions,
    options: AuditOptions,
    progress: Progress,
) -> AuditResult:
    """Read, parse and audit one export; the breach source is closed when done (and left to
    its abandoned lookup threads after Ctrl-C, which ends with :class:`UserInterruptError`)."""
    source = breach.open()
    try:
        data = read_export_bytes(file, env)
        if data.strip():
            # Only once there is a file: "no such file" needs no lecture about deleting it.
            env.stderr.write(EXPORT_WARNING + "\n")
            env.stderr.flush()
        export = read_export(data, "stdin" if file == "-" else file, options.export_format)
        del data
        with progress as report:
            return run_audit(
                export.records,
                scorer=scorer,
                source=source,
                min_score=options.min_score,
                concurrency=options.concurrency,
                format_name=export.format_name,
                skipped=export.skipped,
                progress=report,
                score_processes=default_score_processes(lookups=source is not None),
            )
    except KeyboardInterrupt:
        # Requests may still be in flight on abandoned worker threads: leave the source alone
        # rather than wait for them.
        source = None
        raise UserInterruptError("stopped (Ctrl-C); nothing was saved.") from None
    finally:
        if source is not None:
            source.close()


def exit_code(result: AuditResult) -> ExitCode:
    """1 when something should be fixed, else 3 when some lookups failed, else 0."""
    if result.needs_fixing:
        return ExitCode.FINDINGS
    if result.summary.prefixes_failed:
        return ExitCode.INCOMPLETE
    return ExitCode.OK
