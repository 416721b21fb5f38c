"""studytui: study the key formulations (提法) of policy speeches in the terminal."""

__version__ = "0.1.0"
