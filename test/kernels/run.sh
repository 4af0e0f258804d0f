#!/usr/bin/env bash
# Runs the conformance suite (test/kernels/conformance.mjs) on a second
# kernel: a distribution kernel booted under QEMU with an initramfs made from
# this machine's own files (node, the dist/ bundle, bash and the coreutils
# the workload calls). The host's kernel often refuses function tracing
# (lockdown), so this is where the fexit branch of the attach plan is tried:
# the suite runs twice, once with the default plan (file_open must pick
# fexit) and once with --no-function-hooks (the tracepoint fallback).
#
# The kernel is the distribution's own package, downloaded with
# `apt-get download` and unpacked with `dpkg -x`, never installed. Both it
# and the .deb are cached (CS_KERNELS_CACHE) so a second run is fast.
#
# Environment:
#   CS_KERNELS          kernel packages to boot, space separated; a meta
#                       package stands for the version it depends on (default:
#                       linux-image-cloud-amd64 on Debian, linux-image-virtual
#                       on Ubuntu, which has no Debian kernels, and the newest
#                       6.12 kernel of that flavour apt knows: 6.1 and 6.12)
#   CS_KERNELS_CACHE    download cache (default ~/.cache/cicd-sensor-kernels)
#   CS_KERNELS_ACCEL    qemu accelerator (default tcg: KVM is unreliable on
#                       nested hosts, and TCG behaves the same everywhere)
#   CS_KERNELS_TIMEOUT  seconds one VM may run (default 1800)
#   CS_KERNELS_EXPECT   file_open mechanism the default plan must pick (fexit)
#   CS_KERNELS_QUIET=1  do not stream the VM console while it runs
#   CS_KERNELS_BPF_OBJECT  a sensor.bpf.o to use instead of dist's (to try a
#                       BPF change without rebuilding dist/)
#
# Exits 0 only when every run on every kernel passed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${CS_KERNELS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cicd-sensor-kernels}
accel=${CS_KERNELS_ACCEL:-tcg}
vm_timeout=${CS_KERNELS_TIMEOUT:-1800}
expect_open=${CS_KERNELS_EXPECT:-fexit}
# The workload's own commands, as workload.sh and conformance.mjs call them.
tools=(bash seq dirname /bin/echo /bin/true /bin/cat /bin/rm /bin/mv /bin/ln mkdir rmdir unshare mount)

tmp=
qemu_pid=
tail_pid=

log() { printf 'kernels: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 1
}

# Never leave a VM behind, whatever ended the script. qemu_pid is timeout's
# pid: killing it outright would orphan qemu, so qemu's own pidfile is used too.
stop_vm() {
	local vm
	[[ -n $qemu_pid ]] || return 0
	vm=$(cat "$tmp/qemu.pid" 2>/dev/null || true)
	kill -TERM "$qemu_pid" 2>/dev/null || true
	if [[ -n $vm ]]; then kill -KILL "$vm" 2>/dev/null || true; fi
	wait "$qemu_pid" 2>/dev/null || true
	qemu_pid=
}

cleanup() {
	stop_vm
	if [[ -n $tail_pid ]]; then kill "$tail_pid" 2>/dev/null || true; fi
	if [[ -n $tmp ]]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() {
	if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

ensure_host_tools() {
	local missing=()
	command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
	command -v curl >/dev/null || missing+=(curl)
	command -v openssl >/dev/null || missing+=(openssl)
	busybox_path >/dev/null || missing+=(busybox-static)
	command -v node >/dev/null || die "node is needed on the host (it is copied into the VM)"
	[[ -f $repo/dist/cli.js ]] || die "no dist/cli.js: build the bundle first"
	if ((${#missing[@]})); then
		log "installing ${missing[*]}"
		as_root apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
			{ as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
	fi
}

# A statically linked busybox: the init's shell and mounts, before any library is there.
busybox_path() {
	local b
	for b in /bin/busybox /usr/bin/busybox; do
		if [[ -x $b ]] && ! ldd "$b" >/dev/null 2>&1; then
			echo "$b"
			return 0
		fi
	done
	return 1
}

# The versioned kernel package a meta package points at (linux-image-cloud-amd64 -> linux-image-6.1.0-NN-cloud-amd64).
resolve_meta() {
	local pkg=$1 i dep
	for i in 1 2 3 4; do
		[[ $pkg =~ ^linux-image-(unsigned-)?[0-9]+\.[0-9]+\.[0-9]+ ]] && { echo "$pkg"; return 0; }
		dep=$(apt-cache depends "$pkg" 2>/dev/null | awk '$1 ~ /Depends:/ && $2 ~ /^linux-image-/ {print $2; exit}')
		[[ -n $dep ]] || return 1
		pkg=$dep
	done
	return 1
}

# The newest 6.12 kernel of the same flavour (Debian 12 ships it beside its
# 6.1): the suite runs on an older and a newer long-term kernel, since the
# hooks' kernel functions and tracepoints changed between them.
newest_612() {
	apt-cache pkgnames linux-image-6.12. 2>/dev/null | grep -E "^linux-image-6\.12\.[0-9.+a-z]*-$1\$" | sort -V | tail -n 1
}

default_kernels() {
	local meta first flavour second
	for meta in linux-image-cloud-amd64 linux-image-virtual; do
		if apt-cache show "$meta" >/dev/null 2>&1; then
			first=$(resolve_meta "$meta") || continue
			flavour=${meta#linux-image-}
			second=$(newest_612 "$flavour")
			if [[ -n $second && $second != "$first" ]]; then echo "$first $second"; else echo "$first"; fi
			return 0
		fi
	done
	return 1
}

# The versioned packages to boot; fresh containers have no package lists until apt-get update.
kernel_packages() {
	local names=() pkg versioned out=()
	if [[ -z ${CS_KERNELS:-} ]] && ! default_kernels >/dev/null; then as_root apt-get update >/dev/null; fi
	read -r -a names <<<"${CS_KERNELS:-$(default_kernels || true)}"
	((${#names[@]})) || die "cannot find a kernel package (set CS_KERNELS, e.g. CS_KERNELS=linux-image-cloud-amd64)"
	for pkg in "${names[@]}"; do
		versioned=$(resolve_meta "$pkg") || die "$pkg: not a kernel package apt knows (apt-get update?)"
		out+=("$versioned")
	done
	echo "${out[*]}"
}

# Downloads and unpacks a kernel package once; prints the directory holding vmlinuz (and config when the package has it).
fetch_kernel() {
	local pkg=$1 dir=$cache/$1 dl
	if [[ -s $dir/vmlinuz ]]; then
		echo "$dir"
		return 0
	fi
	mkdir -p "$cache"
	dl=$(mktemp -d "$cache/.dl.XXXXXX")
	# apt's sandbox user must be able to write where it downloads.
	chmod 755 "$dl"
	log "downloading $pkg"
	(cd "$dl" && apt-get download -o APT::Sandbox::User="$(id -un)" "$pkg" >/dev/null) || { rm -rf "$dl"; die "apt-get download $pkg failed"; }
	dpkg -x "$dl"/*.deb "$dl/x"
	rm -rf "$dir.new"
	mkdir -p "$dir.new"
	cp "$dl"/x/boot/vmlinuz-* "$dir.new/vmlinuz" 2>/dev/null || { rm -rf "$dl" "$dir.new"; die "$pkg has no /boot/vmlinuz-*"; }
	cp "$dl"/x/boot/config-* "$dir.new/config" 2>/dev/null || true
	rm -rf "$dl" "$dir"
	mv "$dir.new" "$dir"
	echo "$dir"
}

# The kernel's default LSM order plus bpf (BPF LSM programs need it active).
lsm_list() {
	local config=$1/config list
	list=$( [[ -f $config ]] && sed -n 's/^CONFIG_LSM="\(.*\)"$/\1/p' "$config" || true)
	list=${list:-landlock,lockdown,yama,integrity,apparmor}
	[[ ,$list, == *,bpf,* ]] || list=$list,bpf
	echo "$list"
}

. "$here/initramfs.sh"

# Boots one kernel, runs both suites inside; the results come back on a second serial port.
run_kernel() {
	local pkg=$1 kdir append start rc=0
	kdir=$(fetch_kernel "$pkg")
	append="console=ttyS0 rdinit=/init panic=-1 quiet loglevel=4 lsm=$(lsm_list "$kdir") cs.expect=$expect_open"
	rm -f "$tmp/console.log" "$tmp/results.log" "$tmp/qemu.pid"
	log "booting $pkg ($accel) with: $append"
	start=$SECONDS
	timeout --kill-after=10 "$vm_timeout" qemu-system-x86_64 -accel "$accel" -cpu max -smp 2 -m 3072 \
		-display none -monitor none -no-reboot -pidfile "$tmp/qemu.pid" \
		-kernel "$kdir/vmlinuz" -initrd "$tmp/initramfs.cpio" -append "$append" \
		-serial "file:$tmp/console.log" -serial "file:$tmp/results.log" &
	qemu_pid=$!
	if [[ ${CS_KERNELS_QUIET:-} != 1 ]]; then
		touch "$tmp/console.log"
		tail -n +1 -F --pid="$qemu_pid" "$tmp/console.log" 2>/dev/null | sed -u 's/\r$//; s/^/  vm| /' >&2 &
		tail_pid=$!
	fi
	wait "$qemu_pid" || rc=$?
	qemu_pid=
	rm -f "$tmp/qemu.pid"
	sleep 0.5
	if [[ -n $tail_pid ]]; then kill "$tail_pid" 2>/dev/null || true; tail_pid=; fi
	if ((rc == 124 || rc == 137)); then
		log "$pkg: the VM did not finish within ${vm_timeout}s and was killed"
	fi
	log "$pkg: VM ran $((SECONDS - start))s"
	if [[ ${CS_KERNELS_QUIET:-} == 1 ]] && ! grep -q '^CS-VM done' <(tr -d '\r' <"$tmp/results.log" 2>/dev/null); then
		tail -n 80 "$tmp/console.log" >&2 || true
	fi
	node "$here/summarize.mjs" "$pkg" "$tmp/results.log"
}

main() {
	local kernels pkgs pkg failed=0
	ensure_host_tools
	pkgs=$(kernel_packages)
	read -r -a kernels <<<"$pkgs"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/cs-kernels.XXXXXX")
	local t=$SECONDS
	build_initramfs "$tmp/root" "$tmp/initramfs.cpio"
	log "initramfs: $(du -m "$tmp/initramfs.cpio" | cut -f1) MiB in $((SECONDS - t))s"
	for pkg in "${kernels[@]}"; do
		run_kernel "$pkg" || failed=1
	done
	if ((failed)); then
		log "FAILED"
		return 1
	fi
	log "all kernels passed: ${kernels[*]}"
}

main "$@"
