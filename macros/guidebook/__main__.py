"""`python -m macros.guidebook`: check every data file without building the site (`make check`)."""
import sys

from .check import main

sys.exit(main(sys.argv[1:]))
