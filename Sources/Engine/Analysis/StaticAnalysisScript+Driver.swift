extension StaticAnalysisScript {
  /// The driver: reads the program, picks the entry point and its input generators, ranks the
  /// functions, and writes the one JSON report; a syntax error is a report too.
  static let driver = #"""
    def filled_in(body):
        names = set()
        for sub in walk(body):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in (
                    "append", "add", "appendleft", "insert", "extend", "setdefault"):
                names.add(name_of(sub.func.value))
            elif isinstance(sub, ast.Call) and call_name(sub) in ("heappush", "insort") and sub.args:
                names.add(name_of(sub.args[0]))
            elif isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name) and isinstance(sub.op, ast.Add):
                names.add(sub.target.id)
            elif isinstance(sub, ast.Assign):
                for t in sub.targets:
                    if isinstance(t, ast.Subscript):
                        names.add(name_of(t.value))
        names.discard(None)
        return names


    def short(node):
        try:
            text = ast.unparse(node)
        except Exception:
            text = "…"
        return text if len(text) <= 24 else text[:23] + "…"


    def cyclomatic(node):
        score = 1
        for sub in walk(node):
            if isinstance(sub, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler, ast.Assert)):
                score += 1
            elif isinstance(sub, ast.BoolOp):
                score += len(sub.values) - 1
            elif isinstance(sub, ast.comprehension):
                score += 1 + len(sub.ifs)
            elif sub.__class__.__name__ == "match_case":
                score += 1
        return score


    def directive(source, analyzer):
        import re
        for line in source.splitlines():
            m = re.match(r"\s*#\s*complexity:\s*([A-Za-z_][A-Za-z_0-9.]*)\s*\((.*)\)\s*$", line)
            if m:
                return {"function": m.group(1), "generators": split_args(m.group(2))}
        return None


    def split_args(text):
        out, depth, cur = [], 0, ""
        for ch in text:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            if ch == "," and depth == 0:
                out.append(cur.strip())
                cur = ""
            else:
                cur += ch
        if cur.strip():
            out.append(cur.strip())
        return out


    GENERATORS = {"int", "list", "sorted", "str", "matrix", "dict", "set", "const"}


    def guess_generator(arg, index):
        name = arg.arg.lower()
        kind = annotation_kind(arg.annotation)
        if "sorted" in name:
            return "sorted"
        if kind == "matrix" or name in MATRIX_NAMES:
            return "matrix"
        if index > 0 and name in SCALAR_NAMES:
            return "const"
        if kind == INT or (kind is None and name in INT_NAMES):
            return "int"
        if kind in (LIST, TUPLE) or (kind is None and name in LIST_NAMES):
            return "list"
        if kind == STR or (kind is None and name in STR_NAMES):
            return "str"
        if kind == DICT or (kind is None and name in DICT_NAMES):
            return "dict"
        if kind == SET or (kind is None and name in SET_NAMES):
            return "set"
        return None


    def entry_candidates(tree, analyzer):
        out = []
        for node in tree.body:
            if not isinstance(node, (ast.FunctionDef,)):
                continue
            args = node.args.posonlyargs + node.args.args
            if not args or node.args.vararg or node.args.kwarg:
                continue
            required = args[:len(args) - len(node.args.defaults)]
            gens = [guess_generator(a, i) for i, a in enumerate(required)]
            if all(gens) and any(g not in ("const",) for g in gens):
                out.append({"function": node.name, "generators": gens})
        return out


    def module_summary(analyzer, tree):
        fake = ast.FunctionDef(name="<module>", args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                                                   kw_defaults=[], kwarg=None, defaults=[]),
                               body=[st for st in tree.body if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))],
                               decorator_list=[], lineno=1)
        analyzer.functions["<module>"] = (fake, None)
        s = analyzer.summary("<module>")
        del analyzer.functions["<module>"]
        return s


    def in_n(cost):
        """The cost with every size called n: what one measured size can be compared with."""
        return substitute(cost, {v: var("n") for v in cost.symbols()}).text()


    def analyze(source):
        tree = ast.parse(source)
        index_tree(tree)
        analyzer = Analyzer(tree, source)
        functions = []
        for name in list(analyzer.functions):
            functions.append(analyzer.summary(name))
        module = module_summary(analyzer, tree)
        chosen = directive(source, analyzer)
        candidates = entry_candidates(tree, analyzer)
        if chosen and chosen["function"] in analyzer.summaries:
            ranked = [analyzer.summaries[chosen["function"]]]
        else:
            called = set()
            for f in functions:
                node = analyzer.functions[f.name][0]
                called |= {call_name(c) for c in walk(node) if isinstance(c, ast.Call) and call_name(c) != f.name.split(".")[-1]}
            roots = [f for f in functions if f.name.split(".")[-1] not in called] or functions
            ranked = roots
        overall_time, overall_space, why = module.time, module.space, module.reason
        owner = "<module>"
        for f in ranked:
            if f.time.weight() > overall_time.weight() or (f.time.weight() == overall_time.weight() and owner == "<module>" and f.time.constant() is False):
                overall_time, why, owner = f.time, f.reason, f.name
            if f.space.weight() > overall_space.weight():
                overall_space = f.space
        confidences = [f.confidence for f in ranked if f.name == owner] or [module.confidence]
        hotspots, seen = [], set()
        for cost, line, why_hot, fname in sorted(analyzer.hotspots, key=lambda h: (-h[0].weight(), h[1])):
            if line in seen:
                continue
            seen.add(line)
            hotspots.append({"line": line, "cost": cost.text(), "why": why_hot, "function": fname})
        # The function worth timing first: the one the overall figure comes from, then the costliest.
        candidates.sort(key=lambda c: (c["function"] != owner, -analyzer.summaries[c["function"]].time.weight()))
        notes = []
        for f in functions + [module]:
            notes += ["%s: %s" % (f.name, n) for n in getattr(f, "notes", [])]
        return {
            "time": overall_time.text(), "space": (overall_space if overall_space.terms else ONE).text(),
            "confidence": confidences[0], "owner": owner, "reason": why, "time_n": in_n(overall_time),
            "functions": [{"name": f.name, "line": f.line, "time": f.time.text(),
                           "space": (f.space if f.space.terms else ONE).text(), "reason": f.reason,
                           "cyclomatic": f.cyclomatic, "confidence": f.confidence, "time_n": in_n(f.time),
                           "symbols": {p: v for p, v in f.symbols.items() if not p.startswith("<")}} for f in functions],
            "module": {"time": module.time.text(), "reason": module.reason},
            "hotspots": hotspots[:8], "notes": notes[:12],
            "directive": chosen, "candidates": candidates,
        }


    def main():
        source = sys.stdin.buffer.read().decode("utf-8", "replace")
        try:
            report = analyze(source)
            report["ok"] = True
        except SyntaxError as e:
            report = {"ok": False, "error": "syntax error: %s" % (e.msg,), "line": e.lineno or 0}
        except RecursionError:
            report = {"ok": False, "error": "the code is nested too deeply to analyse", "line": 0}
        sys.stdout.write(json.dumps(report) + "\n")


    main()

    """#
}
