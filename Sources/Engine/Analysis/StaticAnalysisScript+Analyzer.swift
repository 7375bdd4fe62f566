extension StaticAnalysisScript {
  /// The Analyzer: the walk of each function's statements, with what it knows at each point (`Ctx`),
  /// the costs it adds up and the hot lines (hotspots) it records, per function (`Summary`).
  static let analyzer = #"""
    class Summary:
        def __init__(self, name, line):
            self.name, self.line = name, line
            self.time, self.space = ONE, ZERO
            self.reason = "constant work"
            self.confidence = "high"
            self.cyclomatic = 1
            self.symbols = {}  # param -> symbol
            self.params = []
            self.done = False


    class Ctx:
        """What the walk knows at one point of a function: sizes and kinds of names, enclosing loops."""

        def __init__(self, analyzer, summary, node):
            self.a, self.summary, self.node = analyzer, summary, node
            self.sizes, self.kinds, self.elements = {}, {}, {}
            self.mult = ONE
            self.loops = []  # descriptions of the enclosing loops
            self.space = ZERO
            self.self_calls = []
            self.candidates = []  # (cost, reason)
            self.low = []  # why confidence is lower
            self.mids = set()  # names assigned a midpoint


    class Analyzer(LoopBounds, ExpressionCosts, Sizes, Recursion):
        def __init__(self, tree, source):
            self.tree, self.source = tree, source
            self.functions = {}  # qualified name -> (node, class name)
            self.closures = {}  # nested function -> the context of the function that defines it
            self.summaries = {}
            self.hotspots = []
            for node in tree.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    self.functions[node.name] = (node, None)
                elif isinstance(node, ast.ClassDef):
                    for item in node.body:
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            self.functions[node.name + "." + item.name] = (item, node.name)

        # ---- symbols ----
        def sized_params(self, node):
            params = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
            if params and params[0] in ("self", "cls"):
                params = params[1:]
            used = set()
            for sub in walk(node):
                if isinstance(sub, (ast.For, ast.comprehension)):
                    used |= {n.id for n in walk(sub.iter) if isinstance(n, ast.Name)}
                elif isinstance(sub, ast.Call) and call_name(sub) in LINEAR_BUILTINS | LAZY | {"len", "sorted", "sort"}:
                    used |= {n.id for a in sub.args for n in walk(a) if isinstance(n, ast.Name)}
                    if isinstance(sub.func, ast.Attribute):
                        used |= {name_of(sub.func.value)}
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
                    used.add(name_of(sub.func.value))
                elif isinstance(sub, ast.While):
                    used |= {n.id for n in walk(sub.test) if isinstance(n, ast.Name)}
                elif isinstance(sub, ast.Compare) and any(isinstance(o, (ast.In, ast.NotIn)) for o in sub.ops):
                    used |= {name_of(c) for c in sub.comparators}
                elif isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Slice):
                    used.add(name_of(sub.value))
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == node.name:
                    used |= {n.id for a in sub.args for n in walk(a) if isinstance(n, ast.Name)}
            defaults = {}
            positional = node.args.posonlyargs + node.args.args
            for a, d in zip(positional[len(positional) - len(node.args.defaults):], node.args.defaults):
                defaults[a.arg] = d
            symbols, i = {}, 0
            for p in params:
                d = defaults.get(p)
                if p in used and not (d is not None and isinstance(d, ast.Constant) and d.value is None and p == "memo"):
                    if p in ("memo", "cache", "dp") or (d is not None and isinstance(d, ast.Dict)):
                        continue
                    if p in SCALAR_NAMES and i > 0:
                        continue
                    symbols[p] = SYMBOLS[min(i, len(SYMBOLS) - 1)]
                    i += 1
            return params, symbols

        def summary(self, qualified):
            if qualified in self.summaries:
                s = self.summaries[qualified]
                if not s.done:
                    s.confidence = "low"  # mutual recursion: the cycle is cut here
                return s
            node, cls = self.functions[qualified]
            s = Summary(qualified, node.lineno)
            self.summaries[qualified] = s
            s.params, s.symbols = self.sized_params(node)
            ctx = Ctx(self, s, node)
            ctx.cls = cls
            ctx.bounds = {}
            closure = self.closures.get(qualified)
            s.nested = closure is not None
            if closure is not None:
                # A nested function sees its caller's names; an index compared with len(x) of one of
                # them ranges over x's size.
                ctx.sizes.update(closure.sizes)
                ctx.kinds.update(closure.kinds)
                for sub in walk(node):
                    if isinstance(sub, ast.Compare) and isinstance(sub.left, ast.Name):
                        for c in sub.comparators:
                            if isinstance(c, ast.Call) and call_name(c) == "len" and c.args:
                                size = self.size(c.args[0], closure)
                                if size is not None:
                                    ctx.bounds[sub.left.id] = size
                s.symbols = {}
            for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                kind = annotation_kind(a.annotation)
                if a.arg in s.symbols:
                    sym = s.symbols[a.arg]
                    ctx.sizes[a.arg] = var(sym)
                    if kind == "matrix":
                        ctx.kinds[a.arg] = LIST
                        ctx.elements[a.arg] = var(sym)
                    else:
                        ctx.kinds[a.arg] = kind or (INT if a.arg.lower() in INT_NAMES else None)
                else:
                    ctx.kinds[a.arg] = kind
            ctx.local_defs = dict(closure.local_defs) if closure is not None else {}
            for st in node.body:
                if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    inner = qualified + "." + st.name
                    self.functions[inner] = (st, cls)
                    ctx.local_defs[st.name] = inner
            self.block(node.body, ctx)
            work = self.total(ctx)
            s.cyclomatic = cyclomatic(node)
            if ctx.self_calls:
                self.solve_recursion(node, s, ctx, work)
            else:
                s.time = work
                s.space = ctx.space
                s.reason = self.reason_for(ctx, work)
            if ctx.low and s.confidence == "high":
                s.confidence = "medium"
            s.notes = ctx.low
            s.done = True
            return s

        def total(self, ctx):
            cost = ONE
            for c, _ in ctx.candidates:
                cost = cost + c
            return cost

        def reason_for(self, ctx, cost):
            best = None
            for c, why in ctx.candidates:
                if best is None or c.weight() > best[0].weight():
                    best = (c, why)
            if best is None or best[0].constant():
                return "constant work"
            return best[1]

        def add(self, ctx, cost, why, line=None, hot=True):
            total = ctx.mult * cost
            ctx.candidates.append((total, why))
            if hot and line is not None and not cost.constant():
                self.hotspots.append((total, line, why, ctx.summary.name))
            return total

        # ---- statements ----
        def block(self, stmts, ctx):
            for st in stmts:
                self.stmt(st, ctx)

        def stmt(self, st, ctx):
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                return  # nested definitions are costed where they are called
            if isinstance(st, (ast.For, ast.AsyncFor)):
                self.for_loop(st, ctx)
            elif isinstance(st, ast.While):
                self.while_loop(st, ctx)
            elif isinstance(st, ast.If):
                self.expr(st.test, ctx)
                self.block(st.body, ctx)
                self.block(st.orelse, ctx)
            elif isinstance(st, ast.Assign):
                self.expr(st.value, ctx)
                for target in st.targets:
                    self.assign(target, st.value, ctx)
            elif isinstance(st, ast.AnnAssign) and st.value is not None:
                self.expr(st.value, ctx)
                self.assign(st.target, st.value, ctx)
            elif isinstance(st, ast.AugAssign):
                self.aug_assign(st, ctx)
            elif isinstance(st, (ast.Expr, ast.Return)) and st.value is not None:
                self.expr(st.value, ctx)
            elif isinstance(st, (ast.With, ast.AsyncWith)):
                for item in st.items:
                    self.expr(item.context_expr, ctx)
                self.block(st.body, ctx)
            elif isinstance(st, ast.Try) or st.__class__.__name__ == "TryStar":
                self.block(st.body, ctx)
                for h in st.handlers:
                    self.block(h.body, ctx)
                self.block(st.orelse, ctx)
                self.block(st.finalbody, ctx)
            elif st.__class__.__name__ == "Match":
                self.expr(st.subject, ctx)
                for case in st.cases:
                    self.block(case.body, ctx)
            elif isinstance(st, (ast.Assert, ast.Raise, ast.Delete)):
                for sub in ast.iter_child_nodes(st):
                    if isinstance(sub, ast.expr):
                        self.expr(sub, ctx)

        def assign(self, target, value, ctx):
            if isinstance(target, ast.Name):
                ctx.sizes[target.id] = self.size(value, ctx)
                ctx.kinds[target.id] = self.kind(value, ctx)
                ctx.elements[target.id] = self.element_size(value, ctx)
                if any(isinstance(n, ast.BinOp) and isinstance(n.op, (ast.FloorDiv, ast.RShift, ast.Div))
                       for n in walk(value)):
                    ctx.mids.add(target.id)
                size = ctx.sizes[target.id]
                if ctx.kinds[target.id] in (LIST, SET, DICT, STR, DEQUE, TUPLE) and size and not size.constant():
                    ctx.space = ctx.space + size
            elif isinstance(target, (ast.Tuple, ast.List)):
                values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) else None
                for i, t in enumerate(target.elts):
                    if values:
                        self.assign(t, values[i], ctx)
                    elif isinstance(t, ast.Name):
                        ctx.sizes[t.id], ctx.kinds[t.id] = None, None
            elif isinstance(target, ast.Subscript):
                self.expr(target.slice, ctx)
                base = name_of(target.value)
                if base and ctx.kinds.get(base) in HASHED and not ctx.mult.constant():
                    self.grow(base, ctx)

        def grow(self, name, ctx):
            ctx.sizes[name] = (ctx.sizes.get(name) or ZERO) + ctx.mult
            ctx.space = ctx.space + ctx.mult

        def aug_assign(self, st, ctx):
            self.expr(st.value, ctx)
            if isinstance(st.target, ast.Name):
                name = st.target.id
                kind = ctx.kinds.get(name)
                if isinstance(st.op, ast.Add) and kind == STR and not ctx.mult.constant():
                    self.add(ctx, ctx.mult, "string `+=` in a loop copies the string each time", st.lineno)
                    self.grow(name, ctx)
                elif isinstance(st.op, ast.Add) and kind in (LIST, DEQUE):
                    added = self.size(st.value, ctx) or ONE
                    self.add(ctx, added, "`+=` extends the list", st.lineno)
                    ctx.sizes[name] = (ctx.sizes.get(name) or ZERO) + ctx.mult * added
                    ctx.space = ctx.space + ctx.mult * added
                elif isinstance(st.op, ast.Add) and kind == INT:
                    pass

    """#
}
