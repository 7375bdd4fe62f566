extension StaticAnalysisScript {
  /// Loop bounds: how many times a `for` or `while` body runs (ranges, halving, two pointers, counters
  /// reset inside a loop), as the `LoopBounds` part of the Analyzer.
  static let loopBounds = #"""
    class LoopBounds:
        """The Analyzer's loops: how often a loop body runs, and why."""

        def trips_of_iter(self, it, ctx):
            """How many times `for x in it` runs, and how to say it."""
            if isinstance(it, ast.Call) and call_name(it) in ("enumerate", "reversed", "sorted", "list", "iter") and it.args:
                if call_name(it) == "sorted":
                    self.expr(it, ctx)
                return self.trips_of_iter(it.args[0], ctx)
            if isinstance(it, ast.Call) and call_name(it) == "zip" and it.args:
                sizes = [self.size(a, ctx) for a in it.args]
                known = [s for s in sizes if s is not None]
                return (known[0] if known else var("n")), "zip"
            if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr in ("items", "keys", "values"):
                return self.trips_of_iter(it.func.value, ctx)
            size = self.size(it, ctx)
            if size is None:
                if isinstance(it, ast.Call) and call_name(it) in self.user_callables(ctx):
                    size = ONE
                else:
                    ctx.low.append("line %d: the size of `%s` is not known; assumed n" % (it.lineno, short(it)))
                    size = var("n")
            return size, None

        def loop_reason(self, ctx, trips, kind="loop"):
            chain = ctx.loops + [(kind, trips)]
            nonconstant = [(k, t) for k, t in chain if not t.constant()]
            if not nonconstant:
                return "constant loop"
            if len(nonconstant) == 1:
                k, t = nonconstant[0]
                if k.startswith("halving"):
                    return "%s: %s steps" % (k, t.text()[2:-1])
                return "%s over %s" % (k, t.text()[2:-1])
            same = len({t for _, t in nonconstant}) == 1 and all(k == "loop" for k, _ in nonconstant)
            if same and len(nonconstant) == 2:
                return "loop in loop over %s" % nonconstant[0][1].text()[2:-1]
            if same:
                return "%d nested loops over %s" % (len(nonconstant), nonconstant[0][1].text()[2:-1])
            return " inside ".join("%s over %s" % (k, t.text()[2:-1]) for k, t in reversed(nonconstant))

        def run_loop(self, body, trips, kind, line, ctx, before=None, orelse=()):
            reason = self.loop_reason(ctx, trips, kind)
            saved_mult, saved_loops = ctx.mult, ctx.loops
            ctx.mult = ctx.mult * trips
            ctx.loops = ctx.loops + [(kind, trips)]
            mark = len(ctx.candidates)
            ctx.loop_bodies = getattr(ctx, "loop_bodies", []) + [body]
            if before:
                before()
            # What the loop fills has its final size from the start: `x in seen` sees all of it.
            for name in filled_in(body):
                if ctx.kinds.get(name) in (LIST, SET, DICT, STR, DEQUE, None) and name in ctx.sizes:
                    ctx.sizes[name] = (ctx.sizes.get(name) or ZERO) + ctx.mult
            self.block(body, ctx)
            inner = ctx.candidates[mark:]
            ctx.loop_bodies = ctx.loop_bodies[:-1]
            ctx.mult, ctx.loops = saved_mult, saved_loops
            ctx.candidates.append((ctx.mult * trips, reason))
            if len(ctx.loops) >= 1 and not (ctx.mult * trips).constant() and not any(
                    c.weight() >= (ctx.mult * trips).weight() for c, _ in inner):
                self.hotspots.append((ctx.mult * trips, line, reason, ctx.summary.name))
            self.block(orelse, ctx)

        def for_loop(self, st, ctx):
            trips, _ = self.trips_of_iter(st.iter, ctx)
            if not isinstance(st.iter, ast.Call) or call_name(st.iter) != "sorted":
                self.expr(st.iter, ctx, iterating=True)
            element = self.element_size(st.iter, ctx)
            iter_kind = self.kind(st.iter, ctx)

            def bind():
                for t in walk(st.target):
                    if isinstance(t, ast.Name):
                        ctx.kinds[t.id] = None
                        ctx.sizes[t.id] = element
                        ctx.elements[t.id] = None
                if isinstance(st.target, ast.Name):
                    if iter_kind == RANGE:
                        ctx.sizes[st.target.id] = trips
                        ctx.kinds[st.target.id] = INT
                    elif iter_kind == STR:
                        ctx.kinds[st.target.id] = STR
                        ctx.sizes[st.target.id] = ONE
                    elif element is not None and not element.constant():
                        ctx.kinds[st.target.id] = LIST
                elif isinstance(st.target, ast.Tuple) and isinstance(st.iter, ast.Call) and call_name(st.iter) == "enumerate":
                    first = st.target.elts[0]
                    if isinstance(first, ast.Name):
                        ctx.sizes[first.id] = trips
                        ctx.kinds[first.id] = INT
            self.run_loop(st.body, trips, "loop", st.lineno, ctx, before=bind, orelse=st.orelse)

        def while_loop(self, st, ctx):
            self.expr(st.test, ctx)
            names = {n.id for n in walk(st.test) if isinstance(n, ast.Name)}
            steps = {}
            for sub in walk(st.body):
                if isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name) and sub.target.id in names:
                    c = const_int(sub.value)
                    if isinstance(sub.op, (ast.FloorDiv, ast.Div, ast.RShift, ast.Mult, ast.LShift)) and (
                            c is None or abs(c) >= 2 or isinstance(sub.op, (ast.RShift, ast.LShift))):
                        steps[sub.target.id] = "geometric" if c is not None else steps.get(sub.target.id, "other")
                    elif isinstance(sub.op, (ast.Add, ast.Sub)) and c is not None:
                        steps.setdefault(sub.target.id, "arithmetic")
                    else:
                        steps[sub.target.id] = "other"
                elif isinstance(sub, ast.Assign) and len(sub.targets) == 1 and isinstance(sub.targets[0], ast.Name) \
                        and sub.targets[0].id in names:
                    v, name = sub.value, sub.targets[0].id
                    mids = {n.id for n in walk(v) if isinstance(n, ast.Name)} & (ctx.mids | self.mids_in(st.body))
                    if isinstance(v, ast.BinOp) and isinstance(v.op, (ast.FloorDiv, ast.Div, ast.RShift, ast.Mult, ast.LShift)) \
                            and name in {n.id for n in walk(v) if isinstance(n, ast.Name)}:
                        steps[name] = "geometric"
                    elif mids:
                        steps[name] = "geometric"
                    elif isinstance(v, ast.BinOp) and isinstance(v.op, (ast.Add, ast.Sub)) and const_int(v.right) is not None:
                        steps.setdefault(name, "arithmetic")
                    else:
                        steps[name] = steps.get(name) or "other"
            pointers = {}
            if not steps or set(steps.values()) == {"other"}:
                for sub in walk(st.body):
                    if isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name) and isinstance(sub.op, (ast.Add, ast.Sub)) \
                            and const_int(sub.value) is not None:
                        pointers[sub.target.id] = None
                for sub in walk(st.body):
                    if isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Name) and sub.slice.id in pointers:
                        pointers[sub.slice.id] = self.size(sub.value, ctx)
                pointers = {p: sz for p, sz in pointers.items() if sz is not None}
                if pointers:
                    steps = {p: "arithmetic" for p in pointers}
                    names = names | set(pointers)
            bound = ZERO
            for sz in pointers.values():
                bound = bound + sz
            for n in walk(st.test):
                if isinstance(n, (ast.Name, ast.Call, ast.Attribute)):
                    s = self.size(n, ctx)
                    if s is not None:
                        bound = bound + s
            for n in names:
                s = ctx.sizes.get(n)
                if s is not None:
                    bound = bound + s
            if not bound.terms or bound.constant():
                always = isinstance(st.test, ast.Constant) and st.test.value
                if always or names:
                    ctx.low.append("line %d: %s; assumed linear" % (
                        st.lineno, "unbounded loop" if always else "loop bound not known"))
                    bound = var(self.first_symbol(ctx))
                else:
                    bound = ONE
            kinds = set(steps.values())
            if "arithmetic" in kinds and "geometric" not in kinds:
                kinds = {"arithmetic"}  # a counter stepped by a constant bounds the loop, whatever else changes
            if "geometric" in kinds and kinds <= {"geometric", "arithmetic"} and "arithmetic" not in kinds:
                trips, kind = log_of(bound), "halving/doubling loop"
            elif kinds == {"arithmetic"} or "geometric" in kinds:
                trips, kind = bound, "loop"
            else:
                if not bound.constant():
                    ctx.low.append("line %d: loop variable changes in a way not recognised; assumed linear" % st.lineno)
                trips, kind = bound, "loop"
            amortized = kinds == {"arithmetic"} and ctx.loops and not self.reset_inside(names, ctx, st)
            if amortized:
                saved_mult, saved_loops = ctx.mult, ctx.loops
                # Two pointers: the counter only moves forward and is not reset by the enclosing loop, so
                # this loop runs `bound` times in all, not per outer iteration.
                base = ONE
                for _, t in ctx.loops[:-1]:
                    base = base * t
                ctx.mult, ctx.loops = base, ctx.loops[:-1]
                self.run_loop(st.body, trips, "loop (amortised, two pointers)", st.lineno, ctx)
                ctx.mult, ctx.loops = saved_mult, saved_loops
            else:
                self.run_loop(st.body, trips, kind, st.lineno, ctx)
            self.block(st.orelse, ctx)

        def reset_inside(self, names, ctx, loop):
            """Whether the enclosing loop's body assigns the counter outside the inner loop."""
            body = ctx.loop_bodies[-1] if getattr(ctx, "loop_bodies", None) else None
            if body is None:
                return True
            inner = set(id(n) for n in walk(loop))
            for sub in body:
                for n in walk(sub):
                    if id(n) in inner:
                        continue
                    if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for t in n.targets):
                        return True
            return False

        def mids_in(self, body):
            out = set()
            for sub in walk(body):
                if isinstance(sub, ast.Assign) and len(sub.targets) == 1 and isinstance(sub.targets[0], ast.Name):
                    if any(isinstance(n, ast.BinOp) and isinstance(n.op, (ast.FloorDiv, ast.RShift, ast.Div))
                           for n in walk(sub.value)):
                        out.add(sub.targets[0].id)
            return out

        def first_symbol(self, ctx):
            syms = sorted(ctx.summary.symbols.values(), key=order)
            return syms[0] if syms else "n"

        def user_callables(self, ctx):
            return set(self.functions) | {q.split(".")[-1] for q in self.functions}

    """#
}
