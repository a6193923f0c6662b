"""Subcommands of ``praktijkbank`` besides ``check``, one module each.

Each module has ``register(subcommands, …)``, which adds its parser and sets
``handler`` to the function that runs it and returns the exit code.
"""
