"""What every interactive activity (the scam quiz, the check-up, and the next one) shares.

- :mod:`sochelp.session.core`: quit words, how a session ended (:class:`Ending`), the clock, and
  the loops that turn Ctrl-C into an ending instead of an exception: :func:`core.drive` goes
  forward through the items (quiz, check-up), :func:`core.navigate` goes where each step says,
  back as well as on (the facilitated quiz, ``scam-quiz --present``).
- :mod:`sochelp.session.calendar`: ``--remind FILE``, an iCalendar file with the day to come back.
- :mod:`sochelp.session.store`: one versioned progress-store API (:class:`ProgressFile`) over
  pydantic models: atomic, private (0600), and a corrupt, newer or odd-shaped file is moved aside
  with a notice instead of being lost.
- :mod:`sochelp.session.files`: the atomic JSON document underneath.
- :mod:`sochelp.session.output`: ``--reset`` confirmation and ``--export``/``--output`` writing.

An activity (``quiz/session.py``, ``checkup/session.py``, ``quiz/present.py``) exposes
``run_…(items, prompter, display, …)`` (with a store and a clock when it saves); its command only
parses options and calls it. To add an activity: give it a content loader, a pydantic model for
what it saves (if anything), a ``run_…`` on :func:`core.drive` or :func:`core.navigate`, and a
view.
"""
