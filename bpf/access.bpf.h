/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Job processes reaching into other processes (process_access), and
 * protect-runner: stopping such an access to a protected process
 * (Runner.Worker, the sensor) before it reads a byte.
 *
 * What is watched: ptrace(2), process_vm_readv(2)/process_vm_writev(2) at
 * syscall entry, and opens of /proc/<pid>/mem and the files that lay out a
 * process's memory (maps, smaps, ...), judged at the open's exit on the
 * struct file the kernel actually opened. A path string would not do: a
 * dumper reaches the same file through a dirfd, /proc/self/../<pid>, a
 * symlink or /proc/thread-self. The opened file's superblock (procfs), its
 * dentry's own name (procfs files cannot be renamed or linked) and the
 * struct pid procfs keeps in its inode name both file and target exactly.
 * (Its f_op, proc_mem_operations, would be exacter still, but it is a
 * static symbol: not in BTF, and not in kallsyms on every kernel.)
 *
 * How a protected process is protected, per the attach plan (protect_mode):
 *  - CS_PREVENT_LSM: lsm/ptrace_access_check refuses every attach-mode
 *    access check (ptrace attach/seize, process_vm_readv/writev, and the
 *    open of /proc/<pid>/mem), and lsm/file_open refuses the mem open
 *    before procfs's own open runs, both with -EPERM.
 *  - CS_PREVENT_SIGNAL (no BPF LSM, e.g. lockdown): bpf_send_signal(SIGKILL)
 *    from the syscall-entry hooks and from the open's exit. The signal is
 *    acted on before the task returns to user space, so the caller never
 *    runs another instruction: nothing it read can be written anywhere.
 *    (The kernel's own page walks also stop at a pending fatal signal.)
 *
 * Protected processes live in protected_tasks, keyed by every thread id
 * (ptrace and process_vm_readv take a thread's id as readily as the
 * process's): the tracker adds a process with its threads, this header
 * adds the threads it starts later and forgets threads as they exit.
 */
#ifndef CICD_SENSOR_ACCESS_BPF_H
#define CICD_SENSOR_ACCESS_BPF_H

#include "common.bpf.h"

#define PROC_SUPER_MAGIC 0x9fa0
#define SIGKILL 9
/* include/linux/ptrace.h: the mode bit of an access check that can read or change memory. */
#define PTRACE_MODE_ATTACH 0x02
#define EPERM 1
#define PTRACE_PEEKTEXT 1
#define PTRACE_PEEKUSR 3
#define PTRACE_POKETEXT 4
#define PTRACE_POKEUSR 6
#define PTRACE_GETREGS 12
#define PTRACE_SETREGS 13
#define PTRACE_ATTACH 16
#define PTRACE_GETREGSET 0x4204
#define PTRACE_SETREGSET 0x4205
#define PTRACE_SEIZE 0x4206

/* Thread id -> its process's tgid, for every thread of every protected process. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} protected_tasks SEC(".maps");

/* enum cs_prevention: the mechanism the attach plan chose (CS_PREVENT_NONE: record only). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} protect_mode SEC(".maps");

struct access_key {
	__u32 tgid;
	__u32 target;
	__u64 start_time_ns;
	__u32 request;
	__u8 op;
	__u8 proc_file;
	__u8 write;
	__u8 pad;
};

/*
 * Protected processes a prevented PTRACE_ATTACH was aimed at: the attach
 * itself still happens (the SIGKILL acts only on the way back to user
 * space) and sends the target SIGSTOP, which cs_signal_deliver cancels.
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u8);
} stopped_by_attach SEC(".maps");

/* One record per process, target and kind of access: a debugger peeks thousands of times. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct access_key);
	__type(value, __u8);
} access_seen SEC(".maps");

/* The protected process a thread id belongs to (its tgid), or 0. */
static __always_inline __u32 protected_tgid(__u32 tid)
{
	__u32 *tgid = bpf_map_lookup_elem(&protected_tasks, &tid);

	return tgid ? *tgid : 0;
}

/* Called by the fork hook for every new thread: a protected process's new threads are protected too. */
static __always_inline void protect_new_thread(__u32 tgid, __u32 tid)
{
	if (protected_tgid(tgid))
		bpf_map_update_elem(&protected_tasks, &tid, &tgid, BPF_ANY);
}

/* Called by the exit hook for every exiting thread: a reused thread id must not stay protected. */
static __always_inline void forget_protected_thread(struct task_struct *p, bool last)
{
	__u32 tid = BPF_CORE_READ(p, pid), tgid = BPF_CORE_READ(p, tgid);

	if (tid != tgid)
		bpf_map_delete_elem(&protected_tasks, &tid);
	if (last)
		bpf_map_delete_elem(&protected_tasks, &tgid);
}

static __always_inline __u32 prevention_mode(void)
{
	__u32 zero = 0, *mode = bpf_map_lookup_elem(&protect_mode, &zero);

	return mode ? *mode : CS_PREVENT_NONE;
}

/*
 * Stops the current process's access to a protected one, from a hook where
 * the access has not happened yet (syscall entry) or where its result has
 * not reached user space (open exit). Returns how (enum cs_prevention).
 */
static __always_inline __u8 prevent_access(void)
{
	__u32 mode = prevention_mode();

	if (mode == CS_PREVENT_SIGNAL)
		return bpf_send_signal(SIGKILL) == 0 ? CS_PREVENT_SIGNAL : CS_PREVENT_NONE;
	/* The LSM hooks refuse it themselves (they run for every such access). */
	return mode == CS_PREVENT_LSM ? CS_PREVENT_LSM : CS_PREVENT_NONE;
}

/*
 * A pid the caller passed names a host process only when the caller is in
 * the root pid namespace. Protected processes live there, and a process in
 * a child namespace cannot name them at all.
 */
static __always_inline bool caller_in_root_pidns(void)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();

	return BPF_CORE_READ(task, thread_pid, level) == 0;
}

static __always_inline int send_access(struct access_key *key, __u64 target_start, __u8 prevented, __u8 target_ns)
{
	struct cs_process_access *r;
	__u8 one = 1, *buf;

	/* A prevented access is always told: the caller is gone, and it is the one that matters. */
	if (!prevented && bpf_map_lookup_elem(&access_seen, key)) {
		count_suppressed(CS_HOOK_PROCESS_ACCESS);
		return 0;
	}
	buf = scratch_buf();
	if (!buf)
		return 0;
	r = (void *)buf;
	fill_header(&r->hdr, CS_KIND_ACCESS, key->start_time_ns);
	r->target_pid = key->target;
	r->request = key->request;
	r->target_start_time_ns = target_start;
	r->op = key->op;
	r->proc_file = key->proc_file;
	r->prevented = prevented;
	r->write = key->write;
	r->target_ns = target_ns;
	__builtin_memset(r->pad, 0, sizeof(r->pad));
	if (emit(CS_HOOK_PROCESS_ACCESS, buf, sizeof(*r)) == 0 && !prevented)
		bpf_map_update_elem(&access_seen, key, &one, BPF_ANY);
	return 0;
}

/* ptrace, process_vm_readv/writev at entry: pid as the caller passed it. */
static __always_inline int access_at_entry(__u8 op, __u32 request, __u32 pid, bool write)
{
	struct access_key key = {};
	bool root_ns;
	__u32 tgid = 0;
	__u8 prevented = CS_PREVENT_NONE;

	if (!current_tracked())
		return 0;
	root_ns = caller_in_root_pidns();
	if (root_ns)
		tgid = protected_tgid(pid);
	if (tgid)
		prevented = prevent_access();
	if (prevented == CS_PREVENT_SIGNAL && op == CS_ACCESS_OP_PTRACE && request == PTRACE_ATTACH) {
		__u8 one = 1;

		bpf_map_update_elem(&stopped_by_attach, &tgid, &one, BPF_ANY);
	}
	key.tgid = bpf_get_current_pid_tgid() >> 32;
	if (root_ns && pid == key.tgid)
		return 0; /* its own memory */
	key.target = tgid ? tgid : pid;
	key.start_time_ns = current_start_time();
	key.request = request;
	key.op = op;
	key.write = write;
	return send_access(&key, 0, prevented, !root_ns);
}


/* The requests that take hold of a process or read or change its memory or registers. */
static __always_inline bool ptrace_request_watched(long req)
{
	return (req >= PTRACE_PEEKTEXT && req <= PTRACE_POKEUSR) || req == PTRACE_GETREGS ||
	       req == PTRACE_SETREGS || req == PTRACE_ATTACH || req == PTRACE_GETREGSET ||
	       req == PTRACE_SETREGSET || req == PTRACE_SEIZE;
}

SEC("tracepoint/syscalls/sys_enter_ptrace")
int cs_enter_ptrace(struct trace_event_raw_sys_enter *ctx)
{
	long req = ctx->args[0];

	if (!ptrace_request_watched(req))
		return 0;
	return access_at_entry(CS_ACCESS_OP_PTRACE, req, ctx->args[1],
			       (req >= PTRACE_POKETEXT && req <= PTRACE_POKEUSR) || req == PTRACE_SETREGS ||
				       req == PTRACE_SETREGSET);
}

SEC("tracepoint/syscalls/sys_enter_process_vm_readv")
int cs_enter_process_vm_readv(struct trace_event_raw_sys_enter *ctx)
{
	return access_at_entry(CS_ACCESS_OP_VM_READV, 0, ctx->args[0], false);
}

SEC("tracepoint/syscalls/sys_enter_process_vm_writev")
int cs_enter_process_vm_writev(struct trace_event_raw_sys_enter *ctx)
{
	return access_at_entry(CS_ACCESS_OP_VM_WRITEV, 0, ctx->args[0], true);
}

/* name equals s, NUL included (clang leaves a memcmp call behind, which BPF has not). */
static __always_inline bool name_is(const char name[16], const char *s, int len)
{
	int i;

#pragma unroll
	for (i = 0; i < 16; i++) {
		if (i > len)
			break;
		if (name[i] != s[i])
			return false;
	}
	return true;
}

#define SIGCONT 18
#define SIGSTOP 19
#define SI_KERNEL 0x80

/*
 * The SIGSTOP a prevented PTRACE_ATTACH sent (ptrace_attach sends it with
 * SEND_SIG_PRIV, hence SI_KERNEL) would leave the protected process
 * stopped once its dead tracer is detached: a Runner.Worker that hangs,
 * or a sensor that stops reading. When the target takes that SIGSTOP,
 * SIGCONT is sent to it: SIGCONT clears a stop being entered (prepare_signal
 * drops JOBCTL_STOP_DEQUEUED) and wakes one already entered. Delivery runs
 * under the siglock, so bpf_send_signal queues it as irq_work, which runs as
 * soon as the lock is dropped.
 */
SEC("tracepoint/signal/signal_deliver")
int cs_signal_deliver(struct trace_event_raw_signal_deliver *ctx)
{
	__u32 tgid;

	if (ctx->sig != SIGSTOP || ctx->code != SI_KERNEL)
		return 0;
	tgid = bpf_get_current_pid_tgid() >> 32;
	if (!bpf_map_lookup_elem(&stopped_by_attach, &tgid))
		return 0;
	bpf_map_delete_elem(&stopped_by_attach, &tgid);
	bpf_send_signal(SIGCONT);
	return 0;
}

/* enum cs_proc_file of a procfs dentry name, or 0. */
static __always_inline __u8 proc_file_of(const char name[16])
{
	if (name_is(name, "mem", 3))
		return CS_PROC_MEM;
	if (name_is(name, "maps", 4))
		return CS_PROC_MAPS;
	if (name_is(name, "smaps", 5))
		return CS_PROC_SMAPS;
	if (name_is(name, "smaps_rollup", 12))
		return CS_PROC_SMAPS_ROLLUP;
	if (name_is(name, "numa_maps", 9))
		return CS_PROC_NUMA_MAPS;
	if (name_is(name, "pagemap", 7))
		return CS_PROC_PAGEMAP;
	return 0;
}

/*
 * When file is one of another process's /proc/<pid>/ memory files, fills
 * key (target tgid and start, proc_file) and returns true. The target is
 * the task procfs keeps in the inode, so /proc/<pid>/task/<tid>/mem names
 * the thread's process.
 */
static __always_inline bool proc_memory_file(struct file *file, struct inode *inode, struct access_key *key,
					     __u64 *target_start)
{
	struct hlist_node *first;
	struct task_struct *task;
	struct pid *pid;
	char name[16] = {};

	if (!inode || BPF_CORE_READ(inode, i_sb, s_magic) != PROC_SUPER_MAGIC)
		return false;
	bpf_probe_read_kernel_str(name, sizeof(name), BPF_CORE_READ(file, f_path.dentry, d_name.name));
	key->proc_file = proc_file_of(name);
	if (!key->proc_file)
		return false;
	pid = BPF_CORE_READ((struct proc_inode *)((void *)inode - bpf_core_field_offset(struct proc_inode, vfs_inode)),
			    pid);
	first = pid ? BPF_CORE_READ(pid, tasks[PIDTYPE_PID].first) : NULL;
	if (!first)
		return false; /* not a per-process file, or the process is gone */
	task = (void *)first - bpf_core_field_offset(struct task_struct, pid_links);
	key->target = BPF_CORE_READ(task, tgid);
	key->tgid = bpf_get_current_pid_tgid() >> 32;
	if (key->target == key->tgid)
		return false; /* its own memory (/proc/self/maps is read by every allocator) */
	key->start_time_ns = current_start_time();
	key->op = CS_ACCESS_OP_PROC_OPEN;
	*target_start = task_start_time(task);
	return true;
}

/* Called by the open hooks once the kernel has opened file (flags as the caller passed them). */
static __always_inline void access_at_open(struct file *file, struct inode *inode, __u32 flags)
{
	struct access_key key = {};
	__u8 prevented = CS_PREVENT_NONE;
	__u64 target_start = 0;

	if (!proc_memory_file(file, inode, &key, &target_start))
		return;
	key.write = (flags & 3) != 0; /* O_WRONLY or O_RDWR */
	if (key.proc_file == CS_PROC_MEM && protected_tgid(key.target))
		prevented = prevent_access();
	send_access(&key, target_start, prevented, 0);
}

/*
 * BPF LSM: refuses before anything happens. ptrace_access_check runs for
 * ptrace attach, process_vm_readv/writev and the mem open (mm_access) alike;
 * only attach-mode checks are refused, so reading another process's
 * /proc/<pid>/status or cmdline (read mode) goes on. The syscall-entry
 * hooks record the ptrace and process_vm_* attempts.
 */
SEC("lsm/ptrace_access_check")
int BPF_PROG(cs_lsm_ptrace_access, struct task_struct *child, unsigned int mode, int ret)
{
	if (ret || !(mode & PTRACE_MODE_ATTACH) || !current_tracked())
		return ret;
	return protected_tgid(BPF_CORE_READ(child, tgid)) ? -EPERM : 0;
}

/* The mem open fails here, so no open exit records it: this hook does. */
SEC("lsm/file_open")
int BPF_PROG(cs_lsm_file_open, struct file *file, int ret)
{
	struct access_key key = {};
	__u64 target_start = 0;

	if (ret || !current_tracked() || !proc_memory_file(file, BPF_CORE_READ(file, f_inode), &key, &target_start))
		return ret;
	if (key.proc_file != CS_PROC_MEM || !protected_tgid(key.target))
		return 0;
	key.write = (BPF_CORE_READ(file, f_flags) & 3) != 0;
	send_access(&key, target_start, CS_PREVENT_LSM, 0);
	return -EPERM;
}

#endif
