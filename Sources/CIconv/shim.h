#ifndef CICONV_SHIM_H
#define CICONV_SHIM_H
// glibc's iconv, for the charsets of mail parts (ISO-8859-*, KOI8-R, Shift_JIS, GB2312, …). It lives in its own
// module so the pure core can convert text without importing all of Glibc.
#include <iconv.h>
#include <errno.h>
static inline int CIconv_errno(void) { return errno; }
#endif
