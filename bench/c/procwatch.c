/*
 * procwatch OUT.json [--ready FILE] -- COMMAND [ARGS...]: runs COMMAND (the
 * sensor) and writes what it cost to OUT.json: peak RSS (VmHWM, sampled from
 * /proc/PID/status, which keeps the high-water mark so sampling cannot miss
 * the peak by more than the last interval), CPU time (utime + stime of the
 * process itself, not of the job it watched: read while it is a zombie, so
 * its last work is counted), and with --ready, how long FILE took to appear.
 * SIGINT and SIGTERM are passed on to COMMAND.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;

static void forward(int sig)
{
	if (child > 0)
		kill(child, sig);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long status_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t flen = strlen(field);
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, field, flen) == 0 && line[flen] == ':') {
			kb = atol(line + flen + 1);
			break;
		}
	fclose(f);
	return kb;
}

/* utime + stime in clock ticks; -1 when unreadable. */
static long long cpu_ticks(pid_t pid)
{
	char path[64], buf[2048], *p;
	unsigned long long utime, stime;
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
		return -1;
	return (long long)(utime + stime);
}

int main(int argc, char **argv)
{
	const char *ready = NULL;
	long long start, ready_ns = -1, ticks = -1, t;
	long hwm = -1, rss_max = -1, anon_max = -1, file_max = -1, kb;
	struct sigaction sa = { 0 };
	siginfo_t info;
	int i = 2, status = 0;
	FILE *out;

	if (argc > 3 && strcmp(argv[2], "--ready") == 0) {
		ready = argv[3];
		i = 4;
	}
	if (argc < i + 2 || strcmp(argv[i], "--") != 0) {
		fprintf(stderr, "usage: procwatch OUT.json [--ready FILE] -- COMMAND [ARGS...]\n");
		return 2;
	}
	sa.sa_handler = forward;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	start = now_ns();
	child = fork();
	if (child < 0) {
		perror("procwatch: fork");
		return 125;
	}
	if (child == 0) {
		execvp(argv[i + 1], argv + i + 1);
		perror("procwatch: exec");
		_exit(127);
	}
	for (;;) {
		struct timespec nap = { 0, ready && ready_ns < 0 ? 1000000 : 10000000 };
		struct stat st;

		memset(&info, 0, sizeof(info));
		if (waitid(P_PID, child, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == child)
			break;
		if (ready && ready_ns < 0 && stat(ready, &st) == 0)
			ready_ns = now_ns() - start;
		kb = status_kb(child, "VmHWM");
		if (kb > hwm)
			hwm = kb;
		kb = status_kb(child, "VmRSS");
		if (kb > rss_max)
			rss_max = kb;
		/* Split of the peak: the heap, and file-backed pages (binary, libraries, the ring buffer mapping). */
		kb = status_kb(child, "RssAnon");
		if (kb > anon_max)
			anon_max = kb;
		kb = status_kb(child, "RssFile");
		if (kb > file_max)
			file_max = kb;
		t = cpu_ticks(child);
		if (t > ticks)
			ticks = t;
		nanosleep(&nap, NULL);
	}
	/* A zombie still has its times: the last word on CPU. */
	t = cpu_ticks(child);
	if (t > ticks)
		ticks = t;
	t = now_ns() - start;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	out = fopen(argv[1], "w");
	if (!out) {
		perror("procwatch: output");
		return 125;
	}
	fprintf(out,
		"{\"pid\":%d,\"wallNs\":%lld,\"readyNs\":%lld,\"vmHwmKb\":%ld,\"vmRssMaxKb\":%ld,\"rssAnonMaxKb\":%ld,"
		"\"rssFileMaxKb\":%ld,\"cpuMs\":%lld,\"status\":%d}\n",
		(int)child, t, ready_ns, hwm, rss_max, anon_max, file_max, ticks < 0 ? -1 : ticks * 1000 / sysconf(_SC_CLK_TCK), status);
	fclose(out);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
