/*
 * dnsstorm PORT N: N DNS A queries to 127.0.0.1:PORT, each the way glibc's
 * resolver sends one: a fresh UDP socket, connect, send, wait for the
 * answer, close. Only ever talks to loopback.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int build_query(unsigned char *q, unsigned short id, long n)
{
	char label[32];
	int len = 12, l;

	memset(q, 0, 12);
	q[0] = id >> 8;
	q[1] = id & 0xff;
	q[2] = 0x01; /* RD */
	q[5] = 1; /* QDCOUNT */
	l = snprintf(label, sizeof(label), "host%ld", n);
	q[len++] = l;
	memcpy(q + len, label, l);
	len += l;
	q[len++] = 5;
	memcpy(q + len, "bench", 5);
	len += 5;
	q[len++] = 4;
	memcpy(q + len, "test", 4);
	len += 4;
	q[len++] = 0;
	q[len++] = 0;
	q[len++] = 1; /* A */
	q[len++] = 0;
	q[len++] = 1; /* IN */
	return len;
}

static int query(const struct sockaddr_in *server, long n)
{
	unsigned char q[512], r[512];
	unsigned short id = (unsigned short)(n * 7919 + 1);
	int len = build_query(q, id, n), tries;

	for (tries = 0; tries < 3; tries++) {
		struct pollfd p;
		int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		ssize_t got;

		if (fd < 0 || connect(fd, (const struct sockaddr *)server, sizeof(*server)) || send(fd, q, len, 0) != len) {
			perror("dnsstorm: send");
			return 1;
		}
		p.fd = fd;
		p.events = POLLIN;
		got = poll(&p, 1, 2000) == 1 ? recv(fd, r, sizeof(r), 0) : -1;
		close(fd);
		if (got >= 12 && r[0] == q[0] && r[1] == q[1] && (r[2] & 0x80))
			return 0;
	}
	fprintf(stderr, "dnsstorm: no answer to query %ld\n", n);
	return 1;
}

int main(int argc, char **argv)
{
	struct sockaddr_in server = { .sin_family = AF_INET };
	long n, i;

	if (argc != 3) {
		fprintf(stderr, "usage: dnsstorm PORT N\n");
		return 2;
	}
	server.sin_port = htons(atoi(argv[1]));
	server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	n = atol(argv[2]);
	for (i = 0; i < n; i++)
		if (query(&server, i))
			return 1;
	return 0;
}
