"""What every interactive activity (the scam quiz, the check-up, and the next one) shares.

- :mod:`sochelp.session.core`: quit words, how a session ended (:class:`Ending`), the clock, and
  the loop that turns Ctrl-C into an ending instead of an exception.
- :mod:`sochelp.session.store`: one versioned progress-store API (:class:`ProgressFile`) over
  pydantic models: atomic, private (0600), and a corrupt, newer or odd-shaped file is moved aside
  with a notice instead of being lost.
- :mod:`sochelp.session.files`: the atomic JSON document underneath.
- :mod:`sochelp.session.output`: ``--reset`` confirmation and ``--export``/``--output`` writing.

An activity package (``quiz/``, ``checkup/``) exposes ``run_…(items, prompter, display, store,
clock)``; its command only parses options and calls it. To add an activity: give it a content
loader, a pydantic model for what it saves, a ``run_…`` on :func:`core.drive`, and a view.
"""
