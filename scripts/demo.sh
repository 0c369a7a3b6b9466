#!/usr/bin/env bash
# Runs `kkp-delivery explain` on the bundled example repository, with no cloud account and no
# token: the example is copied into a scratch git repository with a `main` branch, then a
# feature branch changes Terraform and docs, as a pull request would. Where Terraform is on PATH
# (or installed by scripts/install-tools.sh), terraform-validate and terraform-plan then run on
# the example for real: its Terraform root uses no cloud provider.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# KKP_DEMO_BIN: an already built kkp-delivery (the test suite passes its own).
bin=${KKP_DEMO_BIN:-}
if [ -z "$bin" ]; then
  if [ ! -x "$root/target/debug/kkp-delivery" ]; then
    echo "== Building kkp-delivery (a first build takes a few minutes; cargo shows its progress) =="
  fi
  # Cargo's own progress: the build is not silent.
  cargo build --manifest-path "$root/Cargo.toml" --bin kkp-delivery
  bin="$root/target/debug/kkp-delivery"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$root/examples/start-kkp/." "$work/"
cd "$work"
git init --quiet --initial-branch=main
git -c user.name=demo -c user.email=demo@example.com add -A
git -c user.name=demo -c user.email=demo@example.com commit --quiet -m "KKP repository"
git checkout --quiet -b grow-control-plane
sed -i 's/control_plane_vm_count = 3/control_plane_vm_count = 5/' terraform/aws/terraform.tfvars
echo "Scaled the control plane to 5 VMs." >> docs/operations.md

echo "== A feature branch, seen as its pull request would be =="
"$bin" explain "$@"
echo
echo "== The same change once merged: a push to the default branch =="
"$bin" explain --event push-default --base main "$@"

terraform=${KKP_TERRAFORM_BIN:-}
if [ -z "$terraform" ]; then
  terraform=$(command -v terraform || true)
fi
if [ -z "$terraform" ] && [ -x "$root/.tools/bin/terraform" ]; then
  terraform="$root/.tools/bin/terraform"
fi
echo
next_steps() {
  echo
  echo "== Next, in your own KKP repository =="
  echo "  $bin init --platform github   # or gitlab, bitbucket: writes the pipeline file"
  echo "  $bin doctor                   # what each stage will need: tools, secrets, layout"
  echo "  $bin explain                  # every stage's decision for your branch"
}
if [ -z "$terraform" ]; then
  echo "== terraform-validate and terraform-plan: skipped, no terraform on PATH (set KKP_TERRAFORM_BIN) =="
  next_steps
  exit 0
fi
export KKP_TERRAFORM_BIN="$terraform"
echo "== The pull request's main job, for real: terraform-validate and terraform-plan =="
"$bin" terraform-validate --platform local --force --working-directory terraform/aws
echo
"$bin" terraform-plan --platform local --force --working-directory terraform/aws
next_steps
