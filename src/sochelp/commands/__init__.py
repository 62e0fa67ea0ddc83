"""One module per command. Each exposes ``register(app)`` and keeps heavy imports inside the
command function, so that start-up stays fast."""
