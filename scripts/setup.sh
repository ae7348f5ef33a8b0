#!/usr/bin/env bash
# First-use set-up for `make publish`, `make test` and friends:
#   1. the Debian packages the PDF pipeline needs (fonts, HarfBuzz subsetter, poppler tools);
#   2. a virtual environment .venv with the exact versions of requirements.lock, and this package (editable).
# Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(fonts-noto-cjk fonts-crosextra-caladea libharfbuzz-subset0 poppler-utils)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if ((${#missing[@]})); then
    if ! command -v apt-get >/dev/null; then
        echo "setup: these Debian packages are missing and apt-get is not available: ${missing[*]}" >&2
        echo "setup: install the equivalent packages of your system, then run make again." >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "setup: these Debian packages are missing: ${missing[*]}" >&2
        echo "setup: run as root, or ask an administrator to run:" >&2
        echo "    sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
        "${SUDO[@]}" apt-get update -q >/dev/null
        "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
    fi
    fc-cache -f >/dev/null 2>&1 || true
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV with $($PYTHON --version 2>&1)" >&2
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "setup: installing pinned Python packages into $VENV" >&2
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r requirements.lock 2>&1 | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2>&1 | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
    "$VENV/bin/python" -c "import tooling, sphinx, weasyprint" || { echo "setup: the Python environment is incomplete" >&2; exit 1; }
    touch "$stamp"
fi
