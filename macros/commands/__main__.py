"""`python -m macros.commands …` is the `playbook` command."""

import sys

from macros.commands import main

sys.exit(main())
