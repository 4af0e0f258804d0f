// The "realistic build": a generated C project of `files` translation units
// sharing a set of headers, built by make -j2 into a static library and a
// program. gcc's temp files, ar's rename and the linker give the sensor the
// mix of opens, writes, removes and moves a real build has.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADERS = 16;

function header(h) {
  return `#ifndef MOD${h}_H
#define MOD${h}_H
#include <stddef.h>
#include <stdint.h>

struct mod${h}_state {
\tuint64_t acc;
\tuint32_t table[64];
\tconst char *name;
};

static inline uint64_t mod${h}_mix(uint64_t x)
{
\tx ^= x >> 33;
\tx *= 0xff51afd7ed558ccdULL;
\treturn x ^ (x >> 29);
}

void mod${h}_init(struct mod${h}_state *s, const char *name);
#endif
`;
}

function source(i, files) {
  const a = i % HEADERS;
  const b = (i * 7 + 3) % HEADERS;
  const next = (i + 1) % files;
  return `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mod${a}.h"
#include "mod${b}.h"

uint64_t unit${next}_checksum(const uint8_t *data, size_t len);

static int compare(const void *x, const void *y)
{
\tuint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
\treturn a < b ? -1 : a > b;
}

uint64_t unit${i}_checksum(const uint8_t *data, size_t len)
{
\tuint64_t h = ${i}u;
\tfor (size_t k = 0; k < len; k++)
\t\th = mod${a}_mix(h ^ data[k]) + mod${b}_mix(k);
\treturn h;
}

int unit${i}_run(int argc, char **argv)
{
\tstruct mod${a}_state s;
\tchar line[256];
\tmod${a}_init(&s, argc > 1 ? argv[1] : "unit${i}");
\tfor (int k = 0; k < 64; k++)
\t\ts.table[k] = (uint32_t)mod${b}_mix(k * ${i + 1}u);
\tqsort(s.table, 64, sizeof(s.table[0]), compare);
\tsnprintf(line, sizeof(line), "%s:%u", s.name, s.table[${i % 64}]);
\treturn (int)(unit${next}_checksum((const uint8_t *)line, strlen(line)) & 1);
}
`;
}

function initSource(h) {
  return `#include "mod${h}.h"
#include <string.h>

void mod${h}_init(struct mod${h}_state *s, const char *name)
{
\tmemset(s, 0, sizeof(*s));
\ts->name = name;
\ts->acc = mod${h}_mix(${h}u);
}
`;
}

function mainSource(files) {
  const decls = Array.from({ length: files }, (_, i) => `int unit${i}_run(int, char **);`).join('\n');
  const calls = Array.from({ length: files }, (_, i) => `\tsum += unit${i}_run(argc, argv);`).join('\n');
  return `#include <stdio.h>
${decls}

int main(int argc, char **argv)
{
\tint sum = 0;
${calls}
\tprintf("%d\\n", sum);
\treturn 0;
}
`;
}

const MAKEFILE = `CFLAGS = -O2 -Wall -Iinclude
UNITS := $(wildcard src/unit*.c)
MODS := $(wildcard src/mod*.c)
all: app
app: obj/main.o libunits.a
\t$(CC) -o $@ $^
libunits.a: $(UNITS:src/%.c=obj/%.o) $(MODS:src/%.c=obj/%.o)
\trm -f $@
\t$(AR) rcs $@ $^
obj/%.o: src/%.c | obj
\t$(CC) $(CFLAGS) -MMD -c $< -o $@
obj:
\tmkdir -p obj
clean:
\trm -rf obj libunits.a app
-include $(wildcard obj/*.d)
.PHONY: all clean
`;

/** Writes the project into `dir` (replacing it); returns the paths a clean build removes. */
export function generateProject(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'include'), { recursive: true });
  mkdirSync(join(dir, 'src'));
  for (let h = 0; h < HEADERS; h++) {
    writeFileSync(join(dir, 'include', `mod${h}.h`), header(h));
    writeFileSync(join(dir, 'src', `mod${h}.c`), initSource(h));
  }
  for (let i = 0; i < files; i++) writeFileSync(join(dir, 'src', `unit${i}.c`), source(i, files));
  writeFileSync(join(dir, 'src', 'main.c'), mainSource(files));
  writeFileSync(join(dir, 'Makefile'), MAKEFILE);
  return ['obj', 'libunits.a', 'app'].map((p) => join(dir, p));
}
