#!/bin/sh
# Pins the SHA-256 of every tool in docker/tools.lock, for amd64 and arm64: downloads each asset,
# computes its sum, and checks it against the checksums file the project publishes (where it
# publishes one), then rewrites the lock. Run it after changing a version; the release workflow
# runs it before building the image. Needs network access to the tools' release hosts.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lock="$root/docker/tools.lock"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fill() { echo "$1" | sed -e "s/{version}/$2/g" -e "s/{arch}/$3/g" -e "s/{uarch}/$4/g" -e "s/{gcloud_arch}/$5/g"; }

# The project's own checksums file for an asset, where there is one.
published() { # name version arch asset-url
  case "$1" in
    terraform) echo "https://releases.hashicorp.com/terraform/$2/terraform_$2_SHA256SUMS" ;;
    tofu) echo "https://github.com/opentofu/opentofu/releases/download/v$2/tofu_$2_SHA256SUMS" ;;
    kubeone) echo "https://github.com/kubermatic/kubeone/releases/download/v$2/kubeone_$2_checksums.txt" ;;
    flux) echo "https://github.com/fluxcd/flux2/releases/download/v$2/flux_$2_checksums.txt" ;;
    kubectl) echo "$4.sha256" ;;
    helm) echo "$4.sha256sum" ;;
    sops) echo "https://github.com/getsops/sops/releases/download/v$2/sops-v$2.checksums.txt" ;;
    *) echo "" ;;
  esac
}

out="$work/tools.lock"
grep '^#' "$lock" > "$out"
grep -v '^#' "$lock" | while read -r name version url _ _; do
  [ -n "$name" ] || continue
  sums=""
  for arch in amd64 arm64; do
    if [ "$arch" = amd64 ]; then uarch=x86_64; gcloud_arch=x86_64; else uarch=aarch64; gcloud_arch=arm; fi
    asset=$(fill "$url" "$version" "$arch" "$uarch" "$gcloud_arch")
    curl -fsSL --retry 3 --max-time 600 -o "$work/asset" "$asset"
    sum=$(sha256sum "$work/asset" | cut -d ' ' -f 1)
    check=$(published "$name" "$version" "$arch" "$asset")
    if [ -n "$check" ]; then
      curl -fsSL --retry 3 --max-time 60 -o "$work/sums" "$check"
      grep -q "$sum" "$work/sums" || { echo "pin-tools: $asset: $sum is not in $check" >&2; exit 1; }
    else
      echo "pin-tools: $name publishes no checksums file: $sum is the download's own (check its signature)" >&2
    fi
    sums="$sums $sum"
  done
  printf '%-13s %-9s %s%s\n' "$name" "$version" "$url" "$sums" >> "$out"
done
mv "$out" "$lock"
echo "pin-tools: $lock updated"
