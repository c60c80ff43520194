"""Built-in checks. Importing this package registers every check module with the engine."""
