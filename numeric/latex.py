r"""The user-facing Section 5 kernels, written once in Python and shown in the paper's notation.

These small functions are what a user calls for one sector (or an index array
of sectors); :mod:`numeric.kernels` holds the vectorized, lambdified versions
used internally.  Each is rendered by latexify-py from its own source, so the
formula shown is the formula computed, and the tests check each against its
SymPy source in :mod:`symbolic.section5` in exact arithmetic.

Arrays are indexed by sector along their first axis, from 0 in Python; the
rendering numbers sectors from 1 as the paper does (``lambda_S[0]`` is
:math:`\lambda_{1S}`).  latexify's identifier mapping cannot produce
:math:`\lambda_{jS}` (it maps whole identifiers only), so arrays are mapped to short names
(``lambda_S`` -> ``lamS``) and a small rewrite turns ``\mathrm{lamS}_{j}`` into
:math:`\lambda_{jS}`.

>>> from fractions import Fraction
>>> world_price([Fraction(2), Fraction(4)], [Fraction(3, 2), Fraction(1)], 0)
Fraction(1, 3)
>>> print(LATEX["world_price"])
p_{j} = \frac{1}{\theta_{j} \lambda_{jN}}
>>> print(LATEX["condition_star"])
\frac{\frac{\lambda_{1S}}{\lambda_{1N}}}{\frac{\lambda_{kS}}{\lambda_{kN}}} < \theta_{1}
"""

from __future__ import annotations

import re

import latexify

__all__ = ["world_price", "wage_coordinated", "wage_uncoordinated", "deviation_margin", "condition_star",
           "KERNELS", "LATEX", "latex_of", "appendix_latex"]


def world_price(lambda_N, theta, j):
    """North's unit cost with coordination, the world price of good ``j``."""
    return 1 / (theta[j] * lambda_N[j])


def wage_coordinated(lambda_S, lambda_N, j):
    """South's wage when specialised in ``j`` with coordination, E(j, C)."""
    return lambda_S[j] / lambda_N[j]


def wage_uncoordinated(lambda_S, lambda_N, theta, j):
    """South's wage when specialised in ``j`` without coordination, E(j, U)."""
    return lambda_S[j] / (theta[j] * lambda_N[j])


def deviation_margin(w, lambda_S, lambda_N, theta, k):
    """Cost minus world price of a lone uncoordinated producer of ``k`` at South's wage ``w`` (>= 0: no profit)."""
    return w / lambda_S[k] - 1 / (theta[k] * lambda_N[k])


def condition_star(lambda_S, lambda_N, theta, k):
    """The paper's condition (*) for sector ``k`` (strict); sector 1 is index 0."""
    return (lambda_S[0] / lambda_N[0]) / (lambda_S[k] / lambda_N[k]) < theta[0]


#: kernel name -> (function, left-hand side in the paper's notation or "" for a condition)
KERNELS = {
    "world_price": (world_price, "p_{j}"),
    "wage_coordinated": (wage_coordinated, "w(j, C)"),
    "wage_uncoordinated": (wage_uncoordinated, "w(j, U)"),
    "deviation_margin": (deviation_margin, "m_{k}(w)"),
    "condition_star": (condition_star, ""),
}

_IDENTIFIERS = {"lambda_S": "lamS", "lambda_N": "lamN"}
_ARRAYS = {"lamS": r"\lambda_{{{i}S}}", "lamN": r"\lambda_{{{i}N}}", "theta": r"\theta_{{{i}}}"}
_INDEXED = re.compile(r"\\mathrm\{(lamS|lamN|theta)\}_\{([A-Za-z0-9]+)\}")


def _paper_index(index: str) -> str:
    # Python counts sectors from 0, the paper from 1
    return str(int(index) + 1) if index.isdigit() else index


def _rewrite(latex: str) -> str:
    latex = _INDEXED.sub(lambda m: _ARRAYS[m.group(1)].format(i=_paper_index(m.group(2))), latex)
    return latex.replace(r" \cdot ", " ")


def latex_of(name: str) -> str:
    """The LaTeX of a kernel, rendered by latexify from its source, in the paper's notation."""
    fn, lhs = KERNELS[name]
    body = _rewrite(latexify.get_latex(fn, identifiers=_IDENTIFIERS, use_signature=False))
    return f"{lhs} = {body}" if lhs else body


#: kernel name -> its LaTeX (rendered once at import)
LATEX = {name: latex_of(name) for name in KERNELS}


def appendix_latex() -> str:
    """A LaTeX appendix: each kernel as latexify renders it beside its SymPy source."""
    import sympy as sp

    from symbolic import section5 as s5

    w = sp.Symbol("w", positive=True)
    sources = {
        "world_price": s5.world_price("j"),
        "wage_coordinated": s5.wage_coordinated("j"),
        "wage_uncoordinated": s5.wage_uncoordinated("j"),
        "deviation_margin": s5.unit_cost("k", False, w) - s5.world_price("k"),
        "condition_star": s5.condition_star("k"),
    }
    lines = [r"\section*{Appendix: the formulas the code computes}",
             "The numeric spot checks compute Section 5's formulas with kernels of their own. Each is typeset "
             "from its source code (left) beside the model's formula it is tested against in exact arithmetic "
             "(right).",
             r"\begin{align*}"]
    for name in KERNELS:
        lines.append(rf"&{LATEX[name]} && \text{{SymPy: }} {sp.latex(sources[name])} \\")
    lines.append(r"\end{align*}")
    return "\n".join(lines)
