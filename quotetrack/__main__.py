"""``python -m quotetrack``: the command line, as the ``quotetrack`` script runs it."""

from .cli import main

main()
