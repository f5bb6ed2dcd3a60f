#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock.
# On Debian as root it installs docker.io and starts dockerd with no bridge network, so no
# sandbox can ever be given a network (see ../shared/ENVIRONMENT.md). Elsewhere it explains
# what to do instead of guessing. Every system step says what it does before doing it.
set -euo pipefail
log() { echo "[assay:docker] $*"; }

if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "no Docker engine installed: installing Debian's docker.io with apt-get (about 20 s)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  else
    echo "Assay needs a Docker engine. Install Docker (https://docs.docker.com/engine/install/)," >&2
    echo "start it, and run this command again." >&2
    exit 1
  fi
fi

if [ "$(id -u)" != 0 ]; then
  echo "A Docker engine is installed but not running, and starting it needs root." >&2
  echo "Start it (for example: sudo systemctl start docker) and run this command again." >&2
  exit 1
fi

mkdir -p /var/log/assay
log "starting dockerd without a bridge network (log: /var/log/assay/dockerd.log)"
rm -f /var/run/docker.pid
nohup dockerd --bridge=none --iptables=false --ip-masq=false >/var/log/assay/dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    log "engine ready: Docker $(docker version --format '{{.Server.Version}}')"
    exit 0
  fi
  sleep 0.5
done
echo "dockerd did not become ready in 30 s; see /var/log/assay/dockerd.log" >&2
exit 1
