"""The typer command-line interface: parses options, calls the library, renders, sets the exit status."""
