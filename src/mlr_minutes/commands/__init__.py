"""The commands above the pipeline: ``cli`` (the only module that imports click), ``new``
(a new minutes file in house style) and ``serve`` (the development server)."""
