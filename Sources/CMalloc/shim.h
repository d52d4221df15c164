#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
// glibc's malloc_trim, which Swift's Glibc module does not expose (it is declared in <malloc.h>, not <stdlib.h>).
#include <malloc.h>
#endif
