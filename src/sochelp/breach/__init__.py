"""Breach lookups in the k-anonymity range model: only 5 hex characters of a SHA-1 leave."""
