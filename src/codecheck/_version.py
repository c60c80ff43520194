"""The release number of codecheck, in one leaf module: the package, the CLI, the reports and the
YAML cache read it from here, so none of them has to import the package's lazy front door."""

__version__ = "0.1.0"
