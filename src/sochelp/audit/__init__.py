"""Auditing a whole password-manager export: readers for each format and the audit engine."""
