/*
 * connstorm N: N TCP connects to a listener of its own on 127.0.0.1, each
 * accepted and closed. The client closes with SO_LINGER 0 (a reset), so no
 * connection lingers in TIME_WAIT and repeated rounds cannot run out of
 * ephemeral ports.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in addr = { .sin_family = AF_INET };
	struct linger reset = { .l_onoff = 1, .l_linger = 0 };
	socklen_t len = sizeof(addr);
	long n, i;
	int lfd;

	if (argc != 2) {
		fprintf(stderr, "usage: connstorm N\n");
		return 2;
	}
	n = atol(argv[1]);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) || listen(lfd, 128) ||
	    getsockname(lfd, (struct sockaddr *)&addr, &len)) {
		perror("connstorm: listener");
		return 1;
	}
	for (i = 0; i < n; i++) {
		int c = socket(AF_INET, SOCK_STREAM, 0), a;

		if (c < 0 || connect(c, (struct sockaddr *)&addr, sizeof(addr))) {
			perror("connstorm: connect");
			return 1;
		}
		a = accept(lfd, NULL, NULL);
		if (a < 0) {
			perror("connstorm: accept");
			return 1;
		}
		setsockopt(c, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset));
		close(c);
		close(a);
	}
	close(lfd);
	return 0;
}
