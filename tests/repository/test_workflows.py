"""The GitHub Actions workflows call the README's nox sessions and nothing else.

actionlint (``nox -s lint``) checks the workflows' syntax, expressions and shell
scripts; these tests check what actionlint cannot know about this project: every
``nox -s NAME`` a workflow runs is a session of noxfile.py, no step builds or tests
another way (pytest, mkdocs, ruff called directly), every action is pinned to a
version, and every workflow declares least-privilege permissions.
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# A version tag (v4.2.2) or a full commit SHA: never a moving branch or major tag.
PINNED_RE = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")
# Tools that only nox may run: calling them from a workflow would be a second way.
DIRECT_TOOLS = ("pytest", "mkdocs", "ruff", "actionlint")


def nox_sessions(noxfile: Path = ROOT / "noxfile.py") -> set[str]:
    """Session names defined in a noxfile: @nox.session functions, or their name=."""
    names = set()
    for node in ast.walk(ast.parse(noxfile.read_text("utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            call = deco if isinstance(deco, ast.Call) else None
            target = call.func if call else deco
            if ast.unparse(target) != "nox.session":
                continue
            named = [k.value for k in (call.keywords if call else []) if k.arg == "name"]
            names.add(named[0].value if named else node.name)
    return names


def run_steps(workflow: dict) -> list[tuple[str, str]]:
    """(job id, script) for every `run:` step of a parsed workflow."""
    return [
        (job_id, step["run"])
        for job_id, job in (workflow.get("jobs") or {}).items()
        for step in job.get("steps") or []
        if "run" in step
    ]


def named_sessions(script: str) -> list[str]:
    """Sessions a script runs with `nox -s A B` / `--session A,B` (after `nox` or `noxw`)."""
    names: list[str] = []
    for line in script.splitlines():
        for command in re.split(r"&&|\|\||;|\|", line):
            try:
                words = shlex.split(command)
            except ValueError:
                words = command.split()
            runner = next((w for w in words if w in ("nox", "noxw") or w.endswith("/noxw")), None)
            if runner is None:
                continue
            words = words[words.index(runner) + 1 :]
            for i, word in enumerate(words):
                if word == "--":
                    break
                if word.startswith(("--session=", "--sessions=")):
                    names.extend(n for n in word.partition("=")[2].split(",") if n)
                if word in ("-s", "--session", "--sessions"):
                    for name in words[i + 1 :]:
                        if name.startswith("-"):
                            break
                        names.extend(n for n in name.split(",") if n)
    return names


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def sessions() -> set[str]:
    return nox_sessions()


def test_there_are_workflows():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "gpu.yml", "drift.yml", "pages.yml", "compat.yml", "rc.yml"} <= names, names


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_nox_session_a_workflow_names_exists(path, sessions):
    missing = [
        f"{path.relative_to(ROOT)} job {job}: `nox -s {name}` (no such session in noxfile.py)"
        for job, script in run_steps(load(path))
        for name in named_sessions(script)
        if name not in sessions
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflows_build_and_test_only_through_nox(path):
    direct = [
        f"{path.relative_to(ROOT)} job {job}: runs `{tool}` directly; call its nox session"
        for job, script in run_steps(load(path))
        for tool in DIRECT_TOOLS
        if re.search(rf"(^|[\s;&|(]){tool}(\s|$)", script, re.MULTILINE)
    ]
    assert not direct, "\n".join(direct)


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_are_pinned_to_a_version(path):
    unpinned = [
        f"{path.relative_to(ROOT)} job {job_id}: `uses: {step['uses']}` is not pinned to vX.Y.Z or a SHA"
        for job_id, job in load(path)["jobs"].items()
        for step in job.get("steps") or []
        if "uses" in step and not PINNED_RE.match(step["uses"])
    ]
    assert not unpinned, "\n".join(unpinned)


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflows_default_to_read_only_permissions(path):
    workflow = load(path)
    assert workflow.get("permissions") == {"contents": "read"}, (
        f"{path.relative_to(ROOT)}: set top-level `permissions: contents: read`; "
        "jobs that need more ask for it themselves"
    )
    for job_id, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        assert granted != "write-all" and "write-all" not in str(granted), (
            f"{path.relative_to(ROOT)} job {job_id}: write-all"
        )


def test_the_ci_workflow_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    scripts = [s for _, s in run_steps(load(ROOT / ".github/workflows/ci.yml"))]
    commands = [line.strip() for s in scripts for line in s.splitlines() if "nox" in line]
    assert commands, "ci.yml runs no nox command"
    for command in commands:
        assert command in readme, f"ci.yml runs `{command}`, which is not the README's command"


def test_the_checks_catch_a_broken_workflow(tmp_path):
    """The helpers above really fail on what they guard against."""
    noxfile = tmp_path / "noxfile.py"
    noxfile.write_text(
        "import nox\n@nox.session\ndef tests(s): ...\n"
        "@nox.session(name='site', default=False)\ndef site_(s): ...\n"
        "def helper(): ...\n"
    )
    assert nox_sessions(noxfile) == {"tests", "site"}
    script = "pip install nox && python3 -m nox -s tests site -- -k x\nnox --session=docs"
    assert named_sessions(script) == ["tests", "site", "docs"]
    assert named_sessions("python3 -m nox -R -s docs,offline") == ["docs", "offline"]
    assert named_sessions("python3 noxw -s tests -- --device cuda") == ["tests"]
    assert not PINNED_RE.match("actions/checkout@v4")
    assert not PINNED_RE.match("actions/checkout@main")
    assert PINNED_RE.match("actions/checkout@v4.2.2")


# ---- the compatibility matrix and the release-candidate run ----------------------------


def test_the_compat_matrix_plans_runs_each_environment_and_merges():
    workflow = load(ROOT / ".github/workflows/compat.yml")
    on = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads `on` as True
    assert "schedule" in on and "workflow_dispatch" in on
    jobs = workflow["jobs"]
    assert list(jobs) == ["plan", "run", "merge"]
    plan = " ".join(script for job, script in run_steps(workflow) if job == "plan")
    assert "noxw -s compat -- --write-plan" in plan and "GITHUB_OUTPUT" in plan
    run = jobs["run"]
    assert run["needs"] == "plan"
    assert run["strategy"]["matrix"]["include"] == "${{ fromJSON(needs.plan.outputs.matrix) }}"
    assert run["strategy"]["fail-fast"] is False  # one release failing to install stops nothing
    script = " ".join(s for job, s in run_steps(workflow) if job == "run")
    assert "--results" in script and "matrix.python" in script and "matrix.torch" in script
    uploads = [step for step in run["steps"] if "upload-artifact" in step.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"].startswith(".artifacts/compat-results")
    merge = jobs["merge"]
    assert merge["needs"] == "run" and "always()" in merge["if"]
    assert merge["permissions"] == {"contents": "write", "pull-requests": "write"}
    script = " ".join(s for job, s in run_steps(workflow) if job == "merge")
    assert "noxw -s compat -- --merge" in script and "gh pr create" in script


def test_the_release_candidate_workflow_runs_drift_on_the_candidate_and_tracks_an_issue():
    workflow = load(ROOT / ".github/workflows/rc.yml")
    on = workflow.get("on") or workflow.get(True)
    assert "schedule" in on and "workflow_dispatch" in on
    scripts = " ".join(s for _, s in run_steps(workflow))
    assert "noxw -s drift -- candidate" in scripts
    assert "--label release-candidate" in scripts and "gh issue close" in scripts
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}


def test_the_candidate_is_picked_from_a_recorded_test_channel_listing():
    """A listing in the test channel's format (download.pytorch.org/whl/test/cpu/torch/):
    torch 2.16.0 there is a candidate while PyPI's newest is 2.15.0, and not once 2.16.0
    is released; Python 3.10 has no 2.16 wheels there; other platforms do not count."""
    from packaging.version import Version

    from recorded_docs.compat.candidates import candidate_to_test, wheel_versions

    listing = (ROOT / "tests/repository/data/test_channel_torch.html").read_text("utf-8")
    assert wheel_versions(listing, "torch") == [
        Version(v) for v in ("2.14.0", "2.14.1", "2.15.0", "2.16.0")
    ]
    assert candidate_to_test(listing, ["2.15.0", "2.14.1", "2.14.0"]) == "2.16.0"
    assert candidate_to_test(listing, ["2.16.0", "2.15.0"]) is None
    assert (
        candidate_to_test(listing, ["2.16.0rc1", "2.15.0"]) == "2.16.0"
    )  # a pre-release is no release
    assert candidate_to_test(listing, ["2.15.0"], python="3.10") is None  # newest cp310: 2.14.1
    assert candidate_to_test("<html><body></body></html>", ["2.15.0"]) is None
    mac_only = '<a href="/whl/test/cpu/torch-2.17.0-cp311-cp311-macosx_11_0_arm64.whl">x</a>'
    assert candidate_to_test(mac_only, ["2.15.0"]) is None
