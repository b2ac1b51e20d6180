r"""Sector technologies :math:`y = F(L; A)` and the kernels the economy's solver needs from each.

A :class:`Technology` is a SymPy expression in labour ``L`` and productivity ``A``;
:func:`compile_technology` derives, once per technology, the value of output and
of the marginal product, its slope, its value at zero, and the labour demand
(the first-order condition :math:`p F'(L; A) = w` solved by SymPy when it has
one verified closed form), each compiled through
:func:`numeric.kernels.compile_kernel` (the one lambdify boundary).

>>> compile_technology(Technology.cobb_douglas("1/2")).demand is not None   # L = (p A / (2 w))^2
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from symbolic import section5 as s5
from symbolic import section7 as s7
from symbolic.timebox import OutOfTime, time_box

from .equilibria import InputError
from .exact import as_fraction
from .kernels import Kernel, KernelError, compile_kernel

__all__ = ["Technology", "CompiledTechnology", "compile_technology", "increasing_and_concave", "SOLVE_SECONDS",
           "LABOUR", "PRODUCTIVITY", "PRICE", "WAGE"]

#: the symbols every technology is written in (labour, productivity) and its kernels' price and wage
LABOUR, PRODUCTIVITY, PRICE, WAGE = _L, _A, _p, _w = sp.symbols("L A p w", positive=True)


@dataclass(frozen=True)
class Technology:
    r"""A sector technology :math:`y = F(L; A)`: a SymPy expression in ``labour`` and ``productivity``.

    Numbers in it are made exact (``0.3`` becomes ``3/10``) so that SymPy can
    solve the first-order condition.  It must be increasing and concave in
    labour; :func:`solve_economy` checks both on the data.

    >>> Technology.cobb_douglas("1/2").output
    A*sqrt(L)
    >>> Technology.shifted("1/2").marginal_product_at_zero
    A/2
    """

    output: sp.Expr
    name: str = ""
    labour: sp.Symbol = _L
    productivity: sp.Symbol = _A

    def __post_init__(self):
        expr = sp.nsimplify(sp.sympify(self.output), rational=True)
        extra = expr.free_symbols - {self.labour, self.productivity}
        if extra:
            raise ValueError(f"the technology may only use {self.labour} and {self.productivity}, "
                             f"not {sorted(map(str, extra))}")
        if self.labour not in expr.free_symbols:
            raise ValueError("the technology does not use labour")
        object.__setattr__(self, "output", expr.xreplace({self.labour: _L, self.productivity: _A}))
        object.__setattr__(self, "labour", _L)
        object.__setattr__(self, "productivity", _A)
        if not self.name:
            object.__setattr__(self, "name", f"y = {sp.sstr(expr)}")

    @classmethod
    def cobb_douglas(cls, beta) -> "Technology":
        r""":math:`F = A L^\beta`, :math:`0 < \beta < 1` (docs/model.md §9.1)."""
        return _cobb_douglas(cls, _exponent(beta))

    @classmethod
    def shifted(cls, beta) -> "Technology":
        r""":math:`F = A((1 + L)^\beta - 1)`: the marginal product at zero is finite, :math:`A\beta`."""
        b = _exponent(beta)
        return cls(_A * ((1 + _L) ** b - 1), f"y = A((1 + L)^{b} - 1)")

    @property
    def cobb_douglas_exponent(self) -> sp.Rational | None:
        """``beta`` when the technology is :math:`A L^\\beta`, else None."""
        return _cobb_douglas_exponent(self.output)

    @property
    def marginal_product(self) -> sp.Expr:
        return sp.diff(self.output, _L)

    @property
    def marginal_product_at_zero(self) -> sp.Expr:
        return sp.limit(self.marginal_product, _L, 0, "+")

    def _repr_latex_(self) -> str:
        return f"$y = {sp.latex(self.output)}$"


@lru_cache(maxsize=256)
def _cobb_douglas(cls, b: sp.Rational) -> Technology:
    # one SymPy construction per exponent: random economies reuse a handful of them
    return cls(s7.output(1, False, _L, b).xreplace({s5.lam_S(1): _A}), f"Cobb-Douglas, y = A L^{b}")


@lru_cache(maxsize=256)
def _cobb_douglas_exponent(output: sp.Expr) -> sp.Rational | None:
    b = sp.Wild("b", exclude=[_L, _A])
    m = output.match(_A * _L ** b)
    if m and m[b].is_Rational and 0 < m[b] < 1:
        return m[b]
    return None


@lru_cache(maxsize=256)
def increasing_and_concave(tech: Technology) -> bool:
    """False only where SymPy shows the technology is not increasing or not concave in labour."""
    return not (sp.diff(tech.output, _L, 2).is_nonpositive is False or tech.marginal_product.is_positive is False)


def _exponent(beta) -> sp.Rational:
    try:
        b = sp.Rational(as_fraction(beta)) if not isinstance(beta, float) else sp.Rational(str(beta))
    except (TypeError, ValueError) as exc:
        raise InputError("beta", f"must be a number, got {beta!r} ({exc})") from None
    if not 0 < b < 1:
        raise InputError("beta", f"must lie strictly between 0 and 1, got {b}")
    return b


#: seconds SymPy may spend solving a technology's first-order condition before the demand is inverted numerically
SOLVE_SECONDS = 5.0


@dataclass(frozen=True)
class CompiledTechnology:
    """The kernels a technology needs, derived once."""

    value_output: Kernel  # p F(L; A)
    value_mp: Kernel  # p F'(L; A)
    value_mp_slope: Kernel  # p F''(L; A)
    mp_at_zero: Kernel | None  # p F'(0; A), None when infinite
    demand: Kernel | None  # L(w, p, A) from the first-order condition, when SymPy solves it
    separable: tuple | None  # (coefficient * h(w) kernel of w, g kernel of (p, A)) when the demand separates


def _solve_first_order_condition(mp: sp.Expr) -> sp.Expr | None:
    """The labour at which :math:`p F'(L; A) = w`, solved by SymPy's ``solveset``; None without a single closed form.

    Solved on :math:`L > 0` first, else over the reals (a sector may be inactive:
    the solution is then negative and the demand is 0).  Each candidate is
    verified at sample points in 30-digit arithmetic; exactly one must remain,
    otherwise the demand is inverted numerically.
    """
    x = sp.Dummy("x", real=True)
    candidates = []
    for unknown, domain in ((_L, sp.Interval.open(0, sp.oo)), (x, sp.S.Reals)):
        try:
            found = sp.solveset(sp.Eq(_p * mp.subs(_L, unknown), _w), unknown, domain)
        except (NotImplementedError, ValueError, TypeError):
            continue
        if isinstance(found, sp.FiniteSet):
            candidates = [c for c in found if not c.has(sp.I) and _verified(mp, c)]
            if candidates:
                break
    return candidates[0] if len(candidates) == 1 else None


def _verified(mp: sp.Expr, solution: sp.Expr) -> bool:
    residual = _p * mp.subs(_L, solution) - _w
    for w, p, A in ((0.7, 1.3, 2.1), (3.0, 0.4, 0.9), (0.05, 2.0, 5.0)):
        at = {_w: sp.Float(w, 30), _p: sp.Float(p, 30), _A: sp.Float(A, 30)}
        try:
            value = complex(residual.xreplace(at).evalf(30))
        except (TypeError, ValueError):
            return False
        if not abs(value) <= 1e-20 * w:
            return False
    return True


@lru_cache(maxsize=32)
def compile_technology(tech: Technology) -> CompiledTechnology:
    F, mp = tech.output, tech.marginal_product
    args = (_L, _p, _A)
    value_output = compile_kernel(_p * F, args)
    value_mp = compile_kernel(_p * mp, args)
    slope = compile_kernel(_p * sp.diff(mp, _L), args)
    at_zero = tech.marginal_product_at_zero
    mp0 = None if at_zero in (sp.oo, sp.zoo) else compile_kernel(_p * at_zero, (_p, _A))
    demand, separable = None, None
    try:
        with time_box(SOLVE_SECONDS):  # SymPy can take minutes (beta = 99/100 in the shifted technology)
            solution = _solve_first_order_condition(mp)
            if solution is not None:
                demand = compile_kernel(solution, (_w, _p, _A))  # KernelError: a number too large to write
                # the separable form serves technologies with an infinite marginal product at zero only
                parts = sp.separatevars(solution, symbols=[_w, _p, _A], dict=True) if mp0 is None else None
                if parts is not None and set(parts) == {"coeff", _w, _p, _A}:
                    separable = (compile_kernel(parts["coeff"] * parts[_w], (_w,)),
                                 compile_kernel(parts[_p] * parts[_A], (_p, _A)))
    except (OutOfTime, KernelError):
        demand, separable = None, None  # the demand is inverted numerically
    return CompiledTechnology(value_output, value_mp, slope, mp0, demand, separable)
