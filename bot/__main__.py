"""`python -m bot` runs the meshbot command line."""

from bot.program import main

raise SystemExit(main())
