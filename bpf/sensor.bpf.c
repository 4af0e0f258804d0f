// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * cicd-sensor's kernel side: one CO-RE object holding every hook. Which
 * programs get attached is the native library's attach plan (native/plan.c);
 * every rule-facing program starts with the tracked_cgroups fast drop.
 */
#include "common.bpf.h"
#include "cgroup.bpf.h"
#include "process.bpf.h"
#include "net.bpf.h"
#include "file.bpf.h"
#include "domain.bpf.h"
#include "access.bpf.h"
#include "mount.bpf.h"
#include "tamper.bpf.h"
#include "tls.bpf.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";
