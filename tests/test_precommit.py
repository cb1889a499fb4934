"""The pre-commit hook: a minutes repository using ``mlr-minutes-check`` rejects broken minutes.

pre-commit installs a hook by cloning its repository at a commit.  So that the
test exercises this working tree (uncommitted changes included) and never
writes to the project's own git repository, the files a hook install needs
are copied into a scratch repository in ``tmp_path`` and committed there.
pre-commit then builds the hook's virtualenv from PyPI, which takes a while
the first time; ``PRE_COMMIT_HOME`` is kept inside ``tmp_path``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
HOOK_REPO_FOLDERS = ("src",)
INSTALL_TIMEOUT = 600

GOOD = """\
## Styrelsemöte MalmöLundregionen

Mötesdatum\t2016-05-24

### 1. Budget

Budgeten godkändes.
"""

BROKEN = """\
## Styrelsemöte MalmöLundregionen

### 1. Budget

Budgeten godkändes.
"""


def test_hook_definition() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = hooks
    assert hook["id"] == "mlr-minutes-check"
    assert hook["entry"] == "mlr-minutes check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["files"].startswith("^minutes/")
    assert hook["files"].endswith(r"\.(md|markdown)$")


def clean_environment() -> dict[str, str]:
    """This process's environment without GIT_* (set when tests run inside a git hook)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def git(cwd: Path, *args: str) -> str:
    env = {
        **clean_environment(),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def hook_repository(where: Path) -> tuple[Path, str]:
    """A committed copy of what pre-commit needs from this working tree, and its commit."""
    where.mkdir()
    for name in HOOK_REPO_FILES:
        shutil.copy2(ROOT / name, where / name)
    for name in HOOK_REPO_FOLDERS:
        shutil.copytree(
            ROOT / name,
            where / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
        )
    git(where, "init", "--quiet")
    git(where, "add", "--all")
    git(where, "commit", "--quiet", "--no-gpg-sign", "-m", "hook")
    return where, git(where, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def minutes_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit needs it")
    base = tmp_path_factory.mktemp("precommit")
    hook_repo, rev = hook_repository(base / "mlr-minutes")
    repo = base / "protokoll"
    (repo / "minutes").mkdir(parents=True)
    config = {
        "repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "mlr-minutes-check"}]}]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "--quiet")
    return repo


def pre_commit(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "--all")
    env = {
        **clean_environment(),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
    }
    env.pop("GITHUB_ACTIONS", None)  # plain messages, no workflow annotations
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )


def test_hook_rejects_broken_minutes_and_accepts_good_ones(minutes_repository: Path) -> None:
    repo = minutes_repository
    (repo / "minutes" / "2016-05-24-styrelsemote.md").write_text(GOOD, encoding="utf-8")
    (repo / "minutes" / "utan-datum.md").write_text(BROKEN, encoding="utf-8")
    (repo / "anteckning.md").write_text(BROKEN, encoding="utf-8")  # outside minutes/: not checked

    good = pre_commit(repo, "minutes/2016-05-24-styrelsemote.md", "anteckning.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "mlr-minutes check" in good.stdout
    assert "Passed" in good.stdout

    broken = pre_commit(repo, "minutes/utan-datum.md", "minutes/2016-05-24-styrelsemote.md")
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert "Failed" in output
    assert "minutes/utan-datum.md:1: error: mötesdatum saknas [missing-date]" in output
    assert "hjälp:" in output
