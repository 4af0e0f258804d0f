// SPDX-License-Identifier: MIT
/*
 * Errors carry libbpf's own words: its print callback is captured per thread
 * into a ring of recent output, so a verifier rejection reaches the user as
 * the verifier wrote it, not as a bare errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define LOG_TAIL 6144

static __thread char last_error[LOG_TAIL + 1024];
static __thread char libbpf_log[LOG_TAIL];
static __thread size_t libbpf_log_len;

static void append_tail(const char *text, size_t n)
{
	if (n >= LOG_TAIL) {
		text += n - (LOG_TAIL - 1);
		n = LOG_TAIL - 1;
	}
	/* Keep the tail: the verifier's verdict is at the end of its log. */
	if (libbpf_log_len + n >= LOG_TAIL) {
		size_t drop = libbpf_log_len + n - LOG_TAIL + 1;

		memmove(libbpf_log, libbpf_log + drop, libbpf_log_len - drop);
		libbpf_log_len -= drop;
	}
	memcpy(libbpf_log + libbpf_log_len, text, n);
	libbpf_log_len += n;
	libbpf_log[libbpf_log_len] = '\0';
}

static int capture_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	char *text = NULL;
	int n;

	if (level == LIBBPF_DEBUG)
		return 0;
	/* A verifier log arrives as one call of many kilobytes. */
	n = vasprintf(&text, fmt, args);
	if (n > 0)
		append_tail(text, (size_t)n);
	free(text);
	return n;
}

void cs_install_print(void)
{
	libbpf_set_print(capture_print);
}

void cs_error_reset(void)
{
	libbpf_log_len = 0;
	libbpf_log[0] = '\0';
	last_error[0] = '\0';
}

const char *cs_libbpf_tail(void)
{
	return libbpf_log;
}

int cs_fail(int err, const char *fmt, ...)
{
	va_list args;
	int n;

	if (err > 0)
		err = -err;
	if (err == 0)
		err = -EINVAL;
	va_start(args, fmt);
	n = vsnprintf(last_error, sizeof(last_error), fmt, args);
	va_end(args);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof(last_error))
		snprintf(last_error + n, sizeof(last_error) - n, ": %s%s%s", strerror(-err),
			 libbpf_log_len ? "\n" : "", libbpf_log);
	return err;
}

/* Sets the error to text as it is: an error another thread produced, handed over. */
int cs_fail_text(int err, const char *text)
{
	snprintf(last_error, sizeof(last_error), "%s", text);
	return err > 0 ? -err : err ? err : -EINVAL;
}

int cs_last_error(char *buf, uint32_t len)
{
	if (!buf || len == 0)
		return -EINVAL;
	snprintf(buf, len, "%s", last_error);
	return (int)strlen(buf);
}
