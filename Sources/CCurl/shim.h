// libcurl shim. The remote client will add typed wrappers here for the variadic
// curl_easy_setopt/getinfo, which Swift cannot import.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

#include <dlfcn.h>

/// libcurl's version information, from the library opened on demand (see module.modulemap), or
/// NULL when libcurl is not installed.
static inline curl_version_info_data *curlx_version(void) {
  void *library = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
  if (!library) return NULL;
  typedef curl_version_info_data *(*version_info_fn)(CURLversion);
  version_info_fn version_info = (version_info_fn)dlsym(library, "curl_version_info");
  return version_info ? version_info(CURLVERSION_NOW) : NULL;
}
#endif
