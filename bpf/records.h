/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Kernel-to-userspace record layouts, shared by bpf/ and native/ and mirrored
 * by src/kernel/layout.ts (a test compares the two). Only types and constants
 * live here. Every record starts with struct cs_header; padding is explicit
 * and zeroed so no kernel memory leaks into a record.
 */
#ifndef CICD_SENSOR_RECORDS_H
#define CICD_SENSOR_RECORDS_H

/* Bumped on any layout change; checked by the native library and the decoder. */
#define CS_ABI_VERSION 4

#define CS_ARGV_MAX 2048
#define CS_PATH_MAX 1024
#define CS_EXEC_PATH_MAX 512
#define CS_CWD_MAX 512
#define CS_UNIX_PATH_MAX 108
#define CS_CGROUP_NAME_MAX 128
/* Docker cgroup basenames: 64 hex chars, "docker-<id>.scope" under systemd. */
#define CS_STAGING_KEY_MAX 80

enum cs_kind {
	CS_KIND_EXEC = 1,
	CS_KIND_FORK = 2,
	CS_KIND_EXIT = 3,
	CS_KIND_CGROUP = 4,
	CS_KIND_CONNECT = 5,
	CS_KIND_FILE_OPEN = 6,
	CS_KIND_FILE_OP = 7,
	CS_KIND_UNIX_CONNECT = 8,
	CS_KIND_DOMAIN = 9,
	CS_KIND_ACCESS = 10,
	CS_KIND_MOUNT = 11,
	CS_KIND_HTTP_REQUEST = 12,
	CS_KIND_TAMPER = 13,
};

/* Counter slots, one per hook; the names are in src/kernel/layout.ts. */
enum cs_hook {
	CS_HOOK_PROCESS_EXEC = 0,
	CS_HOOK_PROCESS_FORK,
	CS_HOOK_PROCESS_EXIT,
	CS_HOOK_CGROUP_TRACKING,
	CS_HOOK_NETWORK_CONNECT,
	CS_HOOK_UDP_SENDMSG,
	CS_HOOK_FILE_OPEN,
	CS_HOOK_FILE_REMOVE,
	CS_HOOK_FILE_MOVE,
	CS_HOOK_FILE_LINK,
	CS_HOOK_UNIX_SOCKET_CONNECT,
	CS_HOOK_DOMAIN,
	CS_HOOK_PROCESS_ACCESS,
	CS_HOOK_MOUNT,
	CS_HOOK_HTTP_REQUEST,
	CS_HOOK_TAMPER,
	CS_HOOK_MAX,
};

struct cs_counters {
	__u64 sent;
	__u64 lost;
	__u64 suppressed;
};

struct cs_config {
	__u32 self_tgid;
	/* Unread bytes in the bulk ring buffer above which a record wakes userspace. */
	__u32 wakeup_bytes;
	/* The same for the priority ring buffer. */
	__u32 priority_wakeup_bytes;
	/* CS_CFG_* bits. */
	__u32 flags;
};

/*
 * Tests: BOUNDED_LOOP (common.bpf.h) runs its plain bounded loop even where
 * the kernel has bpf_loop, so the path kernels before 5.17 take is loaded
 * and run on this one (CICD_SENSOR_DEBUG_BOUNDED_LOOPS=1).
 */
#define CS_CFG_BOUNDED_LOOPS 1u

/*
 * File records that did not fit in the bulk ring, per process (the
 * lost_files map): which processes a flood hid, and how much of each.
 */
struct cs_lost_key {
	__u32 pid; /* tgid */
	__u32 pad;
	__u64 start_time_ns;
};

struct cs_lost_files {
	__u64 cgroup_id; /* where the process was when its first record was lost */
	__u64 opens;	 /* file_open records lost */
	__u64 ops;	 /* file_remove, file_move, file_link records lost */
	char comm[16];
};

/* Processes lost_files names at most; past that the least recently updated give way. */
#define CS_LOST_FILES_MAX 4096

/* Flags in cs_header.flags. */
#define CS_F_ARGV_TRUNCATED (1u << 0)
#define CS_F_PATH_TRUNCATED (1u << 1)
#define CS_F_PATH2_TRUNCATED (1u << 2)
#define CS_F_CWD_TRUNCATED (1u << 3)
#define CS_F_ANSWERS_TRUNCATED (1u << 4) /* more DNS answers than a record holds */
#define CS_F_MEMFD (1u << 5)		   /* exec: the binary is a memfd (fileless execution) */
/* Egress policy (bpf/policy.h): the destination or DNS question is outside the job's policy... */
#define CS_F_EGRESS_DENIED (1u << 6)
/* ...and was refused (block mode): the connect or datagram got EPERM, the question was dropped. */
#define CS_F_EGRESS_BLOCKED (1u << 7)
/* unix connect: made through io_uring (IORING_OP_CONNECT); the path is the one the peer bound. */
#define CS_F_IO_URING (1u << 8)

struct cs_header {
	__u16 kind;
	__u16 size; /* whole record, header included */
	__u32 pid;  /* tgid */
	__u32 tid;
	__u32 flags;
	__u64 time_ns;	     /* CLOCK_BOOTTIME */
	__u64 cgroup_id;     /* cgroup v2 id of the task */
	__u64 start_time_ns; /* task start, CLOCK_BOOTTIME: (pid, start) names a process */
};

/*
 * Paths come in two encodings. CS_PATH_COMPONENTS: NUL-terminated names from
 * the leaf up to the root, as a dentry walk finds them (the walk cannot know
 * the total length in advance, so userspace reverses it). CS_PATH_STRING: one
 * string as the caller passed it (may be relative).
 */
enum cs_path_enc {
	CS_PATH_NONE = 0,
	CS_PATH_COMPONENTS = 1,
	CS_PATH_STRING = 2,
};

/* Followed by: exec path (components), argv (NUL-separated), cwd (components). */
struct cs_exec {
	struct cs_header hdr;
	__u32 ppid;
	__u32 uid;
	__u64 parent_start_time_ns;
	__u16 path_len;
	__u16 argv_len;
	__u16 cwd_len;
	__u16 pad;
};

struct cs_fork {
	struct cs_header hdr;
	__u32 ppid;
	__u32 uid;
	__u64 parent_start_time_ns;
};

struct cs_exit {
	struct cs_header hdr;
	/* Raw wait status as the kernel keeps it: (code << 8) | signal. */
	__u32 exit_code;
	__u32 pad;
};

enum cs_cgroup_op {
	CS_CGROUP_MKDIR = 1,   /* created under a tracked parent: tracked */
	CS_CGROUP_RMDIR = 2,   /* tracked cgroup removed: untracked */
	CS_CGROUP_ATTACH = 3,  /* tracked task moved into an untracked cgroup: tracked */
	CS_CGROUP_PROMOTE = 4, /* created with a staged basename: tracked */
};

/* Followed by the cgroup's basename (name_len bytes, no NUL). */
struct cs_cgroup {
	struct cs_header hdr;
	__u64 id;
	__u64 parent_id;
	__u32 op;
	__u16 name_len;
	__u16 pad;
};

struct cs_connect {
	struct cs_header hdr;
	__u8 protocol; /* IPPROTO_TCP / IPPROTO_UDP */
	__u8 family;   /* AF_INET / AF_INET6 */
	__u16 port;    /* host order */
	__u8 via_sendmsg;
	__u8 pad[3];
	__u8 addr[16]; /* IPv4 in the first 4 bytes */
};

/* Access classes for cs_file_open.access. */
enum cs_access {
	CS_ACCESS_READ = 1,
	CS_ACCESS_WRITE = 2,
	CS_ACCESS_READ_WRITE = 3,
	CS_ACCESS_EXEC = 4,
};

/* Followed by the path in path_enc encoding. */
struct cs_file_open {
	struct cs_header hdr;
	__u32 open_flags; /* O_* as passed by the caller */
	__u8 access;
	__u8 path_enc;
	__u16 path_len;
};

enum cs_file_op_kind {
	CS_OP_UNLINK = 1,
	CS_OP_RMDIR = 2,
	CS_OP_RENAME = 3,
	CS_OP_LINK = 4,
	CS_OP_SYMLINK = 5,
};

/*
 * Followed by four blobs: path as passed (string), the directory it is
 * relative to (components; empty when the path is absolute), then the same
 * two for the second path (rename/link target). For a symlink the first path
 * is the link's content and has no base directory of its own.
 */
struct cs_file_op {
	struct cs_header hdr;
	__u32 op;
	__u32 op_flags; /* renameat2/linkat flags */
	__u16 path_len;
	__u16 base_len;
	__u16 path2_len;
	__u16 base2_len;
};

/*
 * Followed by sun_path bytes (path_len); abstract names start with NUL.
 * peer_dev/peer_ino name the socket file the peer is bound to, whatever
 * path the job used to reach it (a symlink, a relative path, a hard link, a
 * bind mount, /proc/self/root/...): 0 when the peer has no file (abstract,
 * unnamed). peer_dev is the kernel's dev_t (major << 20 | minor).
 */
struct cs_unix_connect {
	struct cs_header hdr;
	__u16 path_len;
	__u16 sock_type; /* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET; 0 when unknown */
	__u32 peer_dev;
	__u64 peer_ino;
};


/* Where a cs_domain name was seen. */
enum cs_domain_source {
	CS_DOMAIN_DNS_QUERY = 1,  /* question of a DNS query leaving the job */
	CS_DOMAIN_DNS_ANSWER = 2, /* question and answers of a DNS response reaching it */
	CS_DOMAIN_TLS_SNI = 3,	  /* server_name of a TLS ClientHello */
	CS_DOMAIN_HTTP_HOST = 4,  /* Host header of an HTTP/1.x request */
	CS_DOMAIN_RESOLVED = 5,	  /* name sent to systemd-resolved's varlink socket; family AF_UNIX */
};

/* systemd-resolved's varlink socket (nss-resolve, resolvectl): lookups sent there name domains too. */
#define CS_RESOLVED_SOCKET "/run/systemd/resolve/io.systemd.Resolve"

/* Types of the answer entries that follow a cs_domain name. */
enum cs_answer_type {
	CS_ANSWER_A = 1,     /* 4 bytes */
	CS_ANSWER_AAAA = 2,  /* 16 bytes */
	CS_ANSWER_CNAME = 3, /* a name, as cs_domain names are written */
};

/* A DNS name as text, without the trailing dot (RFC 1035: 255 on the wire). */
#define CS_DOMAIN_NAME_MAX 253
/* Answer records parsed per DNS response; more set CS_F_ANSWERS_TRUNCATED. */
#define CS_DNS_ANSWERS_MAX 12

/*
 * A name seen in a packet of one of a job's sockets. hdr.pid is the socket's
 * owner (the process that last connected it or sent to an address on it), 0
 * when it is not known; hdr.start_time_ns is 0. Followed by the name
 * (name_len bytes: lower-case ASCII letters, digits, '-', '_', dot-separated
 * labels, no trailing dot), then answers_len bytes of answer entries, each
 * [u8 cs_answer_type][u8 len][len bytes].
 */
struct cs_domain {
	struct cs_header hdr;
	__u8 source;   /* enum cs_domain_source */
	__u8 protocol; /* IPPROTO_TCP / IPPROTO_UDP of the packet */
	__u8 family;   /* AF_INET / AF_INET6 */
	__u8 rcode;    /* DNS answers: the response code */
	__u16 port;    /* the peer's port, host order */
	__u16 qtype;   /* DNS only */
	__u16 txid;    /* DNS only: the message id */
	__u16 name_len;
	__u16 answers_len;
	__u16 pad;
	__u8 addr[16]; /* the peer (the DNS server, the TLS or HTTP server); IPv4 in the first 4 bytes */
};

/* What a cs_access record's process did to another process. */
enum cs_access_op {
	CS_ACCESS_OP_PTRACE = 1,
	CS_ACCESS_OP_VM_READV = 2,
	CS_ACCESS_OP_VM_WRITEV = 3,
	CS_ACCESS_OP_PROC_OPEN = 4, /* opened one of the /proc/<pid>/ files below */
};

/* The /proc/<pid>/ files that expose a process's memory or its layout. */
enum cs_proc_file {
	CS_PROC_MEM = 1,
	CS_PROC_MAPS = 2,
	CS_PROC_SMAPS = 3,
	CS_PROC_SMAPS_ROLLUP = 4,
	CS_PROC_NUMA_MAPS = 5,
	CS_PROC_PAGEMAP = 6,
};

/* How an access to a protected process was stopped (also the attach plan's choice). */
enum cs_prevention {
	CS_PREVENT_NONE = 0,
	CS_PREVENT_SIGNAL = 1, /* SIGKILL from the hook: the caller dies before it returns to user space */
	CS_PREVENT_LSM = 2,    /* a BPF LSM hook refused it with -EPERM */
};

/*
 * A job process reaching into another process: ptrace, process_vm_readv or
 * _writev (at syscall entry), or an open of one of its /proc/<pid>/ memory
 * files (judged on the struct file the kernel opened). Never sent for a
 * process's access to itself.
 */
struct cs_process_access {
	struct cs_header hdr;
	__u32 target_pid;	      /* the target's tgid; the pid as passed when target_ns is set */
	__u32 request;		      /* ptrace request */
	__u64 target_start_time_ns; /* 0 when the hook cannot tell (syscall entry) */
	__u8 op;		      /* enum cs_access_op */
	__u8 proc_file;		      /* enum cs_proc_file, CS_ACCESS_OP_PROC_OPEN only */
	__u8 prevented;		      /* enum cs_prevention */
	__u8 write;		      /* opened for writing, process_vm_writev, a ptrace poke */
	__u8 target_ns;		      /* 1: target_pid is a pid of the caller's own (non-root) pid namespace */
	__u8 pad[3];
};

enum cs_mount_op {
	CS_MOUNT_MOUNT = 1,	 /* mount(2) with MS_BIND or MS_MOVE */
	CS_MOUNT_MOVE_MOUNT = 2, /* move_mount(2) */
};

/*
 * A bind or move mount attempt, at syscall entry. Followed by four blobs:
 * source as passed (string), the directory it is relative to (components;
 * for move_mount(2) with an empty path, the dirfd's own path), then the
 * same two for the target.
 */
struct cs_mount {
	struct cs_header hdr;
	__u32 flags; /* mount(2): MS_*; move_mount(2): MOVE_MOUNT_* */
	__u8 op;     /* enum cs_mount_op */
	__u8 pad;
	__u16 source_len;
	__u16 source_base_len;
	__u16 target_len;
	__u16 target_base_len;
	__u16 pad2[5];
};

/* Request-line and header bytes an http_request keeps: the method, the path up to its query, the Host. */
#define CS_HTTP_METHOD_MAX 16
#define CS_HTTP_PATH_MAX 255
#define CS_HTTP_HOST_MAX 255

/* Where an http_request was read. */
enum cs_http_source {
	CS_HTTP_CLEARTEXT = 0, /* the first payload of a TCP connection (domain.bpf.h) */
	CS_HTTP_OPENSSL = 1,   /* the first SSL_write of an OpenSSL connection (tls.bpf.h) */
};

/*
 * The request line and Host of the first HTTP/1.x request on a job's TCP
 * connection (the payload domain.bpf.h already reads for http_host), or on
 * an OpenSSL connection (SSL object) before encryption. hdr.pid is the
 * socket's owner as in cs_domain, or the process calling SSL_write. Followed by the method,
 * the path without its query or fragment, and the Host value as sent
 * (lower-cased, port kept; empty when the request had none).
 */
struct cs_http_request {
	struct cs_header hdr;
	__u16 method_len;
	__u16 path_len;
	__u16 host_len;
	__u16 port;	/* the server's port, host order */
	__u8 family;	/* AF_INET / AF_INET6; 0 from TLS (the uprobe does not know the socket) */
	__u8 path_cut;	/* 1: the path went on past CS_HTTP_PATH_MAX */
	__u8 source;	/* enum cs_http_source */
	__u8 pad[5];
	__u8 addr[16];	/* the server; IPv4 in the first 4 bytes; zero from TLS */
};

/* What a cs_tamper record says was done to the sensor's own process. */
enum cs_tamper_op {
	CS_TAMPER_SIGNAL = 1,  /* a signal was sent to one of its threads; hdr names the sender */
	CS_TAMPER_STOPPED = 2, /* its main thread was stopped (signal, ptrace or freezer) and ran again */
	CS_TAMPER_TRACED = 3,  /* one of its threads is being ptraced; tracer_* name the tracer */
};

/*
 * The sensor's own process disturbed, seen by the kernel. SIGNAL: hdr is
 * the sender (the task current when the signal was generated). STOPPED: hdr
 * is the sensor's main thread as it runs again (hdr.time_ns): it was
 * switched out stopped at stopped_ns, a window the sensor cannot see itself
 * since it was not running. A tracer stops it at every system call, so
 * stops under ptrace are summed: count stops, stopped_total_ns in all,
 * sent when the tracer leaves and at most once a second. TRACED: hdr is
 * the traced thread.
 */
struct cs_tamper {
	struct cs_header hdr;
	__u64 stopped_ns;	    /* STOPPED: CLOCK_BOOTTIME when the (first) stop began */
	__u64 stopped_total_ns;	    /* STOPPED: time spent stopped, summed over count stops */
	__u64 tracer_start_time_ns; /* TRACED */
	__u32 op;		    /* enum cs_tamper_op */
	__u32 sig;		    /* SIGNAL: the signal; STOPPED: the task state it stopped in */
	__u32 target_tid;	    /* the sensor's thread */
	__s32 result;		    /* SIGNAL: the tracepoint's result (0 delivered, 1 ignored, ...) */
	__u32 tracer_pid;	    /* TRACED: the tracer's tgid */
	__u32 count;		    /* STOPPED: how many stops */
};

#endif
