#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
// zlib from Debian (zlib1g-dev), for .gz files: inflate with a cap on the decompressed size.
#include <zlib.h>
#endif
