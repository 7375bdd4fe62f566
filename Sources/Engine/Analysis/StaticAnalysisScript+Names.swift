extension StaticAnalysisScript {
  /// The builtins that cost more than a step, the names that suggest a size or a kind, and the
  /// one-pass index of the tree that every later walk of a subtree slices.
  static let names = #"""
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

    """#
}
