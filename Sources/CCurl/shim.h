// libcurl shim: typed wrappers for the variadic curl_easy_setopt/getinfo, which Swift cannot
// import, over functions looked up with dlsym. libcurl is opened on demand (see module.modulemap):
// linking it would load it and its ~30 dependencies into every `coderemote run`.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stddef.h>

/// libcurl's version information, from the library opened on demand, or NULL when libcurl is not
/// installed.
static inline curl_version_info_data *curlx_version(void) {
  void *library = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
  if (!library) return NULL;
  typedef curl_version_info_data *(*version_info_fn)(CURLversion);
  version_info_fn version_info = (version_info_fn)dlsym(library, "curl_version_info");
  return version_info ? version_info(CURLVERSION_NOW) : NULL;
}

/// The libcurl functions the client uses, looked up once by `curlx_open`.
typedef struct {
  CURLcode (*global_init)(long flags);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
  CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
  CURLcode (*easy_perform)(CURL *handle);
  void (*easy_cleanup)(CURL *handle);
  const char *(*easy_strerror)(CURLcode code);
  struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
  void (*slist_free_all)(struct curl_slist *list);
  void (*easy_reset)(CURL *handle);
} curlx_api;

/// Opens libcurl and fills `api`; 0 on success, else -1 with `dlerror`'s words in `why`. Not
/// thread-safe: the Swift side calls it once (a `static let`) and shares the result.
static inline int curlx_open(curlx_api *api, char *why, size_t why_size) {
  void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *error = dlerror();
    snprintf(why, why_size, "%s", error ? error : "libcurl.so.4 not found");
    return -1;
  }
#define CURLX_LOOK_UP(field, symbol)                                      \
  *(void **)(&api->field) = dlsym(library, symbol);                       \
  if (!api->field) {                                                      \
    snprintf(why, why_size, "libcurl.so.4 has no %s", symbol);            \
    return -1;                                                            \
  }
  CURLX_LOOK_UP(global_init, "curl_global_init")
  CURLX_LOOK_UP(easy_init, "curl_easy_init")
  CURLX_LOOK_UP(easy_setopt, "curl_easy_setopt")
  CURLX_LOOK_UP(easy_getinfo, "curl_easy_getinfo")
  CURLX_LOOK_UP(easy_perform, "curl_easy_perform")
  CURLX_LOOK_UP(easy_cleanup, "curl_easy_cleanup")
  CURLX_LOOK_UP(easy_strerror, "curl_easy_strerror")
  CURLX_LOOK_UP(slist_append, "curl_slist_append")
  CURLX_LOOK_UP(slist_free_all, "curl_slist_free_all")
  CURLX_LOOK_UP(easy_reset, "curl_easy_reset")
#undef CURLX_LOOK_UP
  if (api->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    snprintf(why, why_size, "curl_global_init failed");
    return -1;
  }
  return 0;
}

// One wrapper per argument type curl_easy_setopt takes.
static inline CURLcode curlx_setopt_long(const curlx_api *api, CURL *h, CURLoption option, long value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode curlx_setopt_string(const curlx_api *api, CURL *h, CURLoption option,
                                           const char *value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode curlx_setopt_pointer(const curlx_api *api, CURL *h, CURLoption option, void *value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode curlx_setopt_list(const curlx_api *api, CURL *h, CURLoption option,
                                         struct curl_slist *value) {
  return api->easy_setopt(h, option, value);
}
/// CURLOPT_WRITEFUNCTION or CURLOPT_HEADERFUNCTION.
static inline CURLcode curlx_setopt_write_function(const curlx_api *api, CURL *h, CURLoption option,
                                                   curl_write_callback callback) {
  return api->easy_setopt(h, option, callback);
}
static inline CURLcode curlx_setopt_xferinfo_function(const curlx_api *api, CURL *h,
                                                      curl_xferinfo_callback callback) {
  return api->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode curlx_getinfo_long(const curlx_api *api, CURL *h, CURLINFO info, long *value) {
  return api->easy_getinfo(h, info, value);
}
#endif
