"""kg: event reports from Kyrgyzstan turned into linked data.

The library is importable without Flask; the web server lives in the separate ``server`` package.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
