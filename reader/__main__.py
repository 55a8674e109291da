"""``python -m reader`` does what the ``transcript-reader`` command does."""

import sys

from reader.cli import main

sys.exit(main())
