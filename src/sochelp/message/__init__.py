"""``sochelp check-message``: warning signs in a pasted message or link, found offline."""
