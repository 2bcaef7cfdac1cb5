"""Stand-in weights: pages that show torchvision's weights API run offline.

``resnet18(weights=ResNet18_Weights.DEFAULT)`` downloads its checkpoint the first time,
into ``$TORCH_HOME/hub/checkpoints/``, and reads it from there afterwards. Verification
runs offline, so before the snippets run, a checkpoint with the model's real
architecture and seeded random weights is put where torchvision looks
(``recorded_docs_stand_in_weights = resnet18`` in the pytest configuration). Pages then
show shapes, parameter counts and configuration, and label any value that depends on the
weights as a stand-in value.
"""

from __future__ import annotations

import io
import sys
import warnings
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

_MADE: dict[str, tuple[str, bytes]] = {}  # per process (inherited by forked snippets)


def checkpoint(model: str) -> tuple[str, bytes]:
    """(file name torchvision looks for, a stand-in checkpoint's bytes) for a model."""
    if model not in _MADE:
        import torch
        import torchvision

        models = torchvision.models
        if hasattr(models, "get_model_weights"):  # torchvision 0.14 and later
            url = models.get_model_weights(model).DEFAULT.url
            build = models.get_model
        else:  # before: each model's module lists its checkpoints' URLs
            with warnings.catch_warnings():  # 0.13 warns that model_urls is going away
                warnings.simplefilter("ignore")
                url = sys.modules[getattr(models, model).__module__].model_urls[model]
            build = lambda name: getattr(models, name)()  # noqa: E731
        name = PurePosixPath(urlparse(url).path).name
        buffer = io.BytesIO()
        torch.manual_seed(0)
        torch.save(build(model).state_dict(), buffer)
        _MADE[model] = (name, buffer.getvalue())
    return _MADE[model]


def seed_torch_hub(torch_home: Path, models: list[str]) -> None:
    """Put each model's stand-in checkpoint under ``torch_home/hub/checkpoints``."""
    folder = Path(torch_home) / "hub" / "checkpoints"
    folder.mkdir(parents=True, exist_ok=True)
    for model in models:
        name, data = checkpoint(model)
        (folder / name).write_bytes(data)
