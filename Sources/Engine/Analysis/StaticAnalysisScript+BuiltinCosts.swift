extension StaticAnalysisScript {
  /// Expressions and builtin costs: calls (user functions, builtins, methods), membership tests,
  /// slices and comprehensions, as the `ExpressionCosts` part of the Analyzer.
  static let builtinCosts = #"""
    class ExpressionCosts:
        """The Analyzer's expressions: what calls, builtins, membership tests, slices and comprehensions cost."""

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

    """#
}
