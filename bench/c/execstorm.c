/* execstorm BINARY N: fork and exec BINARY N times, one after another. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *child_argv[] = { NULL, NULL };
	long n, i;
	int status;

	if (argc != 3) {
		fprintf(stderr, "usage: execstorm BINARY N\n");
		return 2;
	}
	child_argv[0] = argv[1];
	n = atol(argv[2]);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("execstorm: fork");
			return 1;
		}
		if (pid == 0) {
			execv(argv[1], child_argv);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "execstorm: child %ld failed\n", i);
			return 1;
		}
	}
	return 0;
}
