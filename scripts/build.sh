#!/usr/bin/env bash
# Rebuilds bpf/, native/ and dist/ from source. dist/ is committed: the
# action runs from it with no install step, so it must hold every file a
# runner needs (bundles, koffi's native module, the BPF object, our library
# and the libbpf/libelf it links).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

make -s -C bpf
make -s -C native

mkdir -p dist/lib
cp bpf/build/sensor.bpf.o dist/sensor.bpf.o
cp native/build/libcicdsensor.so dist/lib/libcicdsensor.so
multiarch=$(gcc -print-multiarch)
for lib in libbpf.so.1 libelf.so.1; do
  cp -L "/usr/lib/$multiarch/$lib" "dist/lib/$lib"
done
chmod 0644 dist/lib/*.so* dist/sensor.bpf.o
node scripts/bundle.mjs
