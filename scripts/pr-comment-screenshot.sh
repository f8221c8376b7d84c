#!/bin/sh
# Regenerates docs/pr-comment.png: runs the layout test (the bundle on a real leaky PR of about 30 secrets over two
# pushes, against the loopback GitHub API), renders the comment it left as GitHub does (GFM, 870 px comment column)
# and takes a headless Chromium screenshot. Needs `npm run package` first and Debian's chromium and
# fonts-noto-color-emoji (apt-get install -y chromium fonts-noto-color-emoji).
# Usage: scripts/pr-comment-screenshot.sh [light|dark] [out.png]
set -eu
theme=${1:-light}
out=${2:-docs/pr-comment.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
KEYWARD_LAYOUT_OUT="$work/layout.json" npx vitest run test/report/pr-layout.test.ts >/dev/null
node scripts/render-comment.mjs "$work/layout.json" comment "$theme" "$work/comment.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" --window-size=900,1400 \
  --screenshot="$work/shot.png" "file://$work/comment.html" 2>/dev/null
# Keep the committed image small: 8-bit palette when pngquant is there, else as Chromium wrote it.
if command -v pngquant >/dev/null 2>&1; then pngquant --force --quality=70-90 --output "$out" "$work/shot.png"; else cp "$work/shot.png" "$out"; fi
echo "wrote $out"
