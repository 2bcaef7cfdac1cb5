"""Tolerant comparison (recorded_docs.compare): numbers within a tolerance, text exact."""

from recorded_docs.compare import compare


def test_indentation_and_line_structure_are_text():
    shown = "ResNet(\n  (fc): Linear(in_features=512, out_features=10, bias=True)\n)"
    assert compare(shown, shown) is None
    assert compare(shown, shown.replace("  (fc)", "(fc)")) is not None  # indentation
    assert compare(shown, shown.replace("  (fc)", "    (fc)")) is not None
    assert compare("a\n\nb", "a\nb") is not None  # a blank line is structure
    assert compare("a b", "a  b") is not None  # spacing between words is text
    assert compare("a\n", "a\n\n") is None  # trailing blank lines are not shown


def test_padding_next_to_numbers_may_move():
    assert compare("tensor([ 0.0000, -1.0000])", "tensor([-0.0000, -1.0000])") is None
    assert (
        compare(
            "tensor([[ 1.,  2.],\n        [-3., 10.]])", "tensor([[ 1., 2.],\n        [-3., 10.]])"
        )
        is None
    )
    assert compare("loss   0.5000", "loss 0.5000") is None
    assert compare("tensor([[ 1.],\n        [-3.]])", "tensor([[ 1.],\n    [-3.]])") is not None
