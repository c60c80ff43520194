"""``python -m codecheck`` runs the command-line interface."""

from codecheck.cli.app import main

if __name__ == "__main__":
    main()
