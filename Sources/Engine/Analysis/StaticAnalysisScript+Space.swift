extension StaticAnalysisScript {
  /// Sizes and kinds: how big a value is, which is also the space it takes, and what kind of value
  /// it is (list, set, dict, str…), as the `Sizes` part of the Analyzer.
  static let space = #"""
    class Sizes:
        """The Analyzer's sizes and kinds: how big a value is (the space it takes) and what it is."""

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

    """#
}
