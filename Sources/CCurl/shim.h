// libcurl shim: curl_easy_setopt/getinfo are variadic and cannot be imported, so typed wrappers.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*curl_write_cb)(char *, size_t, size_t, void *);

static inline CURLcode curlx_set_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curlx_set_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curlx_set_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode curlx_set_write(CURL *h, curl_write_cb f) {
  return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f);
}
static inline long curlx_response_code(CURL *h) {
  long c = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &c);
  return c;
}
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
