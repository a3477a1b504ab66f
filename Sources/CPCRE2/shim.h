#ifndef HUSH_CPCRE2_SHIM_H
#define HUSH_CPCRE2_SHIM_H
// The 8-bit library: Hush matches raw bytes. Swift cannot import the width-generic macro
// names (pcre2_compile), so the code calls the _8 functions directly.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
