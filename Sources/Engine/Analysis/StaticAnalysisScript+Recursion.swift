extension StaticAnalysisScript {
  /// Recursion: the recurrence of a function that calls itself (how many calls, how the size
  /// shrinks, memoisation) and its solution, as the `Recursion` part of the Analyzer.
  static let recursion = #"""
    class Recursion:
        """The Analyzer's recursion: recurrences solved from the calls a function makes of itself."""

        # ---- recursion ----
        def solve_recursion(self, node, s, ctx, work):
            params = s.params
            memo = any(
                (isinstance(d, ast.Name) and d.id in CACHE_DECORATORS) or
                (isinstance(d, ast.Attribute) and d.attr in CACHE_DECORATORS) or
                (isinstance(d, ast.Call) and call_name(d) in CACHE_DECORATORS)
                for d in node.decorator_list) or self.dict_memo(node)
            shrinks, sym_of = [], s.symbols
            in_loop = None
            changing = set()
            for call, mult, loops in ctx.self_calls:
                kind, base = "none", None
                args = list(call.args)
                if isinstance(call.func, ast.Attribute):
                    pass
                for i, a in enumerate(args):
                    if i >= len(params):
                        break
                    p = params[i]
                    k, b = self.shrink(a, p, ctx)
                    if k != "same":
                        changing.add(p)
                    if k == "div":
                        kind, base = "div", b
                    elif k == "sub" and kind != "div":
                        kind = "sub"
                    elif k == "grow" and kind == "none":
                        kind = "sub"
                shrinks.append(kind)
                recursive_loops = [t for _, t in loops if not t.constant()]
                if recursive_loops:
                    in_loop = recursive_loops[0]
            a = self.calls_per_activation(node.body, s.name.split(".")[-1])
            symbol_params = [p for p in params if p in sym_of]
            sym = None
            for p in params:
                if p in changing and p in sym_of:
                    sym = sym_of[p]
                    break
            firsts = [p for p in params if p in sym_of]
            if firsts and firsts[0] not in changing and ctx.kinds.get(firsts[0]) != INT:
                sym = sym_of[firsts[0]]  # lo, hi or i index into it
            if sym is None:
                sym = self.first_symbol(ctx)
            n = var(sym)
            if "none" in shrinks and not memo:
                ctx.low.append("recursive call whose argument does not visibly shrink")
            kind = "div" if shrinks and all(k == "div" for k in shrinks) else "sub"
            base = 2
            for call, _, _ in ctx.self_calls:
                for i, arg in enumerate(call.args):
                    if i < len(params):
                        k, b = self.shrink(arg, params[i], ctx)
                        if k == "div" and b:
                            base = b
            if memo:
                states = ONE
                for p in params:
                    if p in changing:
                        bound = ctx.bounds.get(p)
                        states = states * (bound or (var(sym_of[p]) if p in sym_of else n))
                if states.constant():
                    states = n
                s.time = states * work
                s.space = states + ctx.space
                s.reason = "memoized recursion: %s states × %s each" % (states.text()[2:-1], work.text())
                return
            if in_loop is not None and kind == "sub":
                s.time = C([T(f=[sym])])
                s.space = n * ONE + ctx.space
                s.reason = "recursion inside a loop over %s, argument shrinking by one: permutations" % in_loop.text()[2:-1]
                return
            if kind == "sub":
                if a >= 2:
                    s.time = C([T(e=[sym])])
                    s.reason = "recursion T(%s) = %dT(%s-1) + %s" % (sym, a, sym, work.text())
                else:
                    s.time = n * work
                    s.reason = "recursion T(%s) = T(%s-1) + %s" % (sym, sym, work.text())
                s.space = n * (ctx.space if ctx.space.terms else ONE)
                return
            # T(n) = a T(n/b) + f(n): the master theorem
            import math
            d, k = 0, 0
            for t in work.terms:
                dd = dict(t.p).get(sym, 0)
                kk = dict(t.l).get(sym, 0)
                if (dd, kk) > (d, k):
                    d, k = dd, kk
            crit = math.log(a, base) if a > 0 else 0
            if abs(crit - d) < 1e-9:
                s.time = C([T({sym: d}, {sym: k + 1})])
            elif d > crit:
                s.time = work
            else:
                s.time = C([T({sym: round(crit, 2)})]) if crit > 0 else ONE
            s.reason = "recursion T(%s) = %sT(%s/%d) + %s" % (sym, "" if a == 1 else str(a), sym, base, work.text())
            s.space = log_of(n) + ctx.space

        def dict_memo(self, node):
            """`if key in memo: return memo[key]` ... `memo[key] = value`."""
            checks, stores = set(), set()
            for sub in walk(node):
                if isinstance(sub, ast.Compare) and any(isinstance(o, ast.In) for o in sub.ops):
                    checks |= {name_of(c) for c in sub.comparators}
                if isinstance(sub, ast.Assign):
                    for t in sub.targets:
                        if isinstance(t, ast.Subscript):
                            stores.add(name_of(t.value))
            return bool(checks & stores - {None})

        def shrink(self, arg, param, ctx):
            names = {n.id for n in walk(arg) if isinstance(n, ast.Name)}
            if isinstance(arg, ast.Name) and arg.id == param:
                return "same", None
            if isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Name) and arg.left.id == param:
                c = const_int(arg.right)
                if isinstance(arg.op, ast.Sub):
                    return "sub", None
                if isinstance(arg.op, ast.Add):
                    return "grow", None
                if isinstance(arg.op, (ast.FloorDiv, ast.Div)):
                    return "div", int(c) if c and c >= 2 else 2
                if isinstance(arg.op, ast.RShift):
                    return "div", 2 ** int(c) if c else 2
            if isinstance(arg, ast.Subscript) and isinstance(arg.slice, ast.Slice) and name_of(arg.value) == param:
                bounds = [b for b in (arg.slice.lower, arg.slice.upper) if b is not None]
                if any(const_int(b) is None for b in bounds):
                    return "div", 2
                return "sub", None
            mids = ctx.mids
            if names & mids:
                return "div", 2
            if param in names:
                return "sub", None
            return ("same", None) if not names else ("sub", None)

        def calls_per_activation(self, body, fname):
            """The most recursive calls one activation makes along any path (branches are exclusive)."""
            def count_expr(node):
                return sum(1 for n in walk(node) if isinstance(n, ast.Call) and (
                    (isinstance(n.func, ast.Name) and n.func.id == fname) or
                    (isinstance(n.func, ast.Attribute) and n.func.attr == fname)))

            def returns(stmts):
                return bool(stmts) and isinstance(stmts[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))

            def count(stmts):
                total = 0
                for i, st in enumerate(stmts):
                    if isinstance(st, ast.If) and (returns(st.body) or returns(st.orelse)):
                        rest = stmts[i + 1:]
                        body = count(st.body) + (0 if returns(st.body) else count(rest))
                        other = count(st.orelse) + (0 if returns(st.orelse) else count(rest))
                        return total + count_expr(st.test) + max(body, other)
                    if isinstance(st, ast.If):
                        total += count_expr(st.test) + max(count(st.body), count(st.orelse))
                    elif isinstance(st, (ast.For, ast.While)):
                        total += count(st.body) * 2 + count_expr(getattr(st, "iter", None) or st.test)
                    elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        continue
                    elif isinstance(st, ast.Try):
                        total += count(st.body) + count(st.finalbody)
                    elif isinstance(st, ast.With):
                        total += count(st.body)
                    else:
                        total += count_expr(st)
                return total
            return count(body)

    """#
}
