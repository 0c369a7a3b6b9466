# syntax=docker/dockerfile:1
# The kkp-delivery image: the static (musl) binaries and the tools the stages run, each tool
# pinned in docker/tools.lock and verified by SHA-256 before it is unpacked. GitLab components
# and the Bitbucket pipe run in it, tagged with the release version.
#
# kubermatic-installer is not baked in: its version must match the KKP release a repository
# installs, so kkp-deploy downloads it for KKP_VERSION and verifies it at run time.

ARG RUST_VERSION=1.88
ARG DEBIAN_RELEASE=bookworm

FROM rust:${RUST_VERSION}-slim-${DEBIAN_RELEASE} AS build
ARG TARGETARCH
# musl-tools: the C and assembly parts of ring (the TLS stack's crypto provider) link
# statically too; ring needs no cmake or perl (aws-lc did).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/*
# The commit the binary is built from (`init` pins the actions to it): the build context has
# no .git, so the release passes it.
ARG KKP_DELIVERY_SOURCE_COMMIT=""
WORKDIR /src
COPY . .
RUN case "$TARGETARCH" in \
      amd64) target=x86_64-unknown-linux-musl ;; \
      arm64) target=aarch64-unknown-linux-musl ;; \
      *) echo "unsupported TARGETARCH $TARGETARCH" >&2; exit 1 ;; \
    esac \
 && rustup target add "$target" \
 && cargo build --release --locked --target "$target" --bin kkp-delivery \
 && mkdir -p /out/bin \
 && cp "target/$target/release/kkp-delivery" /out/bin/ \
 && for stage in terraform-validate terraform-backend-prepare terraform-plan terraform-apply kubeone-apply deploy dns-update flux-bootstrap; do \
      ln -s kkp-delivery "/out/bin/kkp-$stage"; \
    done

FROM debian:${DEBIAN_RELEASE}-slim AS tools
ARG TARGETARCH
SHELL ["/bin/sh", "-eu", "-c"]
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*
COPY docker/tools.lock docker/install-tools.sh /pins/
RUN /pins/install-tools.sh /opt/tools "$TARGETARCH"

FROM debian:${DEBIAN_RELEASE}-slim
# git: the changed-files fallback; openssh-client: kubeone's agent and flux over SSH;
# python3: gcloud (terraform-backend-prepare's GCS bucket).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates git openssh-client python3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --shell /usr/sbin/nologin kkp
COPY --from=tools /opt/tools /opt/tools
COPY --from=build /out/bin/ /usr/local/bin/
ENV PATH=/opt/tools/bin:$PATH
# Non-root; a platform that mounts the checkout with another owner can run it as that user.
USER 10001
# A Bitbucket pipe runs the image with its variables only: STAGE names the stage.
ENTRYPOINT ["/usr/local/bin/kkp-delivery"]
