"""mlr-minutes: Swedish meeting minutes in Markdown, parsed and published as a static archive."""

__version__ = "0.1.0"
