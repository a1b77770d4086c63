// A stand-in for the Rust runtime's print entries, used by codegen tests that must not depend
// on the runtime build. It prints exactly as ABI.md §5 says the real entries do.
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void __rog_program_main(void);
static void out(const char *s, size_t n) { write(2, s, n); }
void rog_printlock(void) {}
void rog_printunlock(void) {}
void rog_printstring(const char *p, int64_t n) { out(p, (size_t)n); }
void rog_printint(int64_t v) { char b[32]; out(b, snprintf(b, sizeof b, "%" PRId64, v)); }
void rog_printuint(uint64_t v) { char b[32]; out(b, snprintf(b, sizeof b, "%" PRIu64, v)); }
void rog_printbool(_Bool v) { v ? out("true", 4) : out("false", 5); }
void rog_printsp(void) { out(" ", 1); }
void rog_printnl(void) { out("\n", 1); }
void rog_printpointer(void *p) { char b[32]; out(b, snprintf(b, sizeof b, "%p", p)); }
void *rog_alloc(int64_t n, void *t) { (void)t; return calloc(1, n ? n : 1); }
void rog_panic_index(int64_t x, int64_t n) {
  char b[128];
  out(b, snprintf(b, sizeof b, "panic: runtime error: index out of range [%" PRId64 "] with length %" PRId64 "\n", x, n));
  exit(2);
}
void rog_panic_divide(void) {
  const char *m = "panic: runtime error: integer divide by zero\n";
  out(m, strlen(m));
  exit(2);
}
void rog_panic_nilderef(void) {
  const char *m = "panic: runtime error: invalid memory address or nil pointer dereference\n";
  out(m, strlen(m));
  exit(2);
}
int main(void) { __rog_program_main(); return 0; }
unsigned rog_preempt_requested;
void rog_preempt(void) {}
