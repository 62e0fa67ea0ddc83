"""Views of an audit result: JSON, plain text and a rich table. None of them can show a password,
because the result holds none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sochelp.audit.engine import NEEDS_FIXING, AccountResult, AuditResult
from sochelp.audit.report import AuditReport
from sochelp.render import View, escape, rich_text, to_json

if TYPE_CHECKING:
    from rich.console import RenderableType

PRIORITY_LABELS = {
    "breached-and-reused": "breached and reused",
    "breached": "breached",
    "reused": "reused",
    "weak": "weak",
    "not-checked": "not checked",
    "ok": "fine",
}
_PRIORITY_STYLES = {
    "breached-and-reused": "bold red",
    "breached": "red",
    "reused": "yellow",
    "weak": "yellow",
    "not-checked": "magenta",
    "ok": "green",
}
SOURCE_LABELS = {
    "api": "online, sending only the first 5 characters of each password's hash",
    "offline": "offline, against a local copy of the breach list",
    "none": "skipped (--no-breach-check)",
}
BREACHED_TIP = "Change breached passwords first, starting with any you also use elsewhere."
OWN_PASSWORD_TIP = (
    "Give every account its own password: let your password manager generate it, or use "
    "three random words."
)
TWO_STEP_TIP = (
    "Turn on 2-step verification wherever it is offered, starting with e-mail and banking."
)
#: Every tip, in the order shown.
ADVICE = (BREACHED_TIP, OWN_PASSWORD_TIP, TWO_STEP_TIP)


def advice(result: AuditResult) -> tuple[str, ...]:
    """The tips that fit what the audit found (none when nothing needs fixing)."""
    if not result.needs_fixing:
        return ()
    tips = [BREACHED_TIP] if result.summary.breached else []
    return (*tips, OWN_PASSWORD_TIP, TWO_STEP_TIP)


def failure_line(result: AuditResult) -> str:
    """Why lookups failed, said once (not on every account), or "" if none did."""
    if not result.errors:
        return ""
    line = (
        f"{_plural(result.summary.prefixes_failed, 'breach lookup')} failed: "
        + "; ".join(result.errors)
        + "."
    )
    if result.source == "api":
        line += " Run the audit again later to check those accounts."
    return line


NOTHING_TO_FIX = "Nothing to fix: no weak, reused or breached passwords found."


def heading(result: AuditResult) -> str:
    """How many accounts, from which kind of export."""
    accounts = _plural(result.summary.accounts, "account")
    return f"Audit of {accounts} from a {result.format_name} export."


def breach_check_line(result: AuditResult) -> str:
    """How the breach check was done."""
    return f"Breach check: {SOURCE_LABELS.get(result.source, result.source)}."


def _to_fix(result: AuditResult) -> list[AccountResult]:
    return [a for a in result.accounts if a.priority in NEEDS_FIXING]


def _unchecked(result: AuditResult) -> list[AccountResult]:
    return [a for a in result.accounts if a.priority == "not-checked"]


def outcome_line(result: AuditResult) -> str | None:
    """Nothing to fix (every account checked and fine), or how many others looked fine."""
    to_fix, unchecked = _to_fix(result), _unchecked(result)
    if not to_fix and not unchecked and result.summary.accounts:
        return NOTHING_TO_FIX
    fine = result.summary.accounts - len(to_fix) - len(unchecked)
    return f"{_plural(fine, 'other account')} looked fine." if fine else None


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _where(account: AccountResult) -> str:
    parts = [account.title]
    if account.username:
        parts.append(account.username)
    if account.url and account.url != account.title:
        parts.append(account.url)
    return " — ".join(parts)


def _findings(account: AccountResult, min_score: int) -> list[str]:
    notes: list[str] = []
    if account.breach_count:
        notes.append(f"seen {account.breach_count:,} times in breaches")
    if account.reused_with:
        notes.append(
            f"same password as {_plural(account.reused_with, 'other account')} "
            f"(group {account.reuse_group})"
        )
    strength = f"strength {account.score}/4"
    notes.append(strength + (f" (below {min_score})" if account.weak else ""))
    if account.breach_count is None and account.not_checked_reason:
        notes.append("not checked for breaches (see below)")
    return notes


def _summary_lines(result: AuditResult) -> list[str]:
    s = result.summary
    lines = [
        f"  Accounts:          {s.accounts:,} ({_plural(s.unique_passwords, 'unique password')})",
        f"  Weak:              {s.weak:,}",
        f"  Reused:            {_plural(s.reused_groups, 'group')} "
        f"({_plural(s.reused_accounts, 'account')})",
    ]
    if result.breach_checked:
        lines.append(f"  Breached:          {s.breached:,}")
        lines.append(f"  Not checked:       {s.not_checked:,}")
    else:
        lines.append("  Breached:          not checked (--no-breach-check)")
    if result.skipped:
        detail = ", ".join(f"{count} {reason}" for reason, count in result.skipped)
        lines.append(f"  Rows skipped:      {s.skipped:,} ({detail})")
    return lines


def audit_text(result: AuditResult) -> str:
    """Plain text: the accounts to fix (most urgent first), then a summary and advice."""
    lines = [heading(result), breach_check_line(result), ""]
    to_fix, unchecked = _to_fix(result), _unchecked(result)
    if to_fix:
        lines.append("Change these passwords (most urgent first):")
        for number, account in enumerate(to_fix, start=1):
            lines.append(f"  {number}. [{PRIORITY_LABELS[account.priority]}] {_where(account)}")
            lines.append("     " + "; ".join(_findings(account, result.min_score)))
        lines.append("")
    if unchecked:
        lines.append("Could not be checked for breaches (see below):")
        for account in unchecked:
            lines.append(f"  - {_where(account)}")
            notes = [n for n in _findings(account, result.min_score) if "(see below)" not in n]
            lines.append("     " + "; ".join(notes))
        lines.append("")
    outcome = outcome_line(result)
    if outcome:
        lines.extend([outcome, ""])
    if result.errors:
        lines.extend([_wrap(failure_line(result)), ""])
    lines.append("Summary:")
    lines.extend(_summary_lines(result))
    tips = advice(result)
    if tips:
        lines.extend(["", "What to do:"])
        lines.extend(_wrap(f"  - {tip}", "    ") for tip in tips)
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> str:
    """One logical line: a terminal wraps it at its own width (sochelp.render.plain_for), a
    pipe gets it whole."""
    del indent
    return text


def audit_rich(result: AuditResult) -> RenderableType:
    """A table of accounts to fix, a summary panel and advice."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(heading(result), style="bold"),
        Text(breach_check_line(result), style="dim"),
    ]
    shown = [a for a in result.accounts if a.priority != "ok"]
    if shown:
        from rich import box

        # The username and address go under the account's name, so the address has the
        # widest column to itself and is never shortened.
        table = Table(
            title="Accounts that need attention, most urgent first",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("#", justify="right", style="dim")
        table.add_column("Priority")
        table.add_column("Account")
        table.add_column("Strength", justify="center")
        table.add_column("Reused", justify="center")
        table.add_column("Breaches", justify="right")
        for number, a in enumerate(shown, start=1):
            style = _PRIORITY_STYLES[a.priority]
            site = Text(a.title)
            if a.username:
                site.append(f"\n{a.username}", style="dim")
            if a.url:
                site.append(f"\n{a.url}", style="dim")
            score_style = "red" if a.weak else "green"
            reused = f"group {a.reuse_group}" if a.reused_with else "—"
            if a.breach_count is None:
                breaches = "[magenta]not checked[/]" if result.breach_checked else "[dim]—[/]"
            else:
                breaches = f"[red]{a.breach_count:,}[/]" if a.breach_count else "0"
            table.add_row(
                str(number),
                f"[{style}]{PRIORITY_LABELS[a.priority]}[/]",
                site,
                f"[{score_style}]{a.score}/4[/]",
                reused,
                breaches,
            )
        parts.append(table)
    outcome = outcome_line(result)
    if outcome:
        parts.append(Text(outcome, style="green" if outcome == NOTHING_TO_FIX else ""))
    if result.errors:
        parts.append(rich_text(failure_line(result), style="magenta"))
    summary = "\n".join(line.strip() for line in _summary_lines(result))
    parts.append(Panel(escape(summary), title="Summary", title_align="left", expand=False))
    tips = advice(result)
    if tips:
        from sochelp.render.layout import Para

        body = Group(*(Para(Text("• ") + Text(tip), hang=2) for tip in tips))
        parts.append(Panel(body, title="What to do", title_align="left", border_style="cyan"))
    return Group(*parts)


@dataclass(frozen=True)
class _AuditView(View[AuditResult]):
    """JSON from the public projection of the result (:class:`AuditReport`)."""

    def as_json(self, result: AuditResult) -> Any:
        return to_json(AuditReport.of(result))


AUDIT_VIEW: View[AuditResult] = _AuditView(AuditReport, audit_text, audit_rich)
