#ifndef HUSH_CYAML_SHIM_H
#define HUSH_CYAML_SHIM_H
// libyaml's event parser; only Support/YAMLTree.swift uses it.
#include <yaml.h>
#endif
