"""sochelp: be a harder target for scams and organised crime."""

__version__ = "0.1.0"
