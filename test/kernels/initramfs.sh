# Sourced by run.sh: builds the VM's initramfs from this machine's files.
# Binaries keep their real paths (so exec paths in events look as on the
# host) and get the libraries ldd lists; /bin, /lib and /lib64 point into
# /usr as on a merged-/usr host.

# Copies a file to the same path under root, following symlinks.
copy_file() {
	local root=$1 src=$2
	mkdir -p "$root$(dirname "$src")"
	cp -L "$src" "$root$src"
}

copy_libs() {
	local root=$1 bin=$2 lib
	# "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
	for lib in $(ldd "$bin" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
		[[ -e $root$lib ]] || copy_file "$root" "$lib"
	done
}

copy_bin() {
	local root=$1 real
	real=$(readlink -f "$(command -v "$2")") || die "$2 not found on this machine"
	copy_file "$root" "$real"
	copy_libs "$root" "$real"
}

write_init() {
	cat >"$1/init" <<'EOF'
#!/busybox sh
# PID 1 in the VM: mounts what the sensor needs, runs the suite twice, powers off.
# Human-readable output goes to the console (ttyS0); results to ttyS1.
bb=/busybox
export PATH=/usr/local/bin:/usr/bin:/bin HOME=/root TMPDIR=/tmp
$bb mount -t proc proc /proc
$bb mount -t sysfs sysfs /sys
$bb mount -t devtmpfs devtmpfs /dev
$bb mount -t tmpfs tmpfs /tmp
$bb mount -t cgroup2 cgroup2 /sys/fs/cgroup
$bb mount -t tracefs tracefs /sys/kernel/tracing
$bb mount -t bpf bpf /sys/fs/bpf
$bb mount -t securityfs securityfs /sys/kernel/security
$bb ip link set lo up
out=/dev/ttyS1
$bb stty -F $out raw -echo 2>/dev/null
expect=$($bb sed -n 's/.*cs\.expect=\([a-z]*\).*/\1/p' /proc/cmdline)
say() { echo "$*" >$out; }
say "CS-VM info kernel $($bb uname -r)"
say "CS-VM info lsm $($bb cat /sys/kernel/security/lsm 2>/dev/null)"
say "CS-VM info lockdown $($bb cat /sys/kernel/security/lockdown 2>/dev/null)"
say "CS-VM info btf $($bb ls /sys/kernel/btf/vmlinux 2>/dev/null)"
cd /repo
suite() {
	label=$1
	shift
	echo "== suite $label: node test/kernels/conformance.mjs $*"
	start=$($bb date +%s)
	node test/kernels/conformance.mjs --label "$label" --result-file /tmp/$label.json "$@"
	rc=$?
	say "CS-VM result $label rc=$rc seconds=$(($($bb date +%s) - start)) $($bb cat /tmp/$label.json 2>/dev/null)"
}
suite default --expect-file-open "${expect:-fexit}" --expect-protect lsm
suite no-function-hooks --no-function-hooks
say "CS-VM done"
$bb sync
$bb reboot -f
EOF
	chmod 755 "$1/init"
}

build_initramfs() {
	local root=$1 out=$2 bb t
	bb=$(busybox_path) || die "no static busybox"
	mkdir -p "$root"/{usr/bin,usr/sbin,usr/lib,usr/lib64,usr/local/bin,proc,sys,dev,tmp,run,root,etc,repo/test}
	ln -s usr/bin "$root/bin"
	ln -s usr/sbin "$root/sbin"
	ln -s usr/lib "$root/lib"
	ln -s usr/lib64 "$root/lib64"
	cp "$bb" "$root/busybox"
	for t in "${tools[@]}"; do copy_bin "$root" "$t"; done
	# The sensor starts the command through /bin/sh (dash on Debian and Ubuntu).
	copy_bin "$root" /bin/sh
	[[ -e $root/usr/bin/sh ]] || ln -s "$(basename "$(readlink -f /bin/sh)")" "$root/usr/bin/sh"
	# node wherever it lives on the host (setup-node puts it under /opt): in the VM it is /usr/bin/node.
	cp -L "$(command -v node)" "$root/usr/bin/node"
	copy_libs "$root" "$(command -v node)"
	cp -r "$repo/dist" "$root/repo/dist"
	# Trying a BPF change without rebuilding dist/: make -C bpf OUT=/tmp/x, then CS_KERNELS_BPF_OBJECT=/tmp/x/sensor.bpf.o.
	if [[ -n ${CS_KERNELS_BPF_OBJECT:-} ]]; then
		log "using BPF object $CS_KERNELS_BPF_OBJECT instead of dist/sensor.bpf.o"
		cp "$CS_KERNELS_BPF_OBJECT" "$root/repo/dist/sensor.bpf.o"
	fi
	for t in $(find "$repo/dist" -name '*.so*' -o -name '*.node'); do copy_libs "$root" "$t"; done
	mkdir -p "$root/repo/test/kernels"
	cp -r "$repo/test/fixtures" "$root/repo/test/fixtures"
	cp "$here/conformance.mjs" "$root/repo/test/kernels/"
	# The TLS client whose libssl the http_request uprobes attach to, and its server's key (the VM has no openssl).
	copy_bin "$root" curl
	mkdir -p "$root/repo/test/kernels/tls"
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$root/repo/test/kernels/tls/key.pem" \
		-out "$root/repo/test/kernels/tls/cert.pem" 2>/dev/null
	# protect-runner's dumper and the memfd exec, built here: the VM has no compiler.
	gcc -O2 -o "$root/usr/local/bin/cs-dumper" "$repo/test/fixtures/dumper.c"
	gcc -O2 -o "$root/usr/local/bin/cs-memfdexec" "$repo/test/fixtures/memfdexec.c"
	printf 'root:x:0:0:root:/root:/bin/bash\n' >"$root/etc/passwd"
	printf 'root:x:0:\n' >"$root/etc/group"
	printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
	write_init "$root"
	(cd "$root" && find . | LC_ALL=C sort | "$bb" cpio -o -H newc -R 0:0 2>/dev/null) >"$out"
}
