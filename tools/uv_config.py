"""Point uv at the package sources pip is configured with (standard library only).

Machines with a local wheelhouse or a mirror usually configure pip (``pip.conf``,
``PIP_*`` variables), and uv does not read that configuration: left alone it would
download from pypi.org what pip finds on disk. ``uv_environment()`` reads pip's
settings the way pip does (files in pip's order, then ``PIP_*`` variables; the
``[install]`` section over ``[global]``) and returns the matching ``UV_*``
variables, skipping any the user already set. Where pip has no configuration it
returns nothing and uv uses pypi.org, as pip would.

pip merges all its indexes and takes the best version anywhere; uv's default is the
first index that has a package. ``UV_INDEX_STRATEGY=unsafe-best-match`` is set
with extra indexes so that uv picks the same versions pip picks.

    python3 tools/uv_config.py     # print the variables

It runs before anything is installed (noxw, noxfile.py load it from its file), so it
needs only the standard library.
"""

from __future__ import annotations

import configparser
import os
import shutil
import sys
from pathlib import Path

# pip option -> (uv variable, how to join a list). Options not here are ignored.
OPTIONS = {
    "index-url": ("UV_DEFAULT_INDEX", None),
    "extra-index-url": ("UV_INDEX", " "),
    "find-links": ("UV_FIND_LINKS", ","),
    "constraint": ("UV_CONSTRAINT", " "),
    "trusted-host": ("UV_INSECURE_HOST", " "),
    "timeout": ("UV_HTTP_TIMEOUT", None),
    "default-timeout": ("UV_HTTP_TIMEOUT", None),
    "cert": ("SSL_CERT_FILE", None),
}
TRUE = {"1", "true", "yes", "on"}


def _config_files() -> list[Path]:
    """pip's configuration files, lowest priority first (pip's own order on POSIX)."""
    if os.environ.get("PIP_CONFIG_FILE") == os.devnull:
        return []
    xdg_dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    files = [Path(d) / "pip" / "pip.conf" for d in reversed(xdg_dirs.split(os.pathsep))]
    files.append(Path("/etc/pip.conf"))
    home = Path.home()
    xdg_home = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    files += [home / ".pip" / "pip.conf", xdg_home / "pip" / "pip.conf"]
    files.append(Path(sys.prefix) / "pip.conf")
    if os.environ.get("PIP_CONFIG_FILE"):
        files.append(Path(os.environ["PIP_CONFIG_FILE"]))
    return [f for f in files if f.is_file()]


def pip_settings() -> dict[str, str]:
    """pip's effective install settings: {"extra-index-url": "a b", ...}."""
    settings: dict[str, str] = {}
    for file in _config_files():
        parser = configparser.RawConfigParser()
        try:
            parser.read(file, encoding="utf-8")
        except configparser.Error:
            continue
        for section in ("global", "install"):
            if parser.has_section(section):
                for key, value in parser.items(section):
                    settings[key.replace("_", "-")] = value
    for key in (*OPTIONS, "no-index"):
        value = os.environ.get("PIP_" + key.upper().replace("-", "_"))
        if value is not None:
            settings[key] = value
    return settings


def uv_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The UV_* (and SSL_CERT_FILE) variables that make uv use pip's package sources."""
    environ = dict(os.environ if environ is None else environ)
    pip = pip_settings()
    uv: dict[str, str] = {}
    for option, (variable, sep) in OPTIONS.items():
        value = pip.get(option, "").strip()
        if not value or variable in uv:
            continue
        uv[variable] = sep.join(value.split()) if sep else value
    if pip.get("no-index", "").strip().lower() in TRUE:
        uv["UV_NO_INDEX"] = "1"
    if "UV_INDEX" in uv or "UV_FIND_LINKS" in uv:
        uv["UV_INDEX_STRATEGY"] = "unsafe-best-match"
    if any(v.startswith(("UV_INDEX", "UV_DEFAULT_INDEX", "UV_EXTRA_INDEX")) for v in environ):
        # The user configured uv's indexes themselves: keep all of theirs.
        for key in ("UV_DEFAULT_INDEX", "UV_INDEX", "UV_INDEX_STRATEGY"):
            uv.pop(key, None)
    return {k: v for k, v in uv.items() if k not in environ}


def uv_binary() -> str | None:
    """The uv to use: ``$UV``, the one next to this Python (noxw installs it beside nox),
    the ``uv`` package's, or uv on PATH; None without one (then pip does the work)."""
    if os.environ.get("UV"):
        return os.environ["UV"]
    here = Path(sys.executable).parent / ("uv.exe" if os.name == "nt" else "uv")
    if here.is_file():
        return str(here)
    try:
        import uv

        return uv.find_uv_bin()
    except (ImportError, FileNotFoundError):
        return shutil.which("uv")


if __name__ == "__main__":
    for key, value in uv_environment().items():
        print(f"{key}={value}")
