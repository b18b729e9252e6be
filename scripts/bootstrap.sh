#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with Node 20+ lacks to run Parallax: pnpm 12.4.2 and
# the workspace's dependencies (and, with --browser, Chromium for the HTML report tests; with --services,
# redis-server and PostgreSQL for the fleet tests; with --dictionaries, the FreeDict bilingual
# dictionaries that align translations with, and that their tests read).
set -euo pipefail
cd "$(dirname "$0")/.."

need_node_major=20
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt "$need_node_major" ]; then
  echo "Parallax needs Node.js ${need_node_major}+ (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# pnpm newer than 12.4.2 refuses to run here (registry signature check); pin it.
if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  npm install --global --no-fund --no-audit pnpm@12.4.2 >/dev/null
fi

want_browser=false
want_services=false
want_dictionaries=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --dictionaries) want_dictionaries=true ;; # FreeDict and Müller dictionaries in /usr/share/dictd (packages/normalize/src/bilingual.ts), Apertium pairs
    --services) want_services=true ;; # redis-server and PostgreSQL for the fleet tests (test/fleet)
  esac
done

apt_install() {
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if [ "$want_browser" = true ] && ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1; then
  apt_install chromium || {
    echo "The HTML report tests need Chromium: apt-get install chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  }
fi

# The fleet tests start private redis-server and PostgreSQL instances (never the system services).
if [ "$want_services" = true ]; then
  missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}" || {
      echo "The fleet tests need ${missing[*]}: apt-get install ${missing[*]}" >&2
      exit 1
    }
  fi
fi

# Bilingual dictionaries for glossing translations into English (alignment works without them: a
# translation is then matched only on its speaker, figures and names).
if [ "$want_dictionaries" = true ]; then
  missing=()
  for d in deu-eng fra-eng ita-eng spa-eng por-eng pol-eng tur-eng ara-eng dan-eng ell-eng fin-eng hrv-eng \
    hun-eng isl-eng lit-eng nld-eng slv-eng swe-eng eng-rus; do
    [ -f "/usr/share/dictd/freedict-$d.index" ] || missing+=("dict-freedict-$d")
  done
  # Müller's English-Russian dictionary, read backwards for Russian (FreeDict has none into English).
  [ -f /usr/share/dictd/mueller7.index ] || missing+=(mueller7-dict)
  # Apertium and the pairs that carry Spanish, Italian, Portuguese, French, Romanian and Bulgarian
  # into English, some through Spanish or Macedonian (packages/normalize/src/apertium.ts).
  command -v apertium >/dev/null || missing+=(apertium)
  for m in spa-eng:apertium-eng-spa ita-spa:apertium-spa-ita pt-es:apertium-es-pt fr-es:apertium-fr-es \
    ro-es:apertium-es-ro bul-mkd:apertium-mkd-bul mkd-eng:apertium-mkd-eng; do
    [ -f "/usr/share/apertium/modes/${m%%:*}.mode" ] || missing+=("${m#*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}" || {
      echo "The translation tests need the bilingual dictionaries: apt-get install ${missing[*]}" >&2
      exit 1
    }
  fi
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
