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
static inline curl_version_info_data *curlx_version(void) { return curl_version_info(CURLVERSION_NOW); }
#endif
