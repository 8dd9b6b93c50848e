#!/usr/bin/env bash
# Install the Debian packages the project uses, only when they are missing.
#   install-system-packages.sh site   what the build needs: Pango and HarfBuzz (WeasyPrint
#                                     makes the PDF packet with them) and fonts-liberation
#                                     (the PDF's fonts); `make install` runs this
#   install-system-packages.sh        that, plus what the tests use: chromium (the browser the
#                                     tests drive), poppler-utils (pdftotext, pdftoppm, pdfinfo),
#                                     zbar-tools (zbarimg reads the printed QR codes) and npm
#                                     (installs the pinned shim of the offline edition, `make offline`)
# Never downloads a browser of its own.
set -euo pipefail
has_library() { ldconfig -p 2>/dev/null | grep -q "$1"; }
missing=()
has_library libpango-1.0.so.0 || missing+=(libpango-1.0-0)
has_library libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
has_library libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
if [ "${1:-all}" != "site" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
