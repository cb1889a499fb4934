"""``python -m mlr_minutes`` runs the command-line interface."""

from .commands.cli import main

main()
