"""The Section 5 kernels, printed from :mod:`symbolic.section5` by :mod:`numeric.section5` (generated).

Do not edit: regenerate with ``python -m numeric.section5``; a test fails when
this file differs from what the SymPy source prints.  Loading it needs neither
SymPy nor z3, so that ``coordfail equilibria`` starts as fast as NumPy does.
Global names in the code (``less``, ``_q``) are resolved in the float and the
exact namespace of :mod:`numeric.runtime`, not in this module.
"""

from .runtime import PrintedKernel

__all__ = ['WORLD_PRICE', 'WAGE_COORDINATED', 'WAGE_UNCOORDINATED', 'BREAK_EVEN_WAGE', 'DEVIATION_MARGIN',
           'CONDITION_STAR', 'CONDITION_STAR_WEAK']


def _world_price(lambda_jN, theta_j):
    return 1/(lambda_jN*theta_j)


WORLD_PRICE = PrintedKernel.from_function('WORLD_PRICE', _world_price, boolean=False)


def _wage_coordinated(lambda_jS, lambda_jN):
    return lambda_jS/lambda_jN


WAGE_COORDINATED = PrintedKernel.from_function('WAGE_COORDINATED', _wage_coordinated, boolean=False)


def _wage_uncoordinated(lambda_jS, lambda_jN, theta_j):
    return lambda_jS/(lambda_jN*theta_j)


WAGE_UNCOORDINATED = PrintedKernel.from_function('WAGE_UNCOORDINATED', _wage_uncoordinated, boolean=False)


def _break_even_wage(lambda_kS, lambda_kN, theta_k):
    return lambda_kS/(lambda_kN*theta_k)


BREAK_EVEN_WAGE = PrintedKernel.from_function('BREAK_EVEN_WAGE', _break_even_wage, boolean=False)


def _deviation_margin(w, lambda_kS, lambda_kN, theta_k):
    return w/lambda_kS - 1/(lambda_kN*theta_k)


DEVIATION_MARGIN = PrintedKernel.from_function('DEVIATION_MARGIN', _deviation_margin, boolean=False)


def _condition_star(lambda_1S, lambda_1N, theta_1, lambda_kS, lambda_kN):
    return less(lambda_1S*lambda_kN/(lambda_1N*lambda_kS), theta_1)


CONDITION_STAR = PrintedKernel.from_function('CONDITION_STAR', _condition_star, boolean=True)


def _condition_star_weak(lambda_1S, lambda_1N, theta_1, lambda_kS, lambda_kN):
    return less_equal(lambda_1S*lambda_kN/(lambda_1N*lambda_kS), theta_1)


CONDITION_STAR_WEAK = PrintedKernel.from_function('CONDITION_STAR_WEAK', _condition_star_weak, boolean=True)
