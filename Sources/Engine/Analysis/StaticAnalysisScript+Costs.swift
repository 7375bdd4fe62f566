extension StaticAnalysisScript {
  /// Cost algebra: terms n^a·log^b·2^n·n! per size symbol, sums of them with dominated terms dropped,
  /// and the operations the analysis needs on them (log, exponent, power, substitution of sizes).
  static let costs = #"""
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

    """#
}
