#!/usr/bin/env bash
# Vendors the subset of the DSFR (Système de design de l'État) that SpPlus pages use
# into src/SpPlus.Web/wwwroot/lib/dsfr, keeping the package's dist/ layout so that the
# relative url(...) references inside the CSS (fonts/, icons/, ../../icons/) resolve.
#
# Usage: scripts/vendor-dsfr.sh            (from anywhere; needs npm)
#        DSFR_VERSION=1.15.3 scripts/vendor-dsfr.sh
#
# The package's preinstall script waits for its terms of use to be accepted
# interactively; we install with --ignore-scripts. Its terms apply to SpPlus because
# SpPlus serves State services (see LICENSE.md copied beside the files).
set -euo pipefail

version="${DSFR_VERSION:-1.15.3}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$repo_root/src/SpPlus.Web/wwwroot/lib/dsfr"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing @gouvfr/dsfr@$version into a temporary folder..."
(
    cd "$work"
    npm init -y >/dev/null
    npm install --ignore-scripts --no-audit --no-fund --no-save "@gouvfr/dsfr@$version" >/dev/null
)
pkg="$work/node_modules/@gouvfr/dsfr"
dist="$pkg/dist"

installed="$(node -p "require('$pkg/package.json').version")"
if [[ "$installed" != "$version" ]]; then
    echo "Expected @gouvfr/dsfr $version, got $installed" >&2
    exit 1
fi

rm -rf "$target"
mkdir -p "$target/fonts" "$target/utility/icons"

# Styles and scripts (minified only; source maps are left out).
cp "$dist/dsfr.min.css" "$target/"
cp "$dist/dsfr.module.min.js" "$dist/dsfr.nomodule.min.js" "$target/"
# Icon classes (fr-icon-*) live in the utility CSS; it points to ../../icons/<category>/<name>.svg.
cp "$dist/utility/icons/icons.min.css" "$target/utility/icons/"

# Fonts: woff2 only (every browser DSFR supports reads woff2; the CSS lists woff2 first).
cp "$dist"/fonts/*.woff2 "$target/fonts/"

# Icons: the whole folder is about 0.5 MB of small SVG files, referenced both by
# dsfr.min.css (components) and by icons.min.css (fr-icon-* classes). Copying all of
# it keeps every fr-icon-* class usable without editing this script.
cp -r "$dist/icons" "$target/icons"

# Favicon and web manifest.
cp -r "$dist/favicon" "$target/favicon"

# Licence (Etalab 2.0 and the DSFR terms of use).
cp "$pkg/LICENSE.md" "$target/LICENSE.md"
printf '@gouvfr/dsfr %s\n' "$version" > "$target/VERSION"

# Check that every url(...) of the copied CSS resolves to a copied file (woff files excepted:
# woff2 is listed first and is what browsers load).
missing=0
check_css() {
    local css="$1" dir
    dir="$(dirname "$css")"
    while IFS= read -r ref; do
        case "$ref" in data:*|http*|*.woff) continue ;; esac
        if [[ ! -f "$dir/${ref%%[?#]*}" ]]; then
            echo "Missing file for url($ref) in ${css#"$target"/}" >&2
            missing=1
        fi
    done < <(grep -o 'url([^)]*)' "$css" | sed -e 's/^url(//' -e 's/)$//' -e 's/^["'\'']//' -e 's/["'\'']$//' | sort -u)
}
check_css "$target/dsfr.min.css"
check_css "$target/utility/icons/icons.min.css"
if [[ "$missing" -ne 0 ]]; then
    exit 1
fi

echo "DSFR $version vendored into ${target#"$repo_root"/}: $(du -sh --apparent-size "$target" | cut -f1), $(find "$target" -type f | wc -l) files."
