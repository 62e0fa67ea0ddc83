"""The built wheel carries the content and works from any folder (no source tree needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_install_works_from_another_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("sochelp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sochelp/_content/situations/" in {n.rsplit("/", 1)[0] + "/" for n in names}
    assert any(n.startswith("sochelp/_content/contacts/") and n.endswith(".toml") for n in names)

    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import json, sys, sochelp\n"
        "from sochelp.content.store import bundled_root\n"
        "print(json.dumps({'file': sochelp.__file__, 'root': str(bundled_root())}))\n"
    )
    where = json.loads(
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert where["file"].startswith(str(target))
    assert where["root"].startswith(str(target)) and where["root"].endswith("_content")

    out = subprocess.run(
        [sys.executable, "-m", "sochelp", "report", "scam-text", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["situation"] == "scam-text"
    check = subprocess.run(
        [sys.executable, "-m", "sochelp", "content", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
