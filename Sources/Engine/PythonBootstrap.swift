/// The program Python starts with when an import policy is on. It installs an audit hook (which no
/// later code can remove), then compiles `main.py` under that name and runs it as `__main__`, so
/// tracebacks show the editor's line numbers and not the bootstrap's frames.
enum PythonBootstrap {
  static let template = #"""
    import sys

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

    def _coderemote_run_main():
        import os
        path = os.path.abspath('main.py')
        with open(path, 'rb') as source_file:
            source = source_file.read()
        main = type(sys)('__main__')
        main.__file__ = path
        main.__builtins__ = __builtins__
        sys.modules['__main__'] = main
        sys.argv[:] = ['main.py'] + sys.argv[2:]
        sys.path[0] = os.path.dirname(path)
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

    _coderemote_install(@POLICY@, @IMPORTS@, @EVENTS@)
    del _coderemote_install
    _coderemote_run_main()

    """#
}
