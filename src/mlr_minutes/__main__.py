"""``python -m mlr_minutes`` runs the command-line interface."""

from .cli import main

main()
