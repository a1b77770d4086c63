// Compiler-provided helpers that generated code calls for string and slice operations the
// runtime does not offer yet. They are C, compiled to ThinLTO bitcode by the link and inlined
// like runtime entries. Each is named `__rog_<gc runtime function>`.
// TODO(runtime): move these into runtime-rs as `rog_` entries (ABI.md §5) and delete this file.

/** SUPPORT_C is the helpers' source. */
export const SUPPORT_C = String.raw`
#include <stdint.h>
#include <string.h>

/* gc's maxAlloc on amd64: the largest allocation append may ask for. */
#define MAX_ALLOC ((int64_t)1 << 48)

typedef struct { const uint8_t *p; int64_t n; } gostring;
typedef struct { uint8_t *p; int64_t n, c; } goslice;
typedef struct { int32_t r; int64_t next; } runepos;

void *rog_alloc(int64_t size, const void *type);
int64_t rog_roundupsize(int64_t size, _Bool noscan);
void rog_printstring(const uint8_t *p, int64_t n);
void rog_printlock(void);
void rog_printunlock(void);
void rog_panic_bounds(int64_t x, int64_t y, int32_t code) __attribute__((noreturn));
void rog_panic_growslice(void) __attribute__((noreturn));
void exit(int) __attribute__((noreturn));

static void fatal_text(const char *m) {
  rog_printlock();
  rog_printstring((const uint8_t *)m, (int64_t)strlen(m));
  rog_printunlock();
}

gostring __rog_concatstring2(const uint8_t *ap, int64_t an, const uint8_t *bp, int64_t bn) {
  gostring a = {ap, an}, b = {bp, bn};
  if (a.n == 0) return b;
  if (b.n == 0) return a;
  int64_t n = a.n + b.n;
  uint8_t *p = rog_alloc(n, 0);
  memcpy(p, a.p, (size_t)a.n);
  memcpy(p + a.n, b.p, (size_t)b.n);
  return (gostring){p, n};
}

static int encoderune(uint8_t *p, int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
  if (r < 0x80) { p[0] = (uint8_t)r; return 1; }
  if (r < 0x800) { p[0] = 0xC0 | (r >> 6); p[1] = 0x80 | (r & 0x3F); return 2; }
  if (r < 0x10000) {
    p[0] = 0xE0 | (r >> 12); p[1] = 0x80 | ((r >> 6) & 0x3F); p[2] = 0x80 | (r & 0x3F);
    return 3;
  }
  p[0] = 0xF0 | (r >> 18); p[1] = 0x80 | ((r >> 12) & 0x3F);
  p[2] = 0x80 | ((r >> 6) & 0x3F); p[3] = 0x80 | (r & 0x3F);
  return 4;
}

gostring __rog_intstring(int64_t v) {
  uint8_t *p = rog_alloc(4, 0);
  int n = encoderune(p, v);
  return (gostring){p, n};
}

/* One-byte strings point into this table instead of the heap (gc's staticuint64s). */
#define B4(n) n, n + 1, n + 2, n + 3
#define B16(n) B4(n), B4(n + 4), B4(n + 8), B4(n + 12)
#define B64(n) B16(n), B16(n + 16), B16(n + 32), B16(n + 48)
static const uint8_t onebyte[256] = {B64(0), B64(64), B64(128), B64(192)};

gostring __rog_slicebytetostring(const uint8_t *src, int64_t n) {
  if (n == 0) return (gostring){0, 0};
  if (n == 1) return (gostring){(uint8_t *)&onebyte[src[0]], 1};
  uint8_t *p = rog_alloc(n, 0);
  memcpy(p, src, (size_t)n);
  return (gostring){p, n};
}

void __rog_stringtoslicebyte(goslice *out, const uint8_t *src, int64_t n) {
  uint8_t *p = rog_alloc(n ? n : 1, 0);
  memcpy(p, src, (size_t)n);
  *out = (goslice){p, n, n};
}

gostring __rog_slicerunetostring(const int32_t *rs, int64_t n) {
  int64_t size = 0;
  uint8_t tmp[4];
  for (int64_t i = 0; i < n; i++) size += encoderune(tmp, rs[i]);
  if (size == 0) return (gostring){0, 0};
  uint8_t *p = rog_alloc(size, 0);
  int64_t k = 0;
  for (int64_t i = 0; i < n; i++) k += encoderune(p + k, rs[i]);
  return (gostring){p, size};
}

runepos __rog_decoderune(const uint8_t *s, int64_t n, int64_t k);

void __rog_stringtoslicerune(goslice *out, const uint8_t *s, int64_t n) {
  int64_t count = 0;
  for (int64_t k = 0; k < n; count++) k = __rog_decoderune(s, n, k).next;
  int32_t *p = rog_alloc(count ? count * 4 : 1, 0);
  int64_t i = 0;
  for (int64_t k = 0; k < n; i++) {
    runepos r = __rog_decoderune(s, n, k);
    p[i] = r.r;
    k = r.next;
  }
  *out = (goslice){(uint8_t *)p, count, count};
}

/* growslice makes room for n more elements, copying to a new array when the capacity is short;
   the result's length already includes the new elements. */
void __rog_growslice(goslice *out, uint8_t *p, int64_t len, int64_t cap, int64_t n,
                     int64_t elem, const void *type) {
  if (n > INT64_MAX - len) rog_panic_growslice();
  int64_t need = len + n;
  if (need <= cap) { *out = (goslice){p, need, cap}; return; }
  /* gc's nextslicecap, then roundupsize: capacities are visible to programs. */
  int64_t nc = cap;
  if (need > cap + cap) nc = need;
  else if (cap < 256) nc = cap + cap;
  else {
    while ((uint64_t)(nc += (nc + 3 * 256) >> 2) < (uint64_t)need) {}
    if (nc <= 0) nc = need;
  }
  if (elem) {
    if (need > MAX_ALLOC / elem) rog_panic_growslice();
    if (nc > MAX_ALLOC / elem) nc = need;
    _Bool noscan = !type || ((const int64_t *)type)[1] == 0;
    nc = rog_roundupsize(nc * elem, noscan) / elem;
  }
  /* Zero-sized elements: rog_alloc(0) is rog_zerobase, as gc's mallocgc gives zerobase. */
  uint8_t *q = rog_alloc(nc * elem, type);
  if (len) memcpy(q, p, (size_t)(len * elem));
  *out = (goslice){q, need, nc};
}

/* decoderune decodes the UTF-8 sequence at s[k] (Go spec "For statements with range clause"):
   an invalid encoding yields U+FFFD and advances one byte. */
runepos __rog_decoderune(const uint8_t *s, int64_t n, int64_t k) {
  uint8_t b0 = s[k];
  int64_t left = n - k;
  if (b0 < 0x80) return (runepos){b0, k + 1};
  runepos bad = {0xFFFD, k + 1};
  int need; int32_t r; int32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; r = b0 & 0x1F; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 2; r = b0 & 0x0F; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 3; r = b0 & 0x07; min = 0x10000; }
  else return bad;
  if (left < need + 1) return bad;
  for (int i = 1; i <= need; i++) {
    uint8_t c = s[k + i];
    if ((c & 0xC0) != 0x80) return bad;
    r = (r << 6) | (c & 0x3F);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) return bad;
  return (runepos){r, k + need + 1};
}

/* The _tmp variants take a 32-byte buffer in the caller's frame (gc's tmpBuf), which the
   escape analysis passes when the result does not outlive the frame: results that fit use it
   instead of the heap. */
enum { TMPBUF = 32 };

gostring __rog_slicebytetostring_tmp(uint8_t *buf, const uint8_t *src, int64_t n) {
  if (n == 0) return (gostring){0, 0};
  uint8_t *p = n <= TMPBUF ? buf : rog_alloc(n, 0);
  memcpy(p, src, (size_t)n);
  return (gostring){p, n};
}

void __rog_stringtoslicebyte_tmp(uint8_t *buf, goslice *out, const uint8_t *src, int64_t n) {
  if (n > TMPBUF) {
    __rog_stringtoslicebyte(out, src, n);
    return;
  }
  memcpy(buf, src, (size_t)n);
  *out = (goslice){buf, n, TMPBUF};
}

gostring __rog_concatstring2_tmp(uint8_t *buf, const uint8_t *ap, int64_t an, const uint8_t *bp,
                                 int64_t bn) {
  if (an + bn > TMPBUF) return __rog_concatstring2(ap, an, bp, bn);
  gostring a = {ap, an}, b = {bp, bn};
  if (a.n == 0) return b;
  if (b.n == 0) return a;
  memcpy(buf, a.p, (size_t)a.n);
  memcpy(buf + a.n, b.p, (size_t)b.n);
  return (gostring){buf, a.n + b.n};
}

gostring __rog_intstring_tmp(uint8_t *buf, int64_t v) {
  int n = encoderune(buf, v);
  return (gostring){buf, n};
}

/* memmove for element types without pointers: the same copy; the name tells the escape
   analysis that no pointer moves. */
void *__rog_memmove_noptr(void *dst, const void *src, int64_t n) {
  return memmove(dst, src, (size_t)n);
}

void __rog_panicstring(const uint8_t *p, int64_t n) {
  rog_printlock();
  fatal_text("panic: ");
  rog_printstring(p, n);
  fatal_text("\n\ngoroutine 1 [running]:\n");
  rog_printunlock();
  exit(2);
}
`;
