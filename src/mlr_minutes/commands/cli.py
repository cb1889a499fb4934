"""The command line: a thin layer over load → build.  The only module that imports click."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..config import Config, ConfigError, load_config
from ..load import load_meetings
from ..model import Diagnostic, Level
from ..serialize import dumps, meeting_to_json

DEFAULT_CONFIG = Path("mlr-minutes.yaml")


def _config_path(path: Path | None) -> Path | None:
    """The configuration file: ``--config``, else ``mlr-minutes.yaml`` here when there is one."""
    if path is None and DEFAULT_CONFIG.is_file():
        return DEFAULT_CONFIG
    return path


def _config(path: Path | None) -> Config:
    try:
        return load_config(_config_path(path))
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


def _escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub documents (``%``, CR, LF), so that
    text from the minutes can never end the command and start another on a new line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: the message escapes plus ``:`` and ``,``, which
    would otherwise end the value (a file name is chosen by whoever wrote the file)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, so that problems show on the changed lines."""
    kind = "error" if diagnostic.level is Level.ERROR else "warning"
    where = f"file={_escape_property(diagnostic.path)}"
    if diagnostic.line is not None:
        where += f",line={diagnostic.line}"
    title = _escape_property(f"mlr-minutes {diagnostic.code}")
    text = diagnostic.message + (f" – {diagnostic.hint}" if diagnostic.hint else "")
    return f"::{kind} {where},title={title}::{_escape_data(text)}"


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)}
"""Control characters as visible escapes: a file name with a line break must print as one
line (the Actions runner reads workflow commands from stderr too, and a terminal obeys
escape sequences)."""


def _visible(diagnostic: Diagnostic) -> Diagnostic:
    hint = diagnostic.hint.translate(_CONTROL) if diagnostic.hint else diagnostic.hint
    return replace(
        diagnostic,
        path=diagnostic.path.translate(_CONTROL),
        message=diagnostic.message.translate(_CONTROL),
        hint=hint,
    )


def report(diagnostics: Sequence[Diagnostic]) -> None:
    """Print diagnostics to stderr, compiler style (and as annotations under GitHub Actions)."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        click.echo(_visible(diagnostic).format(), err=True)
        if annotate:
            click.echo(_annotation(diagnostic))


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="YAML-fil som utökar fokusfrågor, kommuner och mötestyper (standard: mlr-minutes.yaml).",
)


source_option = click.option(
    "--source",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("minutes"),
    show_default=True,
    help="Mappen med minnesanteckningar.",
)


templates_option = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Mapp med mallar (och static/) som ersätter de inbyggda med samma namn.",
)


base_url_option = click.option(
    "--base-url",
    default="/",
    show_default=True,
    help="Sökväg som webbplatsen ligger under, t.ex. /mlr-arkiv/.",
)


_EXIT_AT_ONCE: list[bool] = []
"""Set by a command whose work is all done and saved (a build): the process then ends
without freeing its objects one by one, which takes seconds after a large archive."""


class _Main(click.Group):
    """The command group; run as the program (no ``args`` given, as the console script and
    ``python -m`` do, never a test's runner), it ends the process at once after a build."""

    def main(self, *args: Any, **extra: Any) -> Any:
        given = args[0] if args else extra.get("args")
        try:
            return super().main(*args, **extra)
        except SystemExit as done:
            code = done.code
            if given is None and _EXIT_AT_ONCE and (code is None or isinstance(code, int)):
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code or 0)
            raise


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mlr-minutes")
def main() -> None:
    """Tolka och publicera minnesanteckningar från MalmöLundregionen."""


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@config_option
def parse(files: tuple[Path, ...], config_path: Path | None) -> None:
    """Skriv ut det som tolkats ur FILES som JSON (ett objekt per fil, en lista för flera)."""
    config = _config(config_path)
    result = load_meetings(files, config)
    by_source = {m.source: m for m in result.meetings}
    data = [meeting_to_json(by_source[str(path)]) for path in files]
    click.echo(dumps(data[0] if len(data) == 1 else data), nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Underkänn även vid varningar.")
@config_option
def check(paths: tuple[Path, ...], strict: bool, config_path: Path | None) -> None:
    """Granska minnesanteckningar (standard: minutes/) och rapportera varje problem med rad."""
    config = _config(config_path)
    result = load_meetings(paths or (Path("minutes"),), config)
    report(result.diagnostics)
    files = len({m.source for m in result.meetings})
    click.echo(f"{files} filer granskade: {result.tally}", err=True)
    if result.tally.fails(strict):
        sys.exit(1)


@main.command()
@source_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Mappen som webbplatsen skrivs till.",
)
@base_url_option
@templates_option
@click.option("--strict", is_flag=True, help="Avbryt bygget även vid varningar.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Bygg allt från början utan .cache/mlr-minutes (och skriv ingen cache).",
)
@config_option
def build(
    source: Path,
    out: Path,
    base_url: str,
    templates: Path | None,
    strict: bool,
    no_cache: bool,
    config_path: Path | None,
) -> None:
    """Bygg den statiska webbplatsen från minnesanteckningarna."""
    from ..build import BuildOptions, build_site
    from ..cache import CACHE_FOLDER, BuildCache

    options = BuildOptions(
        source=source,
        out=out,
        base_url=base_url,
        templates=templates,
        strict=strict,
        config=_config(config_path),
        cache=None if no_cache else BuildCache.open(CACHE_FOLDER, templates),
    )
    result = build_site(options, progress=lambda text: click.echo(text, err=True))
    report(result.diagnostics)
    click.echo(result.summary(), err=True)
    _EXIT_AT_ONCE.append(True)  # the site and the cache are written
    if not result.ok:
        sys.exit(1)


@main.command()
@click.option(
    "--body",
    required=True,
    help="Mötestyp, t.ex. kommundirektörmöte eller styrelsen (se 'bodies' i konfigurationen).",
)
@click.option(
    "--date", "date_text", required=True, help="Mötesdatum, t.ex. 2016-05-24 eller '24 maj 2016'."
)
@click.option(
    "--from",
    "previous",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Mötet vars öppna åtgärder förs över (standard: samma mötestyps senaste tidigare möte).",
)
@source_option
@config_option
def new(
    body: str, date_text: str, previous: Path | None, source: Path, config_path: Path | None
) -> None:
    """Skapa nya minnesanteckningar i husstil, med förra mötets öppna åtgärder.

    Skriver sökvägen till den nya filen på stdout, så att den kan öppnas direkt:
    $EDITOR "$(mlr-minutes new --body styrelsen --date 2016-05-24)".
    """
    from .new import plan_minutes, write_minutes

    config = _config(config_path)
    result = plan_minutes(body, date_text, source, config, previous)
    report(result.diagnostics)
    if result.minutes is None:
        sys.exit(1)
    problem = write_minutes(result.minutes)
    if problem is not None:
        report([problem])
        sys.exit(1)
    minutes = result.minutes
    if minutes.previous is not None:
        click.echo(
            f"{len(minutes.carried)} öppna åtgärder förda över från {minutes.previous.source}",
            err=True,
        )
    click.echo(f"Fyll i platsen, deltagarna och punkterna i {minutes.path}", err=True)
    click.echo(str(minutes.path))


@main.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port på 127.0.0.1; 0 väljer en ledig port.",
)
@source_option
@templates_option
@base_url_option
@config_option
def serve(
    port: int, source: Path, templates: Path | None, base_url: str, config_path: Path | None
) -> None:
    """Visa webbplatsen lokalt och bygg om den när en fil sparas (avsluta med Ctrl-C)."""
    from .serve import ServeOptions, serve_forever

    config_path = _config_path(config_path)  # watched, and re-read on every build
    config = _config(config_path)  # a broken configuration stops here, before serving
    options = ServeOptions(
        source=source,
        templates=templates,
        base_url=base_url,
        config=config,
        config_path=config_path,
        port=port,
    )

    def ready(url: str) -> None:
        click.echo(f"Webbplatsen visas på {url} – avsluta med Ctrl-C", err=True)
        click.echo(url)  # alone on stdout, for scripts and tests

    try:
        serve_forever(options, log=lambda text: click.echo(text, err=True), ready=ready)
    except OSError as error:
        click.echo(f"fel: servern kunde inte starta på port {port}: {error.strerror}", err=True)
        sys.exit(1)
    click.echo("Servern är stoppad.", err=True)
