#!/usr/bin/env bash
# Copy the front-end libraries pinned in package.json from node_modules/ into app/static/vendor/
# and record their versions. Run after `npm ci` when a version changes (`make vendor`).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=app/static/vendor
mkdir -p "$dest/pico" "$dest/htmx" "$dest/swagger-ui" "$dest/easymde" "$dest/twilio"
cp node_modules/@picocss/pico/css/pico.min.css "$dest/pico/"
cp node_modules/@picocss/pico/LICENSE.md "$dest/pico/LICENSE.md"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/"
cp node_modules/htmx.org/LICENSE "$dest/htmx/LICENSE"
cp node_modules/easymde/dist/easymde.min.js node_modules/easymde/dist/easymde.min.css "$dest/easymde/"
cp node_modules/easymde/LICENSE "$dest/easymde/LICENSE"
cp node_modules/@twilio/voice-sdk/dist/twilio.min.js "$dest/twilio/"
cp node_modules/@twilio/voice-sdk/LICENSE.md "$dest/twilio/LICENSE.md"
for f in swagger-ui.css swagger-ui-bundle.js swagger-ui-standalone-preset.js LICENSE; do
  cp "node_modules/swagger-ui-dist/$f" "$dest/swagger-ui/"
done
{
  echo "# Vendored front-end libraries"
  echo
  echo "Copied from the npm registry by \`make vendor\` (tools/vendor.sh); versions pinned in package.json."
  echo
  echo "| library | version | files |"
  echo "|---|---|---|"
  for pkg in @picocss/pico htmx.org swagger-ui-dist easymde @twilio/voice-sdk; do
    version=$(node -p "require('./node_modules/$pkg/package.json').version")
    case $pkg in
      @picocss/pico) files="pico/pico.min.css" ;;
      htmx.org) files="htmx/htmx.min.js" ;;
      swagger-ui-dist) files="swagger-ui/*" ;;
      easymde) files="easymde/easymde.min.js, easymde/easymde.min.css" ;;
      @twilio/voice-sdk) files="twilio/twilio.min.js" ;;
    esac
    echo "| $pkg | $version | $files |"
  done
} > "$dest/VERSIONS.md"
echo "vendored into $dest"
