#!/usr/bin/env bash
# Installs Neovim for test/nvim/neovim.test.ts, idempotently, as test/e2e/setup.sh installs
# Chromium: Debian's `neovim` package with apt-get when run as root, otherwise a message
# saying what to install and a failure. The Neovim test never skips: without nvim it fails.
# Called by .ci/run (before `npm ci && npm test`) and by scripts/test.mjs before mocha (which
# runs even when this fails, so the other tests still report), so CI and `npm test` both
# have it; `npx mocha` alone expects it installed.
set -euo pipefail

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: install Debian's neovim first (needs root): apt-get install -y neovim" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
echo "setup: $(nvim --version | head -1) ready for the Neovim test"
