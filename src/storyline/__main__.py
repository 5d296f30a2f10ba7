"""``python -m storyline``: the command line."""

from storyline.cli import main

main()
