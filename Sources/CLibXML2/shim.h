#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's HTML parser: a real, error-tolerant HTML parser from Debian (libxml2-dev). It also converts the page's
// declared charset to UTF-8, so the Swift side only ever sees UTF-8.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's <unicode/ucnv.h>. A Swift module that
// imports this module and Foundation (which carries its own ICU headers) fails to build with "'UErrorCode' has
// different definitions in different modules", depending on build order. We never touch the ICU-only fields (they
// sit in xmlCharEncodingHandler, which we only ever hold by pointer), so the ICU declarations are left out here.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
