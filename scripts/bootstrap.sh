#!/usr/bin/env bash
# Installs whatever this project needs that the machine lacks. Idempotent: on a ready machine it
# only checks, in well under a second. Called by `make run`, `make test` and `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

# zsh and fish: the completion tests run the generated scripts in them (about 8 MB).
# sqlite3: the store benchmark's reference runs the same query in the sqlite3 shell.
# python3-venv: the schemathesis run of `make test` installs from PyPI into a venv of its own.
packages=(libncurses-dev libcurl4-openssl-dev libsqlite3-dev sqlite3 libseccomp-dev pkg-config bubblewrap tmux python3 python3-venv zsh fish)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "bootstrap: not root and no sudo; run this, then try again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when an install needs it (and once more if the first try fails).
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  }
fi

command -v swift >/dev/null || {
  echo "bootstrap: swift is not on PATH (expected Swift 6.3 at /opt/swift/usr/bin)" >&2
  exit 1
}
[ -x /usr/bin/python3 ] || { echo "bootstrap: /usr/bin/python3 is missing" >&2; exit 1; }
# schemathesis (scripts/schemathesis.sh, part of `make test`), pinned, from PyPI, in a venv under
# .build-tools/ (gitignored), never the system site-packages. Reinstalled only when the pin changes.
schemathesis_version=4.32.5
venv=.build-tools/schemathesis
if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$schemathesis_version" ]; then
  echo "bootstrap: installing schemathesis $schemathesis_version into $venv (from PyPI)"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
  echo "$schemathesis_version" >"$venv/.installed"
fi

locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || echo "bootstrap: note: no C.UTF-8 locale; wide characters need a UTF-8 locale" >&2
exit 0
