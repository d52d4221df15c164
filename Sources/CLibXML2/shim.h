#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's HTML parser: a real, error-tolerant HTML parser from Debian (libxml2-dev). It also converts the page's
// declared charset to UTF-8, so the Swift side only ever sees UTF-8.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
