#!/usr/bin/env bash
# Refreshes the screenshots of the main pages (desktop 1280 × 800 and phone 390 × 844) in this folder:
# the browser suite's ScreenshotTests arrange sample content on a throw-away app and photograph each page.
# Needs what the browser tests need (.NET SDK 10, Node.js + npm, /usr/bin/chromium).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
SCREENSHOTS_DIR="$here" dotnet test "$root/tests/Collaboration.Browser.Tests" --filter "FullyQualifiedName~Docs.ScreenshotTests"
ls -1 "$here"/*.png
