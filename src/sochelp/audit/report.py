"""What ``sochelp audit --json`` shows of an audit: a typed projection of
:class:`~sochelp.audit.engine.AuditResult`, serialised like every other result.

(The engine's own result types carry internal fields such as reuse groups and failed prefixes;
this projection names what is public, and ``docs/schema/audit.json`` is generated from it.)
"""

from __future__ import annotations

from dataclasses import dataclass

from sochelp.audit.engine import AccountResult, AuditResult, Priority


@dataclass(frozen=True)
class AccountReport:
    """One account: where it is, how strong its password is, and what to do first."""

    title: str
    url: str
    username: str
    score: int
    reused_with: int
    breach_count: int | None
    priority: Priority

    @classmethod
    def of(cls, account: AccountResult) -> AccountReport:
        """The public part of an account's result."""
        return cls(
            account.title,
            account.url,
            account.username,
            account.score,
            account.reused_with,
            account.breach_count,
            account.priority,
        )


@dataclass(frozen=True)
class AuditTotals:
    """The counts shown at the top of an audit."""

    accounts: int
    unique_passwords: int
    weak: int
    reused: int
    breached: int
    not_checked: int
    skipped: int


@dataclass(frozen=True)
class AuditReport:
    """The documented ``sochelp audit --json`` object."""

    summary: AuditTotals
    accounts: tuple[AccountReport, ...]

    @classmethod
    def of(cls, result: AuditResult) -> AuditReport:
        """The public part of an audit result."""
        s = result.summary
        totals = AuditTotals(
            s.accounts,
            s.unique_passwords,
            s.weak,
            s.reused_groups,
            s.breached,
            s.not_checked,
            s.skipped,
        )
        return cls(totals, tuple(AccountReport.of(a) for a in result.accounts))
