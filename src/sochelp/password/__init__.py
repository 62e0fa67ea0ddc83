"""Password strength: a bounded wrapper over zxcvbn whose results never hold the password."""
