#ifndef CSTEMMER_SHIM_H
#define CSTEMMER_SHIM_H
// The Snowball stemmers from Debian (libstemmer-dev).
#include <libstemmer.h>
#endif
