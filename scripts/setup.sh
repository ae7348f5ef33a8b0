#!/usr/bin/env bash
# First-use set-up for `make publish`, `make test` and friends:
#   1. the Debian packages the PDF pipeline needs (fonts, HarfBuzz subsetter, poppler tools);
#   2. a virtual environment .venv with the exact versions of requirements.lock, and this package (editable).
# With --test (or STD_SETUP_TEST=1), also what only the tests need: the browser of tests/test_browser.py
# (Debian's chromium and chromium-driver); `make test` runs it, `make publish` does not.
# Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(fonts-noto-cjk fonts-crosextra-caladea libharfbuzz-subset0 poppler-utils)
TEST_DEB_PACKAGES=(chromium chromium-driver)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

with_tests=${STD_SETUP_TEST:-0}
for arg in "$@"; do
    case "$arg" in
        --test) with_tests=1 ;;
        -h|--help) echo "usage: scripts/setup.sh [--test]   (--test: also the Debian packages only the tests need)"; exit 0 ;;
        *) echo "setup: unknown option $arg (usage: scripts/setup.sh [--test])" >&2; exit 2 ;;
    esac
done
packages=("${DEB_PACKAGES[@]}")
if [ "$with_tests" = 1 ]; then
    packages+=("${TEST_DEB_PACKAGES[@]}")
fi

missing=()
for pkg in "${packages[@]}"; do
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
        if [ "$with_tests" = 1 ]; then
            echo "setup: (${TEST_DEB_PACKAGES[*]}: the browser that only the tests need, tests/test_browser.py)" >&2
        fi
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

if [ "$with_tests" = 1 ]; then
    # the browser check drives these two binaries directly (no driver download from the network)
    for binary in /usr/bin/chromium /usr/bin/chromedriver; do
        [ -x "$binary" ] || { echo "setup: $binary is missing after installing ${TEST_DEB_PACKAGES[*]}" >&2; exit 1; }
    done
    "$VENV/bin/python" -c "import selenium" || { echo "setup: selenium is missing from $VENV (requirements.lock)" >&2; exit 1; }
    touch "$VENV/.test-installed"
fi
