"""``sochelp report``: what to do and who to contact, for each situation and region."""
