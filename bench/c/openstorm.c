/*
 * openstorm create DIR FILES: makes FILES empty files under DIR, 1000 per
 * subdirectory.
 * openstorm run DIR FILES PROCS PARALLEL: PROCS processes (at most PARALLEL
 * at a time) each open and close every file once. Each open is distinct for
 * the sensor (it drops exact repeats per process in the kernel), so the storm
 * produces PROCS * FILES file_open events.
 * With STOPFILE, no new process starts once STOPFILE exists: a flood that
 * lasts exactly as long as something else (test/integration/flood.test.ts).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PER_DIR 1000

static int create(const char *dir, long files)
{
	char path[4096];
	long i;

	mkdir(dir, 0755);
	for (i = 0; i < files; i++) {
		int fd;

		if (i % PER_DIR == 0) {
			snprintf(path, sizeof(path), "%s/d%04ld", dir, i / PER_DIR);
			if (mkdir(path, 0755) && access(path, F_OK)) {
				perror(path);
				return 1;
			}
		}
		snprintf(path, sizeof(path), "%s/d%04ld/file-%06ld.txt", dir, i / PER_DIR, i);
		fd = open(path, O_WRONLY | O_CREAT, 0644);
		if (fd < 0) {
			perror(path);
			return 1;
		}
		close(fd);
	}
	return 0;
}

static int open_all(const char *dir, long files)
{
	char name[64];
	int dfd = -1;
	long i;

	for (i = 0; i < files; i++) {
		int fd;

		if (i % PER_DIR == 0) {
			char path[4096];

			if (dfd >= 0)
				close(dfd);
			snprintf(path, sizeof(path), "%s/d%04ld", dir, i / PER_DIR);
			dfd = open(path, O_RDONLY | O_DIRECTORY);
			if (dfd < 0) {
				perror(path);
				return 1;
			}
		}
		snprintf(name, sizeof(name), "file-%06ld.txt", i);
		fd = openat(dfd, name, O_RDONLY);
		if (fd < 0) {
			perror(name);
			return 1;
		}
		close(fd);
	}
	if (dfd >= 0)
		close(dfd);
	return 0;
}

static int run(const char *dir, long files, long procs, long parallel, const char *stopfile)
{
	long started = 0, running = 0;
	int failed = 0, status;

	while (started < procs || running > 0) {
		if (stopfile && access(stopfile, F_OK) == 0)
			procs = started;
		if (started < procs && running < parallel) {
			pid_t pid = fork();

			if (pid < 0) {
				perror("openstorm: fork");
				return 1;
			}
			if (pid == 0)
				_exit(open_all(dir, files));
			started++;
			running++;
			continue;
		}
		if (wait(&status) < 0)
			break;
		running--;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	}
	return failed;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "create") == 0)
		return create(argv[2], atol(argv[3]));
	if ((argc == 6 || argc == 7) && strcmp(argv[1], "run") == 0)
		return run(argv[2], atol(argv[3]), atol(argv[4]), atol(argv[5]), argc == 7 ? argv[6] : NULL);
	fprintf(stderr, "usage: openstorm create DIR FILES | openstorm run DIR FILES PROCS PARALLEL [STOPFILE]\n");
	return 2;
}
