"""Entry script of the PyInstaller bundle: the same `briefing` command as the wheel's."""

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())
