/*
 * timeit OUT.json COMMAND [ARGS...]: runs COMMAND and writes its wall time
 * and CPU time (its own and its reaped descendants') to OUT.json. Every mode
 * runs the workload through this, inside whatever watches it, so the numbers
 * compared are the workload's own and not the watcher's start-up or teardown.
 * SIGINT and SIGTERM are passed on to COMMAND, so that stopping the bench
 * stops the workload rather than orphaning it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;

static void forward(int sig)
{
	if (child > 0)
		kill(child, sig);
}

static long long now_ns(int clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { 0 };
	struct rusage ru;
	long long start, start_real, end;
	int status = 0;
	pid_t pid;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: timeit OUT.json COMMAND [ARGS...]\n");
		return 2;
	}
	sa.sa_handler = forward;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	start_real = now_ns(CLOCK_REALTIME);
	start = now_ns(CLOCK_MONOTONIC);
	pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return 125;
	}
	child = pid;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("timeit: exec");
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("timeit: wait4");
			return 125;
		}
	}
	end = now_ns(CLOCK_MONOTONIC);
	out = fopen(argv[1], "w");
	if (!out) {
		perror("timeit: output");
		return 125;
	}
	fprintf(out, "{\"wallNs\":%lld,\"startRealtimeNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,\"status\":%d}\n",
		end - start, start_real, tv_us(ru.ru_utime), tv_us(ru.ru_stime), status);
	fclose(out);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
