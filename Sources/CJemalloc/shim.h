#ifndef CJEMALLOC_SHIM_H
#define CJEMALLOC_SHIM_H
// jemalloc as the process's allocator (docs/decisions/0001-dependencies.md): linking it replaces malloc and free for
// the whole process, and mallctl controls when it returns freed pages.
#include <jemalloc/jemalloc.h>
#endif
