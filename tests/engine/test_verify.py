"""Verification and recording of one snippet's run, on throw-away sites.

Each test builds a tiny site (tests/helpers.py: mkdocs.yml, a zh and an en page, one
snippet and its recorded output), breaks one thing, and asserts that verification fails
with a message that names the page, the snippet and the line, or that recording rewrites
exactly what changed.
"""

import json
import textwrap
from pathlib import Path

import pytest

from recorded_docs import manifest
from recorded_docs.compare import compare
from tests.helpers import (
    COPY_CONSTRUCT,
    DEVICE_SNIPPET,
    DOUBLING,
    PLOT,
    FixtureSite,
    add_plot,
    check_example,
    run_snippet,
)


@pytest.fixture
def fixture_site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


def test_recorded_output_passes(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    assert fixture_site.check("double") == (None, "ok")


def test_changed_output_fails_with_page_snippet_line_and_diff(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\nfinished\n")
    failure, _ = fixture_site.check("double")
    assert failure is not None
    assert "docs/zh/double.md:3" in failure and "docs/en/double.md:3" in failure
    assert "snippets/t/double.py:5" in failure  # the print('done') line
    assert "-finished" in failure and "+done" in failure


def test_number_beyond_tolerance_fails(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3.0100, 4.])\ndone\n")
    failure, _ = fixture_site.check("double")
    assert failure is not None and "number 3.0100 became 3." in failure
    assert "snippets/t/double.py:4" in failure


def test_number_within_tolerance_passes():
    assert compare("loss 0.8838511109352112", "loss 0.8838512000000000") is None
    assert compare("tensor([ 0.1648, -0.2595])", "tensor([ 0.16481, -0.2595])") is None
    assert compare("loss 0.8838", "loss 0.8848") is not None
    assert compare("epoch 50", "epoch 51") is not None  # integers are exact
    assert compare("conv1.weight", "conv2.weight") is not None  # digits in names are text


def test_record_rewrites_only_what_changed(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("other", "print('new text')\n", "old text\n")
    before = (fixture_site.root / "snippets" / "t" / "double.out").stat().st_mtime_ns
    assert fixture_site.record("double") == (None, "unchanged")
    assert fixture_site.record("other") == (None, "recorded")
    assert (fixture_site.root / "snippets/t/double.out").stat().st_mtime_ns == before
    assert (fixture_site.root / "snippets/t/other.out").read_text() == "new text\n"
    assert fixture_site.check("other") == (None, "ok")


def test_failing_snippet_is_not_recorded(fixture_site):
    fixture_site.add("broken", "print('start')\nraise ValueError('boom')\n", "start\n")
    failure, action = fixture_site.record("broken")
    assert action == "failed"
    assert "ValueError: boom" in failure and "snippets/t/broken.py:2" in failure
    assert (fixture_site.root / "snippets/t/broken.out").read_text() == "start\n"


def test_unseeded_random_numbers_fail(fixture_site):
    code = "import torch\n\nprint(torch.rand(3))\n"
    fixture_site.add("noseed", code, "")
    fixture_site.record("noseed")
    failure, _ = fixture_site.check("noseed")
    assert failure is not None and "snippets/t/noseed.py:3" in failure


def test_output_from_another_torch_version_fails(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    old = {**fixture_site.env, "torch": "2.13.0"}
    manifest.update(fixture_site.root, "t/double.py", "cpu", old)
    failure, _ = fixture_site.check("double")
    assert failure is not None
    assert "torch 2.13.0 (recorded)" in failure and "nox -s record" in failure
    assert fixture_site.record("double") == (None, "manifest updated")
    data = json.loads((fixture_site.root / "snippets/manifest.json").read_text())
    assert data["t/double.py"]["cpu"]["torch"] == fixture_site.env["torch"]


def test_deprecated_call_fails_at_the_snippet_line(fixture_site):
    fixture_site.add("copy", COPY_CONSTRUCT, "tensor(1.)\n")
    failure, _ = fixture_site.check("copy")
    assert failure is not None
    assert "UserWarning" in failure and "snippets/t/copy.py:4" in failure
    assert "y = torch.tensor(x)" in failure


def test_torchvision_deprecation_is_reported_against_the_snippet_line(fixture_site):
    code = "import torchvision\n\nmodel = torchvision.models.resnet18(pretrained=True)\n"
    fixture_site.add("pretrained", code, "")
    failure, _ = fixture_site.check("pretrained")
    assert failure is not None and "'pretrained' is deprecated" in failure
    assert "snippets/t/pretrained.py:3" in failure
    assert "torchvision/models/_utils.py" in failure  # where it was raised, as a hint


def test_declared_legacy_warning_is_recorded_in_the_output(fixture_site):
    code = "# legacy: warns UserWarning\n" + COPY_CONSTRUCT
    fixture_site.add("copy", code, "")
    assert fixture_site.record("copy") == (None, "recorded")
    recorded = (fixture_site.root / "snippets/t/copy.out").read_text()
    assert recorded.startswith("UserWarning: To copy construct from a tensor")
    assert fixture_site.check("copy") == (None, "ok")


def test_declared_legacy_warning_that_no_longer_happens_fails(fixture_site):
    fixture_site.add("fixed", "# legacy: warns FutureWarning\nprint('fine now')\n", "fine now\n")
    failure, _ = fixture_site.check("fixed")
    assert failure is not None and "no FutureWarning happens any more" in failure


def test_declared_legacy_error_is_recorded_and_required(fixture_site):
    code = textwrap.dedent("""\
        # legacy: raises AttributeError
        import torch

        loader = torch.utils.data.DataLoader([1, 2, 3])
        batch = iter(loader).next()
        """)
    fixture_site.add("next", code, "")
    assert fixture_site.record("next") == (None, "recorded")
    recorded = (fixture_site.root / "snippets/t/next.out").read_text()
    assert 'File "next.py", line 5, in <module>' in recorded
    assert recorded.rstrip().endswith("object has no attribute 'next'")
    fixture_site.add("next", code.replace("iter(loader).next()", "next(iter(loader))"))
    failure, _ = fixture_site.check("next")
    assert failure is not None and "no longer raises AttributeError" in failure


def test_snippet_runs_as_main_so_its_classes_pickle(fixture_site):
    code = textwrap.dedent("""\
        import torch


        class Box:
            pass


        torch.save(Box(), "box.pt")
        print(type(torch.load("box.pt", weights_only=False)).__name__)
        """)
    fixture_site.add("pickle", code, "Box\n")
    assert fixture_site.check("pickle") == (None, "ok")


def test_dataloader_next_outside_a_legacy_snippet_fails(fixture_site):
    code = textwrap.dedent("""\
        import torch

        loader = torch.utils.data.DataLoader([1, 2, 3], batch_size=2)
        it = iter(loader)
        batch = it.next()
        print(batch)
        """)
    fixture_site.add("itnext", code, "tensor([1, 2])\n")
    failure, _ = fixture_site.check("itnext")
    assert failure is not None and "AttributeError" in failure
    assert "snippets/t/itnext.py:5" in failure and "batch = it.next()" in failure
    assert "docs/zh/itnext.md:3" in failure


def test_torch_load_of_a_whole_pickled_model_fails(fixture_site):
    code = textwrap.dedent("""\
        import torch

        torch.save(torch.nn.Linear(2, 2), "model.pth")
        model = torch.load("model.pth")
        print(model)
        """)
    fixture_site.add("wholeload", code, "Linear(in_features=2, out_features=2, bias=True)\n")
    failure, _ = fixture_site.check("wholeload")
    assert failure is not None and "UnpicklingError" in failure
    assert "snippets/t/wholeload.py:4" in failure


def test_device_snippet_on_cuda_is_checked_against_its_cuda_recording(fixture_site):
    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    (example,) = fixture_site.site().examples()
    run = run_snippet(example.snippet.path, fixture_site.root)  # runs on this CPU
    cuda_env = {**fixture_site.env, "device": "cuda", "device_name": "GPU (fixture)"}
    failure, action = check_example(example, run, cuda_env, record=False)
    assert failure is not None and "snippets/t/dev.cuda.out" in failure
    assert "--device cuda" in failure
    # A CPU-only snippet on a GPU runner is checked against its CPU output, never recorded.
    fixture_site.add("plain", "print(1)\n", "1\n")
    plain = [e for e in fixture_site.site().examples() if e.name == "t/plain.py"][0]
    run = run_snippet(plain.snippet.path, fixture_site.root)
    result = check_example(plain, run, cuda_env, record=True)
    assert result == (None, "ok")  # verified against the CPU output, not recorded
    assert not (fixture_site.root / "snippets/t/plain.cuda.out").exists()


def test_sys_exit_with_an_error_code_fails_the_snippet_not_the_session(fixture_site):
    fixture_site.add("exits", "import sys\n\nprint('bye')\nsys.exit(3)\n", "bye\n")
    failure, _ = fixture_site.check("exits")
    assert failure is not None and "SystemExit: 3" in failure
    assert "snippets/t/exits.py:4" in failure
    fixture_site.add("done", "import sys\n\nprint('bye')\nsys.exit(0)\n", "bye\n")
    assert fixture_site.check("done") == (None, "ok")


def test_changed_curve_fails_naming_figure_artist_and_first_point(fixture_site):
    add_plot(fixture_site)
    assert fixture_site.record("plot") == (None, "recorded")
    data = json.loads((fixture_site.root / "snippets/t/plot.fig1.json").read_text())
    assert data["axes"][0]["legend"] == ["square", "sine"]
    assert fixture_site.check("plot") == (None, "ok")
    fixture_site.add("plot", PLOT.replace("torch.sin(x)", "torch.sin(x) * 1.01"), "drawn\n")
    failure, _ = fixture_site.check("plot")
    assert failure is not None
    assert "snippets/t/plot.py: figure 1 differs" in failure, failure
    assert "axes 1 ('Two curves'), line 2 'sine'" in failure, failure
    # sin(0) * 1.01 is still 0: the first differing point is the second one.
    assert "first differing point: index 1, recorded (x, y) = (0.5, 0.4794255)" in failure
    assert "docs/zh/plot.md:3" in failure and "nox -s record -- -k plot" in failure


def test_same_data_drawn_differently_passes_and_is_not_rerecorded(fixture_site):
    add_plot(fixture_site)
    fixture_site.record("plot")
    svg = fixture_site.root / "snippets/t/plot.fig1.svg"
    before = svg.read_bytes()
    # Another look, the same data: what a new matplotlib's rendering changes.
    restyled = PLOT.replace(
        "import torch\n",
        "import torch\n\nplt.rcParams['lines.antialiased'] = False\nplt.rcParams['lines.linewidth'] = 3\n",
    )
    fixture_site.add("plot", restyled, "drawn\n")
    run = run_snippet(Path("snippets/t/plot.py"), fixture_site.root)
    assert run.figures[0]["svg"] != before  # the pixels differ ...
    assert fixture_site.check("plot") == (None, "ok")  # ... the data does not
    assert fixture_site.record("plot") == (None, "unchanged")
    assert svg.read_bytes() == before  # no churn


def test_unrecorded_figure_fails_with_what_to_run(fixture_site):
    add_plot(fixture_site)
    failure, _ = fixture_site.check("plot")
    assert failure is not None
    assert "it draws 1 figure(s) but none is recorded" in failure
    assert "snippets/t/plot.fig1.json missing" in failure and "nox -s record -- -k plot" in failure
    problems = fixture_site.problems()
    assert any("shows snippets/t/plot.fig1.svg, which is not recorded" in p for p in problems)


def test_show_collects_every_figure_in_order_without_warnings(fixture_site):
    code = (
        "import matplotlib.pyplot as plt\n\n"
        "plt.show()  # nothing to show: no figure, no warning\n"
        "plt.plot([1, 2], [3, 4])\n"
        "plt.title('first')\n"
        "plt.show()\n"
        "fig, axes = plt.subplots(1, 2)\n"
        "axes[1].imshow([[0, 1], [2, 3]])\n"
        "plt.figure()\n"
        "plt.scatter([1], [2], label='point')\n"
        "print('left open')\n"
    )
    fixture_site.add("many", code, "left open\n")
    run = run_snippet(Path("snippets/t/many.py"), fixture_site.root)
    assert run.problems == [] and run.warnings == []
    titles = [[axes["title"] for axes in f["data"]["axes"]] for f in run.figures]
    assert titles == [["first"], ["", ""], [""]]  # shown, then still open at the end, in order
    assert run.figures[1]["data"]["axes"][1]["images"][0]["array"] == [[0, 1], [2, 3]]
    assert run.figures[2]["data"]["axes"][0]["collections"][0]["offsets"] == [[1, 2]]
    assert all(f["svg"].startswith(b"<?xml") for f in run.figures)
    plain = run_snippet(Path("snippets/t/many.py"), fixture_site.root)
    assert [f["svg"] for f in plain.figures] == [f["svg"] for f in run.figures]  # same bytes


def test_a_large_image_is_kept_as_block_means_and_a_change_still_fails():
    import numpy as np
    from matplotlib.figure import Figure  # no backend, no pyplot: nothing global changes

    from recorded_docs.figures import compare_figure, figure_data

    photo = np.linspace(0, 1, 120 * 90 * 3).reshape(120, 90, 3)
    fig = Figure()
    fig.add_subplot().imshow(photo)
    data = figure_data(fig)
    (image,) = data["axes"][0]["images"]
    assert "array" not in image and image["block"] == [5, 4] and image["shape"] == [120, 90, 3]
    photo[7, 5, 1] = 0.0  # one pixel of one channel
    changed = Figure()
    changed.add_subplot().imshow(photo)
    failure = compare_figure(data, figure_data(changed))
    assert (
        failure is not None and "image 1: block_means: first differing point [1, 1, 1]" in failure
    )


def test_a_colormap_is_its_name_when_registered_and_its_colors_when_made_in_the_snippet():
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap, ListedColormap
    from matplotlib.figure import Figure

    from recorded_docs.figures import compare_figure, figure_data

    def shown(cmap):
        fig = Figure()
        fig.add_subplot().imshow(np.eye(3), cmap=cmap)
        return figure_data(fig)

    assert shown("viridis")["axes"][0]["images"][0]["cmap"] == "viridis"
    made = shown(ListedColormap(["white", "tab:blue"]))
    assert made["axes"][0]["images"][0]["cmap"] == ["#ffffffff", "#1f77b4ff"]
    # Matplotlib's default name for an unnamed colormap changed between releases
    assert compare_figure(made, shown(ListedColormap(["white", "tab:blue"], name="x"))) is None
    other = compare_figure(made, shown(ListedColormap(["white", "tab:orange"])))
    assert other is not None and "cmap" in other
    ramp = shown(LinearSegmentedColormap.from_list("", ["white", "black"]))
    assert len(ramp["axes"][0]["images"][0]["cmap"]) == 8
