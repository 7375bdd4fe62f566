// ncursesw shim: Swift cannot import C macros or (in Swift 6 mode) mutable C globals,
// so the few we need are wrapped as static inline functions here.
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which is what normally turns on the wide API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <stdio.h>
#include <wchar.h>

extern int wcwidth(wchar_t c);  // hidden by the Swift Glibc module without _XOPEN_SOURCE

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline int nc_key_f(int n) { return KEY_F(n); }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_italic(void) { return A_ITALIC; }
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline mmask_t nc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nc_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t nc_wheel_down(void) { return BUTTON5_PRESSED; }
static inline void nc_set_escdelay(int ms) { set_escdelay(ms); }

// Whether terminfo has a full-screen entry for NAME (one that can move the cursor), and its colour
// count, without starting the screen.
static inline int nc_probe_terminal(const char *name, int *colors) {
  int error = 0;
  if (setupterm(name, 1, &error) != OK) return 0;
  char *cup = tigetstr("cup");
  int usable = cup != NULL && cup != (char *)-1;
  *colors = tigetnum("colors");
  del_curterm(cur_term);
  return usable;
}
// newterm on the standard streams (mutable C globals Swift 6 cannot read).
static inline SCREEN *nc_newterm(const char *name) { return newterm(name, stdout, stdin); }
// A string capability of the current terminal, or NULL when it has none.
static inline const char *nc_string_capability(const char *name) {
  char *value = tigetstr(name);
  return value == (char *)-1 ? NULL : value;
}

#endif
