import Execution
import Processes
import Settings

/// The program Python starts with, passed with `-c` so no file has to be made for it. The
/// interpreter runs with `-I -S`: `site` costs a hello-world run a third of its start-up (it imports
/// `os` and runs every `.pth` file of the host), so the bootstrap does the part a program needs —
/// `exit()`/`quit()`/`help()`, and the site-packages directories, added only when an import first
/// misses the standard library — installs the import policy's audit hook when there is one (no later
/// code can remove it), then compiles `main.py` under that name and runs it as `__main__`, so
/// tracebacks show the editor's line numbers and not the bootstrap's frames.
enum PythonBootstrap {
  /// The source for `policy`; the lists are embedded as Python literals, never spliced from input.
  static func source(policy: ImportPolicy) -> String {
    guard policy != .off else { return prelude + runMain }
    func literal(_ names: [String]) -> String {
      "frozenset({" + names.map { "'\($0)'" }.joined(separator: ", ") + "})"
    }
    let install =
      "_coderemote_install('\(policy.rawValue)', \(literal(policy.blockedImports)), "
      + "\(literal(policy.blockedEvents)))\ndel _coderemote_install\n\n"
    return prelude + auditHook + install + runMain
  }

  static let prelude = #"""
    import sys

    def _coderemote_site():
        import builtins
        try:
            import _sitebuiltins
        except ImportError:
            pass
        else:
            builtins.exit = _sitebuiltins.Quitter('exit', 'Ctrl-D (i.e. EOF)')
            builtins.quit = _sitebuiltins.Quitter('quit', 'Ctrl-D (i.e. EOF)')
            builtins.help = _sitebuiltins._Helper()

        class LateSitePackages:
            """Last on sys.meta_path: the first import nothing else finds adds site-packages and
            looks again. Programs that use only the standard library never pay for `site`."""
            @classmethod
            def find_spec(cls, name, path=None, target=None):
                sys.meta_path.remove(cls)
                import site
                import os
                sys.path.extend(d for d in site.getsitepackages() if os.path.isdir(d) and d not in sys.path)
                from importlib.machinery import PathFinder
                return PathFinder.find_spec(name, path, target)

        sys.meta_path.append(LateSitePackages)

    _coderemote_site()
    del _coderemote_site

    def _coderemote_order_streams():
        """stdout and stderr are two pipes: once both hold unread bytes, the reader cannot tell which
        came first. So a write to stderr waits until the reader has taken what stdout holds, and then
        until it has taken the write itself; stdout, the busy stream, stays as fast as it was. Waits
        are bounded (50 ms), so a reader that stops reading never hangs the program."""
        import io
        from fcntl import ioctl
        from posix import write
        from time import monotonic, sleep
        count = bytearray(4)

        def settle(descriptor):
            deadline = None
            delay = 0.00002
            while True:
                try:
                    ioctl(descriptor, 0x541B, count)  # FIONREAD: bytes not yet read
                except OSError:
                    return
                if not int.from_bytes(count, sys.byteorder):
                    return
                now = monotonic()
                if deadline is None:
                    deadline = now + 0.05
                elif now > deadline:
                    return
                sleep(delay)
                delay = min(delay * 2, 0.001)

        class OrderedStderr(io.RawIOBase):
            def writable(self):
                return True

            def fileno(self):
                return 2

            def write(self, data):
                settle(1)
                written = write(2, data)
                settle(2)
                return written

        old = sys.stderr
        if old is not None:
            sys.stderr = io.TextIOWrapper(
                OrderedStderr(), encoding=old.encoding, errors=old.errors, write_through=True)

    _coderemote_order_streams()
    del _coderemote_order_streams

    """#

  static let auditHook = #"""
    def _coderemote_install(policy, blocked_imports, blocked_events):
        library_roots = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix})

        def imported_by_user_code():
            frame = sys._getframe(2)
            while frame is not None:
                name = frame.f_code.co_filename
                if name.startswith('<frozen') or '/importlib/' in name:
                    frame = frame.f_back
                    continue
                return not name.startswith(library_roots)
            return True

        def hook(event, args):
            if event == 'import':
                name = args[0]
                if (name in blocked_imports or name.partition('.')[0] in blocked_imports) \
                        and imported_by_user_code():
                    raise ImportError(
                        f"import of '{name}' is blocked by the '{policy}' import policy", name=name)
            elif event in blocked_events:
                raise PermissionError(f"{event} is blocked by the '{policy}' import policy")

        sys.addaudithook(hook)

    """#

  /// The argument that makes the bootstrap wait for the program on a descriptor (a warm box).
  static let waitFlag = "--coderemote-wait-fd="

  /// Runs the file named by the first argument (an absolute path) as `__main__`. A warm box first
  /// waits for the program on the descriptor `--coderemote-wait-fd=N` names, having done everything
  /// else a start needs — including Python's one-off setup of the compiler — and writes it there.
  static let runMain = #"""
    def _coderemote_run_main():
        if sys.argv[1].startswith('--coderemote-wait-fd='):
            descriptor = int(sys.argv.pop(1).partition('=')[2])
            compile('', '<warm-up>', 'exec')
            with open(descriptor, 'rb') as pipe:
                source = pipe.read()
            with open(sys.argv[1], 'wb') as main_file:
                main_file.write(source)
        path = sys.argv[1]
        with open(path, 'rb') as source_file:
            source = source_file.read()
        main = type(sys)('__main__')
        main.__file__ = path
        main.__builtins__ = __builtins__
        sys.modules['__main__'] = main
        sys.argv[:] = ['main.py'] + sys.argv[2:]
        # -I puts no script directory on sys.path; a program may import its neighbours, as with python3 main.py.
        sys.path.insert(0, path.rpartition('/')[0] or '/')
        try:
            exec(compile(source, 'main.py', 'exec'), main.__dict__)
        except SystemExit:
            raise
        except MemoryError as error:
            # Out of memory, importing `traceback` could fail too: free what the program held and
            # print the frames by hand.
            main.__dict__.clear()
            lines = ['Traceback (most recent call last):\n']
            tb = error.__traceback__.tb_next
            while tb is not None:
                code = tb.tb_frame.f_code
                lines.append(f'  File "{code.co_filename}", line {tb.tb_lineno}, in {code.co_name}\n')
                tb = tb.tb_next
            sys.stderr.write(''.join(lines) + 'MemoryError\n')
            sys.exit(1)
        except BaseException as error:
            import traceback
            # Drop this frame: the program's traceback starts in main.py.
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
            sys.exit(1)

    _coderemote_run_main()

    """#
}
