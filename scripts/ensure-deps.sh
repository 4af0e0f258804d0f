#!/usr/bin/env bash
# Installs what building and testing need, only when it is missing, so every
# README command works on a fresh machine and costs nothing the second time.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v clang >/dev/null || need_pkgs+=(clang)
command -v llvm-strip >/dev/null || need_pkgs+=(llvm)
command -v bpftool >/dev/null || need_pkgs+=(bpftool)
command -v gcc >/dev/null || need_pkgs+=(gcc)
command -v make >/dev/null || need_pkgs+=(make)
[ -f /usr/include/bpf/libbpf.h ] || need_pkgs+=(libbpf-dev)
[ -f /usr/include/libelf.h ] || need_pkgs+=(libelf-dev)
[ -f /usr/include/zlib.h ] || need_pkgs+=(zlib1g-dev)
for extra in "$@"; do
  dpkg -s "$extra" >/dev/null 2>&1 || need_pkgs+=("$extra")
done

if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing packages: ${need_pkgs[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "installing: ${need_pkgs[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
