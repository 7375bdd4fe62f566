/// The static analyser, in Python, run in the sandbox: it parses the program with Python's own `ast`
/// (every syntax of the interpreter, exactly) and never executes it. It reads the program on stdin
/// and writes one JSON object (`StaticReport`). Costs are sums of terms n^a·log^b·2^n·n! per size
/// symbol; how loops, recursion and builtins are costed is in docs/analysis.md.
enum StaticAnalysisScript {
  static let source = #"""
    import ast, json, sys

    # Costs are sums of terms; a term is n^a*m^b * log-factors * 2^v * v!. Terms that another term
    # dominates are dropped, so a cost is always its Big-O.
    class T:
        __slots__ = ("p", "l", "e", "f")

        def __init__(self, p=(), l=(), e=(), f=()):
            self.p = tuple(sorted((v, k) for v, k in dict(p).items() if k))
            self.l = tuple(sorted((v, k) for v, k in dict(l).items() if k))
            self.e = tuple(sorted(set(e)))
            self.f = tuple(sorted(set(f)))

        def key(self):
            return (self.p, self.l, self.e, self.f)

        def __eq__(self, other):
            return self.key() == other.key()

        def __hash__(self):
            return hash(self.key())

        def times(self, o):
            p = dict(self.p)
            for v, k in o.p:
                p[v] = p.get(v, 0) + k
            l = dict(self.l)
            for v, k in o.l:
                l[v] = l.get(v, 0) + k
            return T(p, l, set(self.e) | set(o.e), set(self.f) | set(o.f))

        def weight(self, big=1000.0):
            import math
            w = sum(k * math.log(big) for _, k in self.p) + sum(k * math.log(math.log(big)) for _, k in self.l)
            w += len(self.e) * big * math.log(2) + len(self.f) * big * math.log(big)
            return w

        def below(self, o):
            """Whether o dominates self."""
            if self == o:
                return True
            top = set(o.e) | set(o.f)
            if not set(self.f) <= set(o.f) or not set(self.e) <= top:
                return False
            op, ol = dict(o.p), dict(o.l)
            for v, k in self.p:
                if k > op.get(v, 0) and v not in top:
                    return False
            for v, k in self.l:
                if k > ol.get(v, 0) and op.get(v, 0) <= dict(self.p).get(v, 0) and v not in top:
                    return False
            return True

        def text(self):
            def power(v, k):
                k = int(k) if float(k).is_integer() else round(float(k), 2)
                return v if k == 1 else "%s^%s" % (v, k)
            core = [power(v, k) for v, k in sorted(self.p, key=order)]
            core += ["2^" + v for v in sorted(self.e, key=order)]
            core += [v + "!" for v in sorted(self.f, key=order)]
            logs = ["log %s" % v if k == 1 else "log^%s %s" % (k, v) for v, k in sorted(self.l, key=order)]
            text = "*".join(core)
            if logs:
                text = (text + " " if text else "") + " ".join(logs)
            return text or "1"


    SYMBOLS = ["n", "m", "k", "p", "q", "r"]


    def order(item):
        v = item[0] if isinstance(item, tuple) else item
        return (SYMBOLS.index(v) if v in SYMBOLS else 99, v)


    class C:
        """A cost: the sum of its terms, dominated ones dropped. ZERO is no work at all."""
        __slots__ = ("terms",)

        def __init__(self, terms=()):
            terms = set(terms)
            self.terms = frozenset(t for t in terms if not any(o != t and t.below(o) for o in terms))

        def __add__(self, o):
            return C(self.terms | o.terms)

        def __mul__(self, o):
            return C(a.times(b) for a in self.terms for b in o.terms)

        def __eq__(self, o):
            return self.terms == o.terms

        def __hash__(self):
            return hash(self.terms)

        def weight(self):
            return max((t.weight() for t in self.terms), default=-1.0)

        def constant(self):
            return all(t == T() for t in self.terms)

        def text(self):
            if not self.terms:
                return "O(1)"
            terms = sorted(self.terms, key=lambda t: (-t.weight(), [order(v) for v in t.p]))
            return "O(" + "+".join(t.text() for t in terms) + ")"

        def symbols(self):
            out = set()
            for t in self.terms:
                out |= {v for v, _ in t.p} | {v for v, _ in t.l} | set(t.e) | set(t.f)
            return out


    ZERO = C()
    ONE = C([T()])


    def var(v):
        return C([T({v: 1})])


    def log_of(c):
        out = ZERO
        for t in c.terms:
            for v, _ in t.p:
                out = out + C([T(l={v: 1})])
            for v in t.e + t.f:
                out = out + var(v)
        return out if out.terms else ONE


    def exp_of(c):
        out = ZERO
        for t in c.terms:
            for v, _ in t.p:
                out = out + C([T(e=[v])])
        return out if out.terms else ONE


    def power_of(c, k):
        out = ZERO
        for t in c.terms:
            out = out + C([T({v: e * k for v, e in t.p}, t.l, t.e, t.f)])
        return out if out.terms else ONE


    def substitute(cost, mapping):
        """The callee's cost with its size symbols replaced by the caller's sizes."""
        out = ZERO
        for t in cost.terms:
            part = ONE
            for v, k in t.p:
                part = part * power_of(mapping.get(v, ONE), k)
            for v, k in t.l:
                part = part * power_of(log_of(mapping.get(v, ONE)), 1) if k == 1 else part * log_of(mapping.get(v, ONE))
            for v in t.e:
                part = part * exp_of(mapping.get(v, ONE))
            for v in t.f:
                size = mapping.get(v, ONE)
                part = part * C([T(f=[s]) for s in size.symbols()] or [T()])
            out = out + part
        return out


    LIST, SET, DICT, STR, DEQUE, TUPLE, RANGE, INT, GEN = "list", "set", "dict", "str", "deque", "tuple", "range", "int", "gen"
    HASHED = {SET, DICT}
    LINEAR_BUILTINS = {"sum", "min", "max", "any", "all", "list", "tuple", "set", "frozenset", "dict", "Counter",
                       "deque", "heapify", "deepcopy", "copy", "join", "bytes", "bytearray"}
    LAZY = {"range", "enumerate", "zip", "reversed", "map", "filter", "iter"}
    MAKERS = {"list": LIST, "set": SET, "frozenset": SET, "dict": DICT, "tuple": TUPLE, "str": STR, "sorted": LIST,
              "deque": DEQUE, "Counter": DICT, "defaultdict": DICT, "OrderedDict": DICT, "range": RANGE}
    LIST_LINEAR = {"remove": "`.remove()` scans the list", "index": "`.index()` scans the list",
                   "count": "`.count()` scans", "reverse": "`.reverse()`", "copy": "`.copy()` copies"}
    STR_LINEAR = {"split", "replace", "find", "strip", "lower", "upper", "count", "index", "rstrip", "lstrip",
                  "startswith", "endswith", "encode", "rfind", "splitlines", "title", "isdigit", "isalpha"}
    CACHE_DECORATORS = {"cache", "lru_cache", "memoize", "cached"}
    SCALAR_NAMES = {"target", "k", "x", "val", "value", "key", "item", "needle", "q", "t", "goal", "limit", "threshold",
                    "lo", "hi", "low", "high", "start", "i", "j", "left", "right", "memo"}
    INT_NAMES = {"n", "m", "size", "num", "count", "length", "number", "upper", "high", "end",
                 "steps", "depth", "level", "levels", "width", "height", "rows", "cols", "amount"}
    LIST_NAMES = {"arr", "nums", "a", "b", "xs", "ys", "lst", "items", "data", "values", "numbers", "array", "seq",
                  "sequence", "elements", "l", "li", "nums1", "nums2", "vals", "heights", "prices", "arr1", "arr2",
                  "list1", "list2", "weights", "coins", "points", "stack", "queue", "keys", "ints", "scores", "v"}
    STR_NAMES = {"s", "text", "string", "word", "text1", "text2", "str1", "str2", "pattern", "sentence", "chars",
                 "s1", "s2", "w", "line", "name", "letters", "dna", "p"}
    MATRIX_NAMES = {"matrix", "grid", "board", "mat", "image", "table2d"}
    DICT_NAMES = {"d", "mapping", "counts", "freq", "table", "index", "lookup", "memo_in", "dictionary"}
    SET_NAMES = {"seen", "visited", "allowed", "banned", "members"}


    _PRE = []  # every node of the tree, in preorder
    _SPAN = {}  # id(node) -> (first, last) index of its subtree in _PRE


    def index_tree(tree):
        """One pass over the tree, so that every later walk of a subtree is a slice."""
        stack = [(tree, False)]
        while stack:
            n, done = stack.pop()
            if done:
                _SPAN[id(n)] = (_SPAN[id(n)], len(_PRE))
                continue
            _SPAN[id(n)] = len(_PRE)
            _PRE.append(n)
            stack.append((n, True))
            children = []
            for field in n._fields:
                value = getattr(n, field, None)
                if isinstance(value, ast.AST):
                    children.append(value)
                elif isinstance(value, list):
                    children.extend(v for v in value if isinstance(v, ast.AST))
            stack.extend((c, False) for c in reversed(children))


    def walk(node):
        """Every node under node (or under a list of statements), itself included."""
        if isinstance(node, list):
            out = []
            for n in node:
                out += walk(n)
            return out
        span = _SPAN.get(id(node))
        if isinstance(span, tuple):
            return _PRE[span[0]:span[1]]
        return list(ast.walk(node))


    def name_of(node):
        """`a` for a, a.b, a[i], a.b(): the variable an expression starts from."""
        while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
            node = node.func if isinstance(node, ast.Call) else node.value
        return node.id if isinstance(node, ast.Name) else None


    def call_name(call):
        f = call.func
        if isinstance(f, ast.Name):
            return f.id
        if isinstance(f, ast.Attribute):
            return f.attr
        return None


    def const_int(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return node.value
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = const_int(node.operand)
            return -v if v is not None else None
        return None


    def annotation_kind(node):
        if node is None:
            return None
        text = ast.unparse(node) if hasattr(ast, "unparse") else ""
        text = text.replace("typing.", "").replace("List", "list").replace("Dict", "dict").replace("Set", "set")
        if text.startswith("list[list") or text.startswith("list[tuple"):
            return "matrix" if text.startswith("list[list") else LIST
        for prefix, kind in (("list", LIST), ("Sequence", LIST), ("tuple", TUPLE), ("set", SET), ("frozenset", SET),
                             ("dict", DICT), ("Mapping", DICT), ("str", STR), ("int", INT), ("deque", DEQUE)):
            if text.startswith(prefix):
                return kind
        return None


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


    class Analyzer:
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

        # ---- expressions ----
        def expr(self, node, ctx, iterating=False):
            """Costs everything an expression does, recording hotspots."""
            if node is None:
                return
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                self.comprehension(node, ctx)
                return
            if isinstance(node, ast.Lambda):
                return
            if isinstance(node, ast.Call):
                self.call(node, ctx, iterating)
                for a in node.args:
                    self.expr(a, ctx)
                for k in node.keywords:
                    self.expr(k.value, ctx)
                if isinstance(node.func, ast.Attribute):
                    self.expr(node.func.value, ctx)
                return
            if isinstance(node, ast.Compare):
                for op, right in zip(node.ops, node.comparators):
                    if isinstance(op, (ast.In, ast.NotIn)):
                        self.membership(right, node, ctx)
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and not iterating:
                self.slicing(node, ctx)
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
                self.slicing(node, ctx)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                lk, rk = self.kind(node.left, ctx), self.kind(node.right, ctx)
                if LIST in (lk, rk) or (isinstance(node.left, (ast.List, ast.ListComp)) or isinstance(node.right, (ast.List, ast.ListComp))):
                    size = (self.size(node.left, ctx) or ONE) + (self.size(node.right, ctx) or ONE)
                    if not size.constant():
                        self.add(ctx, size, "list `+` copies both lists", node.lineno)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and isinstance(node.left, ast.List):
                size = self.size(node, ctx)
                if size is not None and not size.constant():
                    self.add(ctx, size, "`[...] * n` builds a list of n", node.lineno, hot=False)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child, ctx)

        def membership(self, right, node, ctx):
            kind = self.kind(right, ctx)
            if kind in HASHED or kind == RANGE:
                return
            if isinstance(right, (ast.Tuple, ast.List, ast.Set)) and all(isinstance(e, ast.Constant) for e in right.elts):
                return
            size = self.size(right, ctx)
            if size is None or size.constant():
                return
            what = {STR: "`in` on a string scans it", DEQUE: "`x in deque` scans it"}.get(kind, "`x in list` scans the list")
            if ctx.loops:
                what += " inside a loop"
            self.add(ctx, size, what, node.lineno)

        def slicing(self, node, ctx):
            s = node.slice
            parts = [s.lower, s.upper]
            if all(p is None or const_int(p) is not None for p in parts) and any(
                    const_int(p) is not None and abs(const_int(p)) > 1 for p in parts if p is not None):
                return  # x[:3]: constant size
            size = self.size(node.value, ctx)
            if size is None or size.constant():
                return
            why = "slicing copies" + (" inside a loop" if ctx.loops else "")
            self.add(ctx, size, why, node.lineno)
            ctx.space = ctx.space + size

        def comprehension(self, node, ctx):
            trips = ONE
            saved_mult, saved_loops = ctx.mult, ctx.loops
            for gen in node.generators:
                t, _ = self.trips_of_iter(gen.iter, ctx)
                self.expr(gen.iter, ctx, iterating=True)
                element = self.element_size(gen.iter, ctx)
                kind = self.kind(gen.iter, ctx)
                for n in walk(gen.target):
                    if isinstance(n, ast.Name):
                        ctx.sizes[n.id] = t if kind == RANGE else element
                        ctx.kinds[n.id] = INT if kind == RANGE else (LIST if element is not None and not element.constant() else None)
                ctx.candidates.append((ctx.mult * t, self.loop_reason(ctx, t, "comprehension")))
                ctx.loops = ctx.loops + [("comprehension", t)]
                ctx.mult = ctx.mult * t
                trips = trips * t
                for cond in gen.ifs:
                    self.expr(cond, ctx)
            parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for p in parts:
                self.expr(p, ctx)
            ctx.mult, ctx.loops = saved_mult, saved_loops

        def call(self, node, ctx, iterating):
            name = call_name(node)
            recv = node.func.value if isinstance(node.func, ast.Attribute) else None
            recv_name = name_of(recv) if recv is not None else None
            recv_kind = self.kind(recv, ctx) if recv is not None else None
            module = recv.id if isinstance(recv, ast.Name) and recv.id in ("heapq", "bisect", "math", "itertools", "functools", "collections", "copy") else None
            arg0 = node.args[0] if node.args else None
            size0 = self.size(arg0, ctx) if arg0 is not None else None
            loops = " inside a loop" if ctx.loops else ""
            # the user's own functions
            target = self.resolve(node, ctx)
            if target is not None:
                if target == ctx.summary.name:
                    ctx.self_calls.append((node, ctx.mult, list(ctx.loops)))
                    return
                callee = self.summary(target)
                mapping = {}
                params = callee.params
                for i, a in enumerate(node.args):
                    if i < len(params) and params[i] in callee.symbols:
                        mapping[callee.symbols[params[i]]] = self.size(a, ctx) or (ONE if self.is_constant(a) else var(self.first_symbol(ctx)))
                for k in node.keywords:
                    if k.arg in callee.symbols:
                        mapping[callee.symbols[k.arg]] = self.size(k.value, ctx) or ONE
                cost = callee.time if callee.nested else substitute(callee.time, mapping)
                if callee.confidence != "high":
                    ctx.low.append("calls %s, whose cost is uncertain" % callee.name)
                if not cost.constant():
                    short_name = callee.name.split(".")[-1]
                    self.add(ctx, cost, "calls %s() %s%s" % (short_name, callee.time.text(), loops), node.lineno)
                    ctx.space = ctx.space + (callee.space if callee.nested else substitute(callee.space, mapping))
                return
            if module == "heapq" or (recv is None and name in ("heappush", "heappop", "heappushpop", "heapreplace", "heapify", "nlargest", "nsmallest")):
                if name in ("heappush", "heappop", "heappushpop", "heapreplace"):
                    heap = self.size(arg0, ctx) if arg0 is not None else None
                    if heap is None or heap.constant():
                        heap = ctx.mult if not ctx.mult.constant() else (heap or ONE)
                    self.add(ctx, log_of(heap), "heap operation, log of the heap's size%s" % loops, node.lineno, hot=False)
                    hname = name_of(arg0)
                    if name == "heappush" and hname and not ctx.mult.constant():
                        self.grow(hname, ctx)
                elif name == "heapify" and size0 is not None:
                    self.add(ctx, size0, "heapify is linear%s" % loops, node.lineno)
                elif name in ("nlargest", "nsmallest") and len(node.args) > 1:
                    n = self.size(node.args[1], ctx) or ONE
                    k = self.size(node.args[0], ctx) or ONE
                    self.add(ctx, n * log_of(k), "%s(k, n) is n log k%s" % (name, loops), node.lineno)
                return
            if module == "bisect" or (recv is None and name in ("bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right")):
                if size0 is not None:
                    if name.startswith("insort"):
                        self.add(ctx, size0, "insort shifts the list%s" % loops, node.lineno)
                        if recv_name is None and name_of(arg0) and not ctx.mult.constant():
                            self.grow(name_of(arg0), ctx)
                    else:
                        self.add(ctx, log_of(size0), "binary search with bisect%s" % loops, node.lineno, hot=False)
                return
            if recv is None and name == "sorted" and size0 is not None:
                if not size0.constant():
                    self.add(ctx, size0 * log_of(size0), "sorted() is n log n%s" % loops, node.lineno)
                return
            if recv is not None and name == "sort" and recv_kind in (LIST, None):
                size = self.size(recv, ctx)
                if size is not None and not size.constant():
                    self.add(ctx, size * log_of(size), "`.sort()` is n log n%s" % loops, node.lineno)
                return
            if recv is None and name in LINEAR_BUILTINS | {"deepcopy", "sum", "print"} and arg0 is not None:
                if name == "print":
                    return
                if isinstance(arg0, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
                    return  # the comprehension carries its own cost
                if size0 is not None and not size0.constant() and not iterating:
                    self.add(ctx, size0, "%s() walks all of it%s" % (name, loops), node.lineno, hot=bool(ctx.loops))
                    if name in ("list", "set", "dict", "tuple", "deque", "Counter", "frozenset", "deepcopy"):
                        ctx.space = ctx.space + size0
                return
            if recv is not None and name == "join" and arg0 is not None:
                if size0 is not None and not size0.constant() and not isinstance(arg0, (ast.GeneratorExp, ast.ListComp)):
                    self.add(ctx, size0, "str.join walks all of it%s" % loops, node.lineno, hot=bool(ctx.loops))
                return
            if recv is None or recv_name is None:
                return
            size = self.size(recv, ctx)
            if recv_kind == DEQUE:
                if name in ("insert", "remove", "index", "count") and size is not None:
                    self.add(ctx, size, "deque.%s is linear%s" % (name, loops), node.lineno)
                elif name in ("append", "appendleft") and not ctx.mult.constant():
                    self.grow(recv_name, ctx)
                return
            if recv_kind in (LIST, None, TUPLE) and recv_kind != STR:
                if name == "append" or name == "add" and recv_kind != LIST:
                    if not ctx.mult.constant():
                        self.grow(recv_name, ctx)
                    return
                if size is None or size.constant():
                    if name == "extend" and arg0 is not None and size0 is not None and not ctx.mult.constant():
                        ctx.sizes[recv_name] = (ctx.sizes.get(recv_name) or ZERO) + ctx.mult * size0
                    return
                if name == "insert" and arg0 is not None:
                    self.add(ctx, size, "`insert(%s)` shifts the list%s" % (short(arg0), loops), node.lineno)
                    if not ctx.mult.constant():
                        self.grow(recv_name, ctx)
                elif name == "pop" and arg0 is not None and not (const_int(arg0) is not None and const_int(arg0) < 0):
                    self.add(ctx, size, "`pop(%s)` shifts the list%s" % (short(arg0), loops), node.lineno)
                elif name in LIST_LINEAR:
                    self.add(ctx, size, LIST_LINEAR[name] + loops, node.lineno)
                elif name == "extend" and size0 is not None:
                    self.add(ctx, size0, "`.extend()` copies%s" % loops, node.lineno, hot=False)
                return
            if recv_kind == STR and name in STR_LINEAR and size is not None and not size.constant():
                self.add(ctx, size, "str.%s walks the string%s" % (name, loops), node.lineno, hot=bool(ctx.loops))
                return
            if recv_kind in HASHED:
                if name in ("add", "setdefault") and not ctx.mult.constant():
                    self.grow(recv_name, ctx)
                elif name in ("union", "intersection", "difference", "update", "copy", "issubset", "symmetric_difference") and size is not None:
                    other = size0 if name != "copy" and size0 is not None else size
                    self.add(ctx, other, "set/dict .%s is linear%s" % (name, loops), node.lineno, hot=bool(ctx.loops))

        def resolve(self, node, ctx):
            f = node.func
            if isinstance(f, ast.Name):
                local = getattr(ctx, "local_defs", {}).get(f.id)
                if local is not None:
                    if local not in self.summaries:
                        self.closures[local] = ctx
                    return local
                if f.id in self.functions:
                    return f.id
                return None
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in ("self", "cls"):
                cls = getattr(ctx, "cls", None)
                if cls and cls + "." + f.attr in self.functions:
                    return cls + "." + f.attr
            return None

        def is_constant(self, node):
            return all(isinstance(n, (ast.Constant, ast.operator, ast.BinOp, ast.UnaryOp, ast.unaryop, ast.expr_context))
                       for n in walk(node))

        # ---- sizes and kinds ----
        def size(self, node, ctx):
            """How big a value is (the magnitude of an int, the length of a collection), or None."""
            if node is None:
                return None
            if isinstance(node, ast.Constant):
                return ONE if isinstance(node.value, (int, float, str, bytes)) else None
            if isinstance(node, ast.Name):
                if node.id in ctx.sizes:
                    return ctx.sizes[node.id]
                return self.module_size(node.id)
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                total = ONE
                for e in node.elts:
                    if isinstance(e, ast.Starred):
                        total = total + (self.size(e.value, ctx) or ONE)
                return total
            if isinstance(node, ast.Dict):
                return ONE
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                total = ONE
                for gen in node.generators:
                    t = self.size(gen.iter, ctx)
                    if isinstance(gen.iter, ast.Call) and call_name(gen.iter) in ("range", "enumerate", "zip", "reversed"):
                        t = self.size(gen.iter, ctx)
                    total = total * (t or var(self.first_symbol(ctx)))
                    for n in walk(gen.target):
                        if isinstance(n, ast.Name) and n.id not in ctx.sizes:
                            ctx.sizes[n.id] = t if isinstance(gen.iter, ast.Call) and call_name(gen.iter) == "range" else None
                return total
            if isinstance(node, ast.Subscript):
                if isinstance(node.slice, ast.Slice):
                    return self.size(node.value, ctx)
                base = name_of(node.value)
                if base in ctx.elements:
                    return ctx.elements[base]
                return None
            if isinstance(node, ast.BinOp):
                l, r = self.size(node.left, ctx), self.size(node.right, ctx)
                if isinstance(node.op, (ast.Add, ast.Sub)):
                    if l is None and r is None:
                        return None
                    return (l or ONE) + (r or ONE) if isinstance(node.op, ast.Add) or l is None else l
                if isinstance(node.op, ast.Mult):
                    if l is None and r is None:
                        return None
                    return (l or ONE) * (r or ONE)
                if isinstance(node.op, (ast.FloorDiv, ast.Div, ast.RShift, ast.Mod)):
                    return l
                if isinstance(node.op, ast.Pow) and l is not None:
                    c = const_int(node.right)
                    if c is not None:
                        return power_of(l, c)
                    return exp_of(r) if const_int(node.left) is not None and r is not None else l
                if isinstance(node.op, ast.LShift) and r is not None:
                    return exp_of(r)
                return l or r
            if isinstance(node, ast.UnaryOp):
                return self.size(node.operand, ctx)
            if isinstance(node, ast.IfExp):
                a, b = self.size(node.body, ctx), self.size(node.orelse, ctx)
                return a + b if a is not None and b is not None else (a or b)
            if isinstance(node, ast.Call):
                name = call_name(node)
                args = node.args
                if name == "len" and args:
                    return self.size(args[0], ctx)
                if name == "range" and args:
                    sizes = [self.size(a, ctx) for a in args[:2]]
                    if len(args) == 3 and const_int(args[2]) is None:
                        step = self.size(args[2], ctx)
                        if step is not None and not step.constant():
                            return ONE
                    known = [s for s in sizes if s is not None]
                    if not known:
                        return None
                    total = ZERO
                    for s in known:
                        total = total + s
                    return total
                if name in ("input",) or (isinstance(node.func, ast.Attribute) and name in ("read", "readline", "readlines") and name_of(node.func) == "sys"):
                    return var(self.input_symbol(ctx, node))
                if name in ("int", "float", "abs", "round") and args:
                    inner = self.size(args[0], ctx)
                    return inner
                if name in ("min", "max") and len(args) > 1:
                    known = [self.size(a, ctx) for a in args]
                    known = [k for k in known if k is not None]
                    return known[0] if known else None
                if name in ("sorted", "list", "set", "tuple", "frozenset", "reversed", "enumerate", "deque", "Counter",
                            "dict", "iter", "deepcopy", "copy", "str", "bytes", "bytearray", "map", "filter") and args:
                    for a in args if name in ("map", "filter") else args[:1]:
                        s = self.size(a, ctx)
                        if s is not None:
                            return s
                    return None
                if name == "zip" and args:
                    return self.size(args[0], ctx)
                if name in ("sum", "max", "min") and args:
                    return None
                if isinstance(node.func, ast.Attribute) and name in ("split", "strip", "lower", "upper", "replace", "copy",
                                                                      "keys", "values", "items", "splitlines", "encode"):
                    return self.size(node.func.value, ctx)
                target = self.resolve(node, ctx)
                if target is not None and target != ctx.summary.name:
                    return None
                return None
            if isinstance(node, ast.Attribute):
                return None
            return None

        def module_size(self, name):
            return None

        def input_symbol(self, ctx, node):
            """Each place that reads input brings a size of its own."""
            key = "<input %d:%d>" % (node.lineno, node.col_offset)
            if key in ctx.summary.symbols:
                return ctx.summary.symbols[key]
            syms = set(ctx.summary.symbols.values())
            for s in SYMBOLS:
                if s not in syms:
                    ctx.summary.symbols[key] = s
                    return s
            return "n"

        def kind(self, node, ctx):
            if node is None:
                return None
            if isinstance(node, ast.Name):
                return ctx.kinds.get(node.id)
            if isinstance(node, (ast.List, ast.ListComp)):
                return LIST
            if isinstance(node, (ast.Set, ast.SetComp)):
                return SET
            if isinstance(node, (ast.Dict, ast.DictComp)):
                return DICT
            if isinstance(node, ast.Tuple):
                return TUPLE
            if isinstance(node, ast.Constant):
                return STR if isinstance(node.value, str) else (INT if isinstance(node.value, int) else None)
            if isinstance(node, ast.JoinedStr):
                return STR
            if isinstance(node, ast.BinOp):
                l, r = self.kind(node.left, ctx), self.kind(node.right, ctx)
                if isinstance(node.op, ast.Mult) and LIST in (l, r):
                    return LIST
                if STR in (l, r):
                    return STR
                if LIST in (l, r):
                    return LIST
                return INT if l == INT or r == INT else l or r
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
                return self.kind(node.value, ctx)
            if isinstance(node, ast.Call):
                name = call_name(node)
                if isinstance(node.func, ast.Attribute) and name in ("split", "splitlines", "readlines"):
                    return LIST
                if isinstance(node.func, ast.Attribute) and name in ("strip", "lower", "upper", "replace", "join", "read", "readline"):
                    return STR
                if name == "input":
                    return STR
                if name in ("int", "len", "abs", "sum", "round"):
                    return INT
                if name in ("keys", "items", "values") and isinstance(node.func, ast.Attribute):
                    return LIST if name != "keys" else SET
                return MAKERS.get(name)
            return None

        def element_size(self, node, ctx):
            if isinstance(node, ast.Name):
                return ctx.elements.get(node.id)
            if isinstance(node, (ast.ListComp,)) and isinstance(node.elt, (ast.ListComp, ast.BinOp, ast.List)):
                return self.size(node.elt, ctx)
            return None

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
