// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include "internal.h"

static void put(struct cs_json *j, const char *s, size_t n)
{
	if (j->len + n + 1 > j->cap) {
		j->overflow = true;
		return;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

void cs_json_raw(struct cs_json *j, const char *s)
{
	put(j, s, strlen(s));
}

/* Error text from libbpf and the kernel is arbitrary bytes: escape it all. */
void cs_json_str(struct cs_json *j, const char *s)
{
	char esc[8];

	put(j, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = c;
			put(j, esc, 2);
		} else if (c < 0x20 || c >= 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(j, esc, 6);
		} else {
			put(j, (const char *)&c, 1);
		}
	}
	put(j, "\"", 1);
}
