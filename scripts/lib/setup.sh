# Shared by scripts/test and scripts/demo: system packages and the virtualenv.
# Sourced, not run. Leaves VENV set to the virtualenv folder.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

say() { printf '==> %s\n' "$*" >&2; }

# Debian packages each area needs, one per line in scripts/apt-packages/*.txt.
wanted_system_packages() {
  cat "$ROOT"/scripts/apt-packages/*.txt 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d' | sort -u
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: install the packages in scripts/apt-packages/ yourself"; return 0; }
  local missing=()
  for package in $(wanted_system_packages); do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages (tests that need them are skipped): ${missing[*]}"
    say "install them with: sudo apt-get install ${missing[*]}"
  fi
}

setup_venv() {
  local extras="$1" stamp
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  stamp="$(cat "$ROOT/pyproject.toml" "$ROOT/setup.py" | sha256sum | cut -c1-16)-$extras"
  if [ "$(cat "$VENV/.kiosk-installed" 2>/dev/null)" != "$stamp" ]; then
    say "installing Python packages"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    echo "$stamp" > "$VENV/.kiosk-installed"
  fi
  if [ -x "$ROOT/scripts/build-translations" ]; then
    "$ROOT/scripts/build-translations" >/dev/null
  fi
}
