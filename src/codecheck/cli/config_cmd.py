"""`codecheck config [PATH] [--show]`: validate the configuration that applies to PATH, or print it.

Without ``--show`` it checks the configuration (file found, keys known, selectors matching rules,
extra rule files valid) and prints one line: useful as a CI step before auditing a repository. With
``--show`` it prints every setting, its effective value and where that value came from ("default", the
file, or "command line"), and the rules that end up selected.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import guarded
from codecheck.terminal import safe_text, warning_line


class ConfigFormat(StrEnum):
    text = "text"
    json = "json"


def config(
    path: Annotated[
        Path | None,
        typer.Argument(help="A document or folder: the config search starts there (default: here)."),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Print the effective configuration and sources.")
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Use this config file instead of searching for one."),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Do not search for a config file (only --config counts).")
    ] = False,
    fmt: Annotated[ConfigFormat, typer.Option("--format", "-f", help="Output format for --show.")] = (
        ConfigFormat.text
    ),
) -> None:
    """Check the configuration that applies to PATH; with --show, print each value and its source.

    Settings live in codecheck.toml (top level) or pyproject.toml ([tool.codecheck]), found by walking
    up from PATH; the closest file wins. Keys:

    \b
      select = ["CC1", "dates"]       rules to run (codes, prefixes, slugs, groups, ALL)
      extend-select = ["CC116"]       added to the selection (turns on default-off rules)
      ignore = ["CC106"]              rules not to run (the more specific selector wins)
      fail-on = "warning"             lowest severity that makes `audit` exit 1
      code = "2024"                   Code version to assume instead of detecting it
      rules = ["team-rules.yaml"]     extra rule files (relative to the config file)
      format = "json"                 default output format of `audit`
      [severity]  CC104 = "error"     severity overrides by selector
      [per-document-ignores]  "drafts/*" = ["dates"]
      [limits]  max-pages = 200       reader limits

    Unknown keys are an error, never ignored.
    """
    with guarded():
        from codecheck.api import rules_for
        from codecheck.config import load_config
        from codecheck.engine import select_rules

        start = path if path is not None else Path.cwd()
        cfg = load_config(start, config_file, isolated=isolated)
        for message in cfg.warnings:
            warning_line(message)
        rules = rules_for(cfg)
        selected = select_rules(rules, cfg, path if path is not None and not Path(path).is_dir() else None)
        where = str(cfg.config_file) if cfg.config_file else "no config file found (defaults)"
        if not show:
            typer.echo(safe_text(f"{where}: OK ({len(selected)} of {len(rules)} rules selected)"))
            return
        settings = cfg.effective()
        if fmt is ConfigFormat.json:
            import json

            payload = {
                "config_file": str(cfg.config_file) if cfg.config_file else None,
                "settings": {key: {"value": value, "source": source} for key, value, source in settings},
                "selected_rules": [r.code for r in selected],
            }
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        typer.echo(safe_text(f"config file: {where}"))
        width = max(len(key) for key, _, _ in settings)
        for key, value, source in settings:
            typer.echo(safe_text(f"{key:<{width}} = {_show(value):<40} # {source}"))
        typer.echo(safe_text("selected rules: " + ", ".join(f"{r.code} ({r.severity})" for r in selected)))


def _show(value: object) -> str:
    """A setting's value in TOML-like notation."""
    import json

    if value is None:
        return "(not set)"
    return json.dumps(value, ensure_ascii=False)
