"""``sochelp signs``: spotting-the-signs guides (trafficking, cuckooing, county lines…)."""
