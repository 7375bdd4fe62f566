import Execution
import Processes
import Settings

/// The program Python starts with, passed with `-c` so no file has to be made for it. The
/// interpreter runs with `-I -S`: `site` costs a hello-world run a third of its start-up (it imports
/// `os` and runs every `.pth` file of the host), so the bootstrap does the part a program needs —
/// `exit()`/`quit()`/`help()`, and the site-packages directories, added only when an import first
/// misses the standard library — installs the import policy's audit hook when there is one (no later
/// code can remove it), then compiles `main.py` under the program's display name (the file as the
/// user knows it) and runs it as `__main__`, so tracebacks show that name and the editor's line
/// numbers, and not the bootstrap's frames.
enum PythonBootstrap {
  /// The source for `policy`; the lists are embedded as Python literals, never spliced from input.
  static func source(policy: ImportPolicy) -> String {
    guard policy != .off else { return prelude + runMain }
    func literal(_ names: [String]) -> String {
      "frozenset({" + names.map { "'\($0)'" }.joined(separator: ", ") + "})"
    }
    let install =
      "_coderemote_name_program = _coderemote_install('\(policy.rawValue)', "
      + "\(literal(policy.blockedImports)), \(literal(policy.blockedEvents)))\ndel _coderemote_install\n\n"
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

  /// The policy's hook. Code is the program's when its file is not the standard library's, or
  /// when it is the program's own display name (which may name any path: `run /usr/lib/x.py`).
  /// `_coderemote_install` returns the function that tells the hook that name.
  static let auditHook = #"""
    def _coderemote_install(policy, blocked_imports, blocked_events):
        library_roots = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix})
        program_names = []

        def imported_by_user_code():
            frame = sys._getframe(2)
            while frame is not None:
                name = frame.f_code.co_filename
                if name.startswith('<frozen') or '/importlib/' in name:
                    frame = frame.f_back
                    continue
                return name in program_names or not name.startswith(library_roots)
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
        return program_names.append

    """#

  /// The argument that makes the bootstrap wait for the program (a warm box):
  /// `--coderemote-wait-fd=PROGRAM,READY` names the descriptor the program comes through and the
  /// one the bootstrap writes a byte to when it starts waiting for it.
  static let waitFlag = "--coderemote-wait-fd="
  /// The argument that names a cold box's program for tracebacks (`ExecutionRequest.displayName`).
  static let nameFlag = "--coderemote-name="

  /// What a warm box's program pipe carries: the name, a NUL (a name holds none), the source.
  static func warmMessage(name: String, program: [UInt8]) -> [UInt8] {
    Array(name.utf8) + [0] + program
  }

  /// Runs the file named by the first argument (an absolute path) as `__main__`, compiled under
  /// the program's display name — `--coderemote-name=NAME` before the path, or the first part of
  /// what a warm box's pipe brings; `main.py` when neither says. A warm box first does everything
  /// else a start needs, including Python's one-off setup of the compiler, then says so with a byte
  /// on its ready descriptor and waits for its program, which it writes to the path.
  /// The display name is only a label: `__file__` and `sys.argv[0]` stay the real file in the box,
  /// and the source reaches tracebacks, warnings and `inspect` through linecache's cache, filled
  /// under that name when linecache is first imported, and through the module's `__loader__`
  /// (which linecache asks for files it cannot read), so no file of that name is read.
  static let runMain = #"""
    class _CoderemoteProgramSource:
        """The main module's loader, as far as linecache and inspect ask: the program's text. Also
        first on sys.meta_path until linecache is imported, to put the text into linecache's cache
        under the program's name then: warnings look lines up by file name alone, and importing
        linecache at start would cost a hello world 10 ms (it imports tokenize and re)."""
        def __init__(self, name, source):
            self.name = name
            self.source = source

        def get_source(self, name):
            from importlib.util import decode_source
            return decode_source(self.source)

        def seed(self, linecache):
            try:
                text = self.get_source('__main__')
            except Exception:
                return  # not text in its declared encoding: tracebacks go without source lines
            # No modification time: linecache.checkcache keeps the entry and never stats the name.
            linecache.cache[self.name] = (len(text), None, text.splitlines(True), self.name)

        def find_spec(self, name, path=None, target=None):
            if name != 'linecache':
                return None
            if self in sys.meta_path:
                sys.meta_path.remove(self)
            for finder in sys.meta_path:
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
            else:
                return None
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                self.seed(module)

            spec.loader.exec_module = exec_module
            return spec

    def _coderemote_run_main():
        import posix
        name = 'main.py'
        path = sys.argv[1]
        if path.startswith('--coderemote-wait-fd='):
            program_fd, _, ready_fd = sys.argv.pop(1).partition('=')[2].partition(',')
            compile('', '<warm-up>', 'exec')
            posix.write(int(ready_fd), b'.')
            posix.close(int(ready_fd))
            with open(int(program_fd), 'rb') as pipe:
                message = pipe.read()
            name_bytes, _, source = message.partition(b'\0')
            name = name_bytes.decode('utf-8', 'surrogateescape')
            with open(sys.argv[1], 'wb') as main_file:
                main_file.write(source)
        else:
            if path.startswith('--coderemote-name='):
                name = sys.argv.pop(1).partition('=')[2]
            with open(sys.argv[1], 'rb') as source_file:
                source = source_file.read()
        path = sys.argv[1]
        name_program = globals().pop('_coderemote_name_program', None)
        if name_program is not None:
            name_program(name)
        program = _CoderemoteProgramSource(name, source)
        if 'linecache' in sys.modules:
            program.seed(sys.modules['linecache'])
        else:
            sys.meta_path.insert(0, program)
        main = type(sys)('__main__')
        main.__file__ = path
        main.__loader__ = program
        main.__builtins__ = __builtins__
        sys.modules['__main__'] = main
        sys.argv[:] = ['main.py'] + sys.argv[2:]
        # -I puts no script directory on sys.path; a program may import its neighbours, as with python3 main.py.
        sys.path.insert(0, path.rpartition('/')[0] or '/')
        try:
            exec(compile(source, name, 'exec'), main.__dict__)
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
            # Drop this frame: the program's traceback starts in its own file.
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)
            sys.exit(1)

    _coderemote_run_main()

    """#
}
