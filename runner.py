#!/usr/bin/env python3
"""Orynda's command line: `python runner.py --help`."""

from app.cli import main

if __name__ == "__main__":
    main()
