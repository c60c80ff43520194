"""The rule engine: rule specs from YAML, selection and configuration, and running registered checks."""
