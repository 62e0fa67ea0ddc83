"""Allow ``python -m sochelp``."""

from sochelp.launch import run

if __name__ == "__main__":
    run()
