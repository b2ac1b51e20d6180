"""``python -m proofs`` does what ``coordfail`` does."""

import sys

from .cli import main

sys.exit(main())
