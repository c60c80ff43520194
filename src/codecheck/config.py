"""User configuration: where it is found, what it may say, and where each value came from.

Configuration lives in ``codecheck.toml`` (keys at the top level) or in ``pyproject.toml`` under
``[tool.codecheck]``. It is found by walking up from the document's folder, closest file first; in one
folder ``codecheck.toml`` wins over ``pyproject.toml`` (a ``pyproject.toml`` without the table is
skipped), as ruff does. ``--config FILE`` names the file explicitly and stops the search;
``--isolated`` stops it too (only the command line and an explicit ``--config`` count). Command-line
options are applied last.

Trust: a configuration file found by the search sits in the same repository as the documents, so
whoever can change a document can change it. It may tune the rules (that is what it is for), but it
cannot loosen the bounds on untrusted input: a ``[limits]`` value it sets above the default is held
at the default, with a warning (``Config.warnings``). Only ``--config FILE`` or the command line can
raise a limit. Regular expressions it brings in through ``rules`` files run on a bounded engine
(``codecheck.patterns``).

Every value remembers its source ("default", the file path, or "command line") so that
``codecheck config --show`` can say why a rule is on or off. Keys codecheck does not know are an error
(``ConfigError`` naming the file and the key): a misspelt ``ignore`` that silently did nothing would
let a finding through unnoticed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from codecheck.errors import ConfigError
from codecheck.model import Severity

CONFIG_FILENAMES = ("codecheck.toml", "pyproject.toml")
NEVER = "never"  # fail-on = "never": report, never fail
COMMAND_LINE = "command line"
DEFAULT = "default"
MAX_CONFIG_BYTES = 1_000_000

# TOML key -> Config attribute. Keys are written kebab-case (as ruff's); snake_case is accepted too.
_KEYS: dict[str, str] = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "severity": "severity",
    "fail-on": "fail_on",
    "min-severity": "min_severity",
    "code": "code",
    "rules": "rules_files",
    "rules-files": "rules_files",
    "per-document-ignores": "per_document_ignores",
    "limits": "limits_overrides",
    "format": "format",
    "decisions": "decisions",
}
# Keys whose command-line value extends the file's value instead of replacing it.
_EXTENDING = {"extend_select", "ignore", "rules_files"}
_MERGING = {"severity", "per_document_ignores", "limits_overrides"}


@dataclass
class Config:
    """The effective configuration for one audit (see module docstring for discovery and precedence)."""

    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # selector -> severity
    fail_on: Severity | None = Severity.ERROR  # None: "never" (no finding fails the run)
    min_severity: Severity | None = None  # findings below it are left out of the reports (None: all)
    code: str | None = None  # forced Code version id; None: detect it
    rules_files: tuple[Path, ...] = ()
    per_document_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> selectors
    limits_overrides: dict[str, int] = field(default_factory=dict)
    format: str | None = None  # default output format of `audit` (None: the command's own default)
    # reviewed findings accepted as not an issue ([[decisions]]; codecheck.decisions.DecisionEntry)
    decisions: tuple = ()
    config_file: Path | None = None  # the file read, if any
    root: Path | None = None  # its folder: per-document-ignores globs are relative to it
    sources: dict[str, str] = field(default_factory=dict)  # attribute -> "default" | path | "command line"
    discovered: bool = False  # config_file was found by the search, not named with --config
    warnings: list[str] = field(default_factory=list)  # what was not applied, and why (for stderr)

    def source_of(self, name: str) -> str:
        return self.sources.get(name, DEFAULT)

    def limits(self):  # -> codecheck.limits.Limits (imported lazily: keep `import codecheck.config` light)
        """The reader limits with this configuration's overrides applied."""
        from codecheck.limits import Limits

        return Limits(**self.limits_overrides) if self.limits_overrides else Limits()

    def effective(self) -> list[tuple[str, Any, str]]:
        """(key, value, source) for every setting, in a stable order, for ``config --show``."""
        attr_to_key: dict[str, str] = {}
        for key, attr in _KEYS.items():
            attr_to_key.setdefault(attr, key)
        out = []
        for f in fields(self):
            if f.name not in attr_to_key:
                continue
            value = _plain(getattr(self, f.name))
            if f.name == "fail_on" and value is None:
                value = NEVER
            out.append((attr_to_key[f.name], value, self.source_of(f.name)))
        return out


def _plain(value: Any) -> Any:
    """A JSON/TOML-friendly copy of a setting's value."""
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        hidden = ("source", "base")  # where an entry came from is the setting's own source
        return {k: _plain(v) for k, v in asdict(value).items() if v is not None and k not in hidden}
    if isinstance(value, Severity):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- discovery


def find_config_file(start: Path | None) -> tuple[Path, dict[str, Any]] | None:
    """Walk up from ``start`` (a file or folder; default: the working folder) to the closest config.

    Returns the file and its codecheck table, or None when there is none.
    """
    here = Path.cwd() if start is None else Path(start)
    try:
        here = here.resolve()
    except OSError:
        here = here.absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            try:
                if not candidate.is_file():
                    continue
            except OSError:  # an unreadable folder on the way up: nothing to find there
                continue
            table = read_config_table(candidate)
            if table is not None:
                return candidate, table
    return None


def read_config_table(path: Path) -> dict[str, Any] | None:
    """The codecheck settings of one file; None for a ``pyproject.toml`` without ``[tool.codecheck]``."""
    from codecheck.toml_file import parse_toml

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror or exc}", path) from None
    data = parse_toml(raw, path, "config file", MAX_CONFIG_BYTES)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("codecheck") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError("[tool.codecheck] must be a table", path)
        return table
    return data


# --------------------------------------------------------------------------- values


def _selectors(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of rule codes, prefixes, slugs or groups")
    return tuple(v.strip() for v in value if v.strip())


def _severity(value: Any, key: str, where: str) -> Severity:
    if isinstance(value, Severity):
        return value
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: {key!r}: {exc}") from None


def _severity_table(value: Any, key: str, where: str) -> dict[str, Severity]:
    """Accept a mapping ``{selector: severity}`` or strings ``"CC108=warning"`` (the CLI form)."""
    if isinstance(value, str | list | tuple) and not isinstance(value, Mapping):
        items: dict[str, Any] = {}
        for entry in [value] if isinstance(value, str) else value:
            sel, sep, sev = str(entry).partition("=")
            if not sep or not sel.strip():
                raise ConfigError(f"{where}: {key!r}: expected SELECTOR=SEVERITY, got {entry!r}")
            items[sel.strip()] = sev.strip()
        value = items
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: {key!r} must be a table of selector = severity")
    return {str(sel).strip(): _severity(sev, f"{key}.{sel}", where) for sel, sev in value.items()}


def _convert(attr: str, key: str, value: Any, where: str, base: Path | None) -> Any:
    """Validate one setting's value and convert it to the Config attribute's type."""
    if attr in ("select", "extend_select", "ignore"):
        return _selectors(value, key, where)
    if attr == "severity":
        return _severity_table(value, key, where)
    if attr == "fail_on":
        if isinstance(value, str) and value.strip().lower() == NEVER:
            return None
        try:
            return _severity(value, key, where)
        except ConfigError:
            raise ConfigError(
                f"{where}: {key!r} must be one of error, warning, info, never, not {value!r}"
            ) from None
    if attr == "min_severity":
        return _severity(value, key, where)
    if attr in ("code", "format"):
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key!r} must be a non-empty string")
        return value.strip()
    if attr == "rules_files":
        if isinstance(value, str | Path):
            value = [value]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str | Path) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of file paths")
        paths = tuple(Path(v).expanduser() for v in value)
        return tuple(p if p.is_absolute() or base is None else base / p for p in paths)
    if attr == "per_document_ignores":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: {key!r} must be a table of glob = [selectors]")
        return {str(g): _selectors(v, f"{key}.{g}", where) for g, v in value.items()}
    if attr == "limits_overrides":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: {key!r} must be a table of limit = whole number")
        known = _limit_names()
        out: dict[str, int] = {}
        for name, number in value.items():
            attr_name = str(name).replace("-", "_")
            if known is not None and attr_name not in known:
                raise ConfigError(f"{where}: unknown key 'limits.{name}' (known: {', '.join(sorted(known))})")
            if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
                raise ConfigError(f"{where}: 'limits.{name}' must be a positive whole number")
            out[attr_name] = number
        return out
    if attr == "decisions":
        from codecheck.decisions import parse_entries

        return tuple(parse_entries(value, where, base, document_required=True))
    raise AssertionError(attr)  # pragma: no cover - _KEYS and this function list the same attributes


def _limit_names() -> set[str] | None:
    """The fields of ``codecheck.limits.Limits`` (None if that module is unavailable)."""
    try:
        from dataclasses import fields as dc_fields

        from codecheck.limits import Limits
    except ImportError:  # pragma: no cover - the readers ship it
        return None
    try:
        return {f.name for f in dc_fields(Limits)}
    except TypeError:  # pragma: no cover - not a dataclass
        return {n for n in vars(Limits) if not n.startswith("_")}


def _attr_for(key: str, where: str) -> str:
    attr = _KEYS.get(str(key).replace("_", "-"))
    if attr is None:
        raise ConfigError(
            f"{where}: unknown key {key!r} (known: {', '.join(sorted(set(_KEYS) - {'rules-files'}))})"
        )
    return attr


def _apply(
    config: Config, table: Mapping[str, Any], source: str, path: Path | None, base: Path | None
) -> None:
    where = str(path) if path is not None else source
    for key, value in table.items():
        attr = _attr_for(key, where)
        new = _convert(attr, str(key), value, where, base)
        if source == COMMAND_LINE and attr in _EXTENDING:
            new = (*getattr(config, attr), *new)
            previous = config.source_of(attr)
            config.sources[attr] = source if previous == DEFAULT else f"{previous} + {source}"
        elif source == COMMAND_LINE and attr in _MERGING:
            new = {**getattr(config, attr), **new}
            previous = config.source_of(attr)
            config.sources[attr] = source if previous == DEFAULT else f"{previous} + {source}"
        else:
            config.sources[attr] = source
        setattr(config, attr, new)


def _hold_limits_at_defaults(config: Config) -> None:
    """A discovered file may lower a limit, never raise it (see the module docstring's trust note)."""
    from dataclasses import fields as dc_fields

    from codecheck.limits import DEFAULT_LIMITS

    defaults = {f.name: getattr(DEFAULT_LIMITS, f.name) for f in dc_fields(DEFAULT_LIMITS)}
    kept: dict[str, int] = {}
    for name, value in config.limits_overrides.items():
        default = defaults.get(name)
        if default is not None and value > default:
            config.warnings.append(
                f"{config.config_file}: [limits] {name} = {value} is above the default ({default}) and is "
                f"ignored: a configuration found beside the documents can only lower limits (name the "
                f"file with --config, or give --timeout, to raise them)"
            )
            continue
        kept[name] = value
    config.limits_overrides = kept
    if not kept:
        config.sources.pop("limits_overrides", None)


def load_config(
    start: Path | None = None,
    explicit: Path | None = None,
    overrides: dict | None = None,
    *,
    isolated: bool = False,
) -> Config:
    """Build the effective configuration.

    ``start``: the document (or its folder) to search upwards from; ``explicit``: a config file given
    with ``--config`` (no search then); ``isolated``: no search either (``--isolated``: only the
    command line and ``explicit`` count); ``overrides``: command-line values keyed like the TOML keys
    (``select``, ``extend_select``, ``ignore``, ``severity``, ``fail_on`` (a severity or "never"),
    ``min_severity``, ``code``, ``rules``,
    ``per_document_ignores``, ``limits``, ``format``). ``None`` values in ``overrides`` mean "not given".
    ``select`` and scalars replace the file's value; ``ignore``, ``extend_select`` and ``rules`` add to
    it; ``severity``, ``limits`` and ``per_document_ignores`` merge key by key.
    """
    config = Config()
    found: tuple[Path, dict[str, Any]] | None
    if explicit is not None:
        explicit = Path(explicit)
        table = read_config_table(explicit)
        if table is None:
            raise ConfigError("no [tool.codecheck] table in this pyproject.toml", explicit)
        found = (explicit, table)
    elif isolated:
        found = None
    else:
        found = find_config_file(start)
    if found is not None:
        path, table = found
        config.config_file = path
        config.discovered = explicit is None
        config.root = path.resolve().parent
        _apply(config, table, str(path), path, config.root)
        if config.discovered:
            _hold_limits_at_defaults(config)
    if overrides:
        given = {k: v for k, v in overrides.items() if v is not None and v != () and v != []}
        _apply(config, given, COMMAND_LINE, None, Path.cwd())
    return config
