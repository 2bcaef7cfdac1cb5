"""The runner cannot be fooled: isolation, time limits, crashes, output below Python.
Each test on a throw-away site (tests/helpers.py), each case found by an adversary."""

import os
import sys
import textwrap

import pytest

from recorded_docs import runner
from recorded_docs.runner import default_timeout, in_child
from tests.helpers import DOUBLING, FixtureSite


@pytest.fixture
def site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


def test_print_options_do_not_leak_into_the_next_snippet(site):
    site.add(
        "coarse",
        "import torch\n\ntorch.set_printoptions(precision=1)\nprint(torch.tensor([0.78431]))\n",
        "tensor([0.8])\n",
    )
    site.add("fine", "import torch\n\nprint(torch.tensor([0.78431]))\n", "tensor([0.7843])\n")
    assert site.check("coarse") == (None, "ok")
    assert site.check("fine") == (None, "ok")


LEAKER = textwrap.dedent("""\
    import logging
    import os
    import sys

    import torch

    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    torch.set_default_device("meta")
    torch.use_deterministic_algorithms(True)
    os.environ["LEAKED_VARIABLE"] = "1"
    sys.path.insert(0, "/leaked/path")
    sys.modules["leaked_module"] = sys
    logging.basicConfig()
    print("changed")
    """)

CHECKER = textwrap.dedent("""\
    import logging
    import os
    import sys

    import torch

    print(torch.get_num_threads())
    print(torch.get_default_dtype(), torch.empty(1).device)
    print(torch.are_deterministic_algorithms_enabled())
    print(os.environ.get("LEAKED_VARIABLE"), "/leaked/path" in sys.path)
    print("leaked_module" in sys.modules, len(logging.getLogger().handlers))
    """)


def test_other_global_state_does_not_leak(site):
    import torch

    threads = runner._PARENT["threads"]  # what a fresh `python` gets here
    site.add("leaker", LEAKER, "changed\n")
    site.add("checker", CHECKER, f"{threads}\ntorch.float32 cpu\nFalse\nNone False\nFalse 0\n")
    assert site.check("leaker") == (None, "ok")
    assert site.check("checker") == (None, "ok")
    # ... and nothing reached the test process either.
    assert torch.get_default_dtype() == torch.float32
    assert "LEAKED_VARIABLE" not in os.environ and "/leaked/path" not in sys.path


def test_endless_loop_fails_after_the_time_limit_naming_snippet_and_line(site):
    # It waits rather than spins: the limit is the same, and the other test worker keeps
    # its core. 1.5 s: long enough for the forked child to reach the loop on a loaded machine.
    code = "import time\n\nprint('start')\nwhile True:\n    time.sleep(0.01)\n"
    site.add("spin", code, "start\n")
    failure, _ = site.check("spin", timeout=1.5)
    assert failure is not None
    assert "snippets/t/spin.py:5: timed out after 1.5 s on line 5" in failure
    assert "time.sleep(0.01)" in failure and "start" in failure  # the line, the output until then


def test_time_limit_comes_from_the_option_or_the_environment(monkeypatch):
    monkeypatch.delenv("SNIPPET_TIMEOUT", raising=False)
    assert default_timeout() == 60
    monkeypatch.setenv("SNIPPET_TIMEOUT", "7.5")
    assert default_timeout() == 7.5


def test_os_exit_and_a_segfault_fail_naming_the_snippet(site):
    site.add("quits", "import os\n\nprint('bye')\nos._exit(0)\nprint('never')\n", "bye\nnever\n")
    failure, _ = site.check("quits")
    assert failure is not None and "snippets/t/quits.py" in failure
    assert "exit status 0" in failure and "os._exit()" in failure
    site.add("segv", "import ctypes\n\nprint('before')\nctypes.string_at(0)\n", "before\n")
    failure, _ = site.check("segv")
    assert failure is not None
    assert "snippets/t/segv.py:4: killed by SIGSEGV (segmentation fault) on line 4" in failure
    site.add("killed", "import os\nimport signal\n\nos.kill(os.getpid(), signal.SIGSEGV)\n", "")
    failure, _ = site.check("killed")
    assert failure is not None and "snippets/t/killed.py:4: killed by SIGSEGV" in failure


BELOW_PYTHON = textwrap.dedent("""\
    import ctypes
    import os
    import subprocess
    import sys

    print("python")
    os.write(1, b"os.write\\n")
    subprocess.run([sys.executable, "-c", "print('subprocess')"], check=True)
    ctypes.CDLL(None).printf(b"printf %d\\n", 42)
    print("stderr", file=sys.stderr)
    print("end")
    """)


def test_output_written_below_python_is_captured_in_order(site):
    site.add("below", BELOW_PYTHON, "python\nos.write\nsubprocess\nprintf 42\nstderr\nend\n")
    assert site.check("below") == (None, "ok")
    site.add("below", BELOW_PYTHON, "python\nos.write\nsubprocess\nprintf 41\nstderr\nend\n")
    failure, _ = site.check("below")
    assert failure is not None and "number 41 became 42" in failure
    assert "written below Python" in failure  # no snippet line to name for printf's output
    _, run = site.run("below")
    assert run.output_lines == [6, 0, 0, 0, 10, 11]  # Python's writes keep their lines


def test_the_parent_never_initialises_cuda(site, monkeypatch):
    import torch

    from recorded_docs.pytest_plugin import cuda_device_name

    # A CPU run hides the GPU; a --device cuda run names it. Either way, from a child.
    assert (in_child(cuda_device_name) is None) == (site.env["device"] == "cpu")
    assert not torch.cuda.is_initialized()
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    monkeypatch.setattr(torch.cuda, "is_initialized", lambda: True)
    with pytest.raises(RuntimeError, match="CUDA is initialised in the process"):
        site.check("double")


def test_a_syntax_error_is_the_snippets_own_error(site):
    site.add("typo", "print('a'\n", "a\n")
    failure, _ = site.check("typo")
    assert failure is not None and "SyntaxError" in failure and "harness" not in failure
