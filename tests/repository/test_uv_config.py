"""tools/uv_config.py: uv gets the package sources pip is configured with."""

import importlib.util

from tests.helpers import ROOT

# tools/uv_config.py runs before anything is installed: loaded from its file, as noxw does.
_spec = importlib.util.spec_from_file_location("uv_config", ROOT / "tools" / "uv_config.py")
uv_config = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(uv_config)
uv_environment = uv_config.uv_environment


def isolate(monkeypatch, tmp_path):
    """No pip configuration from this machine: an empty home, no PIP_* or UV_* variables."""
    import os

    for key in list(os.environ):
        if key.startswith(("PIP_", "UV_", "XDG_")) or key == "SSL_CERT_FILE":
            monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc-xdg"))
    monkeypatch.setattr(uv_config, "Path", _no_etc(tmp_path))


def _no_etc(tmp_path):
    """Path, with /etc/pip.conf mapped into tmp_path so the machine's file is not read."""
    from pathlib import Path

    def path(*parts):
        p = Path(*parts)
        return tmp_path / "etc-pip.conf" if str(p) == "/etc/pip.conf" else p

    path.home = lambda: tmp_path
    return path


def test_no_pip_configuration_leaves_uv_on_pypi(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    assert uv_environment() == {}


def test_pip_conf_and_variables_become_uv_variables(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    conf = tmp_path / ".config" / "pip" / "pip.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(
        "[global]\nfind-links = /opt/wheels\n"
        "extra-index-url = file:///opt/a/simple\n  file:///opt/b/simple\n"
        "[install]\nindex-url = https://mirror.example/simple\n"
    )
    monkeypatch.setenv("PIP_DEFAULT_TIMEOUT", "180")
    monkeypatch.setenv("PIP_CONSTRAINT", "/etc/caps.txt")
    assert uv_environment() == {
        "UV_DEFAULT_INDEX": "https://mirror.example/simple",
        "UV_INDEX": "file:///opt/a/simple file:///opt/b/simple",
        "UV_FIND_LINKS": "/opt/wheels",
        "UV_CONSTRAINT": "/etc/caps.txt",
        "UV_HTTP_TIMEOUT": "180",
        "UV_INDEX_STRATEGY": "unsafe-best-match",
    }


def test_the_users_own_uv_settings_win(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    monkeypatch.setenv("PIP_EXTRA_INDEX_URL", "file:///opt/a/simple")
    monkeypatch.setenv("PIP_FIND_LINKS", "/opt/wheels")
    monkeypatch.setenv("UV_INDEX", "https://mine.example/simple")
    assert uv_environment() == {"UV_FIND_LINKS": "/opt/wheels"}
