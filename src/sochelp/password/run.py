"""``sochelp password`` beyond its options: what the command line may hold, and one check of a
password typed at the hidden prompt (or read from the first line of stdin)."""

from __future__ import annotations

from collections.abc import Sequence

from sochelp.breach.choice import BreachOptions
from sochelp.environment import Environment
from sochelp.errors import UsageError, UserInterruptError
from sochelp.password.check import PasswordResult, check_password
from sochelp.password.dictionary import PasswordContent
from sochelp.password.reading import read_password

#: Limits on the --user-input words.
MAX_USER_INPUTS = 50
MAX_USER_INPUT_CHARS = 100


def refuse_arguments(args: Sequence[str]) -> None:
    """Refuse anything left on the command line, without repeating it: it may be a password."""
    if list(args) == ["-"]:
        raise UsageError(
            "'sochelp password' takes no file name: it reads standard input when that is not a "
            "terminal.",
            hint="Leave out the '-'.",
        )
    if not args:
        return
    # The parser's "unexpected argument (...)" or "No such option: ..." would print it.
    if any(arg.startswith("-") and len(arg) > 1 for arg in args):
        raise UsageError(
            "That option is not one 'sochelp password' knows (it is not repeated here, in "
            "case it was a password).",
            hint="See 'sochelp password --help'. If you typed a password on the command "
            "line, treat it as exposed: it is saved in your shell history.",
        )
    raise UsageError(
        "The password cannot be given as an argument.",
        hint="Arguments are visible to other programs and saved in your shell history, so "
        "treat that password as exposed. Run 'sochelp password' and type it at the prompt.",
    )


def checked_words(words: Sequence[str]) -> list[str]:
    """The --user-input words, stripped; a usage error if there are too many or one is empty
    or too long."""
    if len(words) > MAX_USER_INPUTS:
        raise UsageError(f"Give at most {MAX_USER_INPUTS} --user-input words.")
    cleaned = []
    for word in words:
        text = word.strip()
        if not text or len(text) > MAX_USER_INPUT_CHARS:
            raise UsageError(
                f"Each --user-input word must be 1 to {MAX_USER_INPUT_CHARS} characters long."
            )
        cleaned.append(text)
    return cleaned


def check_typed_password(
    env: Environment,
    content: PasswordContent,
    breach: BreachOptions,
    *,
    words: Sequence[str],
    min_score: int,
) -> PasswordResult:
    """Read the password and check it; it exists only in this frame, and the breach source is
    closed whatever happens."""
    source = breach.open()
    try:
        secret = read_password(env)
        result = check_password(
            secret, content=content, source=source, user_inputs=words, min_score=min_score
        )
        del secret
    except KeyboardInterrupt:
        raise UserInterruptError("stopped (Ctrl-C); nothing was checked.") from None
    finally:
        if source is not None:
            source.close()
    return result
