"""One placeholder style in every help screen: upper-case metavars, no Python types.

typer writes an option's value as its Python type (``--code <str>``, ``FILES <list[str]>``) and a
required argument as ``{file}`` in the usage line; a CI maintainer reading ``codecheck audit --help``
should see ``--code VERSION`` and ``FILE``, as in ruff's or git's help. The command and group classes
here change only how parameters are *shown*: parsing, validation and completion stay typer's. Every
command and command group of the CLI is built with them (``cls=``), so a new option gets the same
style without thinking about it: an option without an explicit ``metavar`` is shown with its long
name in upper case (``--format FORMAT``), a path as ``FILE`` or ``DIR``, and its choices, when it has
any, are added to its help text.

Usage errors (an unknown option, ``--jobs abc``, an unknown command) are printed the way every other
codecheck error is: one line on stderr, ``codecheck: error: ...``, exit 2, instead of click's
usage block, hint line, blank line and message.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from codecheck.terminal import one_line

try:  # typer 0.2x onwards carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - an older typer on the click package
    from click.exceptions import UsageError


def _default_metavar(param: TyperOption) -> str:
    desc = getattr(param, "type_descriptor", None)
    if desc is not None and desc.is_path:
        return "DIR" if getattr(desc.parameter_info, "dir_okay", True) and not getattr(
            desc.parameter_info, "file_okay", True
        ) else "FILE"
    longest = max(param.opts, key=len).lstrip("-")
    return longest.replace("-", "_").upper()


def _choices(param: TyperOption) -> list[str]:
    desc = getattr(param, "type_descriptor", None)  # typer >= 0.29
    if desc is not None:
        return [str(getattr(c, "value", c)) for c in desc.choices or ()] if desc.is_choice else []
    choices = getattr(getattr(param, "type", None), "choices", None)  # typer < 0.29: a click Choice
    return [str(getattr(c, "value", c)) for c in choices or ()]


def _argument_name(param: TyperArgument) -> str:
    name = param.metavar or (param.name or "").upper()
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def upper_case_metavars(params: list[Any]) -> None:
    """Give every argument and non-flag option an upper-case metavar, and list an option's choices in
    its help."""
    for param in params:
        if isinstance(param, TyperArgument) and param.metavar is None:
            param.metavar = (param.name or "").upper()  # also how "Missing argument 'FILE'" names it
        if not isinstance(param, TyperOption) or param.is_flag or param.count:
            continue
        choices = _choices(param)
        if param.metavar is None:
            param.metavar = _default_metavar(param)
        if choices and not all(c in (param.help or "") for c in choices):
            param.help = f"{(param.help or '').rstrip()} One of: {', '.join(choices)}.".lstrip()


def _show_on_one_line(error: UsageError) -> None:
    """Make ``error`` print as one codecheck error line (it keeps click's exit status, 2)."""
    if type(error).__name__ == "NoArgsIsHelpError":  # `codecheck` alone prints the help, as asked
        return
    where = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""

    def show(file: Any = None) -> None:
        import sys

        (file or sys.stderr).write(f"codecheck: error: {one_line(error.format_message())}{where}\n")

    error.show = show  # type: ignore[method-assign]


class _Style:
    """What the command and group classes share: the usage line, the arguments' help rows and usage
    errors on one line."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except UsageError as error:
            _show_on_one_line(error)
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, TyperArgument):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_argument_name(param), record[1]))
            elif param.param_type_name == "option":
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class Command(_Style, TyperCommand):
    """A typer command whose help follows the one placeholder style (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        upper_case_metavars(self.params)


class Group(_Style, TyperGroup):
    """A typer command group whose help follows the one placeholder style (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        upper_case_metavars(self.params)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            _show_on_one_line(error)
            raise

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)
