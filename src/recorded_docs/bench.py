"""Measure verification against its floor and against the notebook way.

    python -m recorded_docs bench --tests-seconds 12.3 [--setup-seconds 45.6]

(``nox -s bench`` times a fresh set-up and ``nox -s tests`` itself and passes the
figures in.)

* fresh set-up: a new clone, ``python3 noxw --install-only`` (every install the
  default sessions need, torch included, from the installer's cache);

* floor: one Python start with ``import torch, torchvision`` (a fresh process,
  best of three), plus each snippet's own run time (measured inside the child that runs
  it, so the floor leaves out the cost of isolating snippets: a fork each);
* the notebook way: each page as a generated Jupyter notebook, executed with
  nbclient, one kernel per page;
* ``mkdocs build`` of both languages, cold (fresh process, empty output folder).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def ini_list(root: Path, name: str) -> list[str]:
    """A list option of the pytest configuration (pyproject.toml)."""
    import tomllib

    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        return []
    ini = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("pytest", {})
    value = ini.get("ini_options", {}).get(name, [])
    return value.split() if isinstance(value, str) else list(value)


def stand_ins(root: Path) -> list[str]:
    """The models the pytest configuration gives stand-in weights."""
    return ini_list(root, "recorded_docs_stand_in_weights")


def preloaded(root: Path) -> list[str]:
    """What each test worker imports before forking its snippets: torch, torchvision, the
    configured modules. The floor pays for them once, as the workers do."""
    return ["torch", "torchvision", *ini_list(root, "recorded_docs_preload")]


def timed(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def snippet_seconds(root: Path) -> tuple[float, int]:
    """Sum of the snippets' own run times (each timed in its child, forked from a parent
    prepared as a test worker is: torch and the preloaded modules imported first)."""
    from recorded_docs.pages import Site
    from recorded_docs.runner import prepare_parent, run_snippet

    prepare_parent(preload=tuple(preloaded(root)[2:]))
    from recorded_docs.stand_ins import seed_torch_hub

    with tempfile.TemporaryDirectory() as home:
        seed_torch_hub(Path(home), stand_ins(root))
        os.environ["TORCH_HOME"] = home
        examples = Site(root).examples()
        total = sum(run_snippet(e.snippet).seconds for e in examples)
    return total, len(examples)


def notebook_seconds(root: Path, torch_home: str) -> tuple[float, int]:
    import nbclient
    import nbformat

    from recorded_docs.notebooks import write_all
    from recorded_docs.pages import Site

    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for p in write_all(Site(root), Path(tmp)) if p.parent.name == "zh"]
        start = time.perf_counter()
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            nbclient.NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}}
            ).execute(env={**os.environ, "TORCH_HOME": torch_home})
        return time.perf_counter() - start, len(paths)


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    parser = argparse.ArgumentParser(prog="python -m recorded_docs bench")
    parser.add_argument("--tests-seconds", type=float, required=True)
    parser.add_argument("--setup-seconds", type=float)
    parser.add_argument(
        "--serve", action="store_true", help="also time mkdocs serve's reloads (about a minute)"
    )
    args = parser.parse_args(argv)

    imports = ", ".join(preloaded(root))
    start_and_import = min(timed([sys.executable, "-c", f"import {imports}"]) for _ in range(3))
    snippets, count = snippet_seconds(root)
    floor = start_and_import + snippets

    with tempfile.TemporaryDirectory() as home:
        from recorded_docs.stand_ins import seed_torch_hub

        seed_torch_hub(Path(home), stand_ins(root))
        notebooks, pages = notebook_seconds(root, home)

    cold, warm = build_seconds(root)
    reloads = serve_reloads(root) if args.serve else {}

    rows = (
        []
        if args.setup_seconds is None
        else [("fresh set-up: new clone, noxw --install-only (installs)", args.setup_seconds)]
    )
    rows += [
        (f"floor: python start + import {imports}", start_and_import),
        (f"floor: the {count} snippets' own run time", snippets),
        ("floor (total)", floor),
        ("nox -s tests (venv reused, all tests, best of 3)", args.tests_seconds),
        (f"notebooks: {pages} pages via nbclient, one kernel each", notebooks),
        ("mkdocs build, both languages, cold (fresh process, empty caches)", cold),
        ("mkdocs build, both languages, fresh process, notebook cache kept", warm),
    ]
    rows += [
        (f"serve: edit {what} -> reload signal (median of {len(times)})", median(times))
        for what, times in reloads.items()
    ]
    width = max(len(name) for name, _ in rows)
    print(f"\nbench on {os.cpu_count()} cores, {count} snippets\n")
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.2f} s")
    print(f"\n  verification / floor      = {args.tests_seconds / floor:.2f}  (target <= 1.5)")
    print(f"  notebooks / verification  = {notebooks / args.tests_seconds:.2f}  (target >= 3)")
    print(f"  cold build                = {cold:.2f} s  (target <= 5)")
    for what, times in reloads.items():
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"  serve reload, {what:<11} = {median(times):.2f} s  ({shown}; target <= 2)")
    return 0


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def build_seconds(root: Path) -> tuple[float, float]:
    """A cold build (fresh process, mkdocs-jupyter's cache emptied), then the same build
    in a fresh process with the cache the first one left (a second `nox -s docs`)."""
    import shutil

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(root / ".cache" / "mkdocs-jupyter", ignore_errors=True)
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out]
        cold = timed(cmd, cwd=root, env=env)
        warm = timed(cmd, cwd=root, env=env)
    return cold, warm


EDIT_KINDS = {
    "a page": ("docs/{lang}/{page}.md", "\n"),
    "a snippet": ("snippets/{snippet}.py", "\n_edited = 1\n"),
    "an output": ("snippets/{snippet}.out", "\n"),
    "a comment": ("snippets/{snippet}.zh.yaml", "\n"),
    "a figure": ("snippets/{figure}", "\n"),
}


def serve_reloads(root: Path, repeat: int = 5) -> dict[str, list[float]]:
    """From a file write to the browser's reload signal while ``mkdocs serve --dirty``
    runs on a copy of the site: a page, a snippet, its output, its Chinese comments, a
    figure; each ``repeat`` times (appending a line, as an editor saves)."""
    import shutil

    from recorded_docs.pages import Site

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for name in ("docs", "snippets"):
            shutil.copytree(root / name, copy / name)
        for name in ("mkdocs.yml", "jieba_user_dict.txt"):
            if (root / name).exists():
                shutil.copy(root / name, copy / name)
        site = Site(copy)
        page = next(p for p in site.pages(site.layout.languages[-1]) if p.figures())
        snippet = next(s for s in page.snippets() if s.recorded_figures())
        figure = snippet.figure_files(1)[0]
        names = {
            "lang": page.lang,
            "page": page.rel.with_suffix("").as_posix(),
            "snippet": snippet.name.removesuffix(".py"),
            "figure": Path(figure).relative_to(site.layout.snippets_dir).as_posix(),
        }
        found: dict[str, list[float]] = {}
        with Served(copy) as served:
            for what, (pattern, extra) in EDIT_KINDS.items():
                path = copy / pattern.format(**names)

                def edit(path=path, extra=extra):
                    with path.open("a", encoding="utf-8") as handle:
                        handle.write(extra)

                found[what] = [served.reload_after(edit) for _ in range(repeat)]
        return found


# ---- mkdocs serve: from a file write to the browser's reload -------------------------

EPOCH_RE = re.compile(r"livereload\((\d+),\s*(\d+)\)")


class Served:
    """``mkdocs serve --dirty`` on a free port, for measuring reloads; a context manager."""

    def __init__(self, root: Path, python: str = sys.executable, dirty: bool = True):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.root = root
        cmd = [python, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        cmd += ["--dirty"] if dirty else []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(cmd, cwd=root, env=env, stdout=self.log, stderr=self.log)

    def __enter__(self) -> Served:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited:\n{self.output()}")
            try:
                self.epoch()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"mkdocs serve did not answer in 300 s:\n{self.output()}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def get_bytes(self, path: str = "", timeout: float = 30) -> bytes:
        import urllib.parse
        import urllib.request

        url = self.url + urllib.parse.quote(path)
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()

    def get(self, path: str = "", timeout: float = 30) -> str:
        return self.get_bytes(path, timeout).decode("utf-8")

    def epoch(self) -> int:
        """The site version the server shows now (it waits for a build in progress)."""
        return int(EPOCH_RE.search(self.get())[1])

    def reload_after(self, edit, timeout: float = 120) -> float:
        """Seconds from ``edit()`` (a file write) to the livereload signal a browser gets."""
        epoch = self.epoch()
        import threading

        answer = {}

        def poll():
            answer["text"] = self.get(f"livereload/{epoch}/1", timeout=timeout)
            answer["at"] = time.perf_counter()

        waiter = threading.Thread(target=poll)
        waiter.start()
        time.sleep(0.3)  # the poll is waiting before the write
        start = time.perf_counter()
        edit()
        waiter.join(timeout)
        if "at" not in answer or int(answer["text"]) <= epoch:
            raise RuntimeError(f"no reload within {timeout} s:\n{self.output()[-3000:]}")
        return answer["at"] - start
