"""Allow ``python -m sochelp``."""

from sochelp.cli import run

if __name__ == "__main__":
    run()
