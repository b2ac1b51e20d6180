"""coordfail's numeric core: lambdified kernels, admissible samplers, spot checks, equilibrium enumeration.

* :mod:`numeric.kernels` -- the single lambdify boundary (SymPy -> NumPy, and exact rationals);
* :mod:`numeric.samplers` -- seeded samplers that satisfy a claim's assumptions by construction;
* :mod:`numeric.spot` -- statements evaluated on admissible draws and at points, and the sampler plug-in API;
* :mod:`numeric.balls` -- a kernel's code run draw by draw in interval arithmetic, where exact arithmetic cannot;
* :mod:`numeric.obligation_checks` -- a decided claim's obligations checked against their verdicts;
* :func:`numeric.equilibria` -- all equilibria of the Section 5 model on real data, in O(J);
* :mod:`numeric.latex` -- the user-facing kernels in the paper's notation (latexify);
* :mod:`numeric.testing` -- assertions for users' own tests (like ``numpy.testing``).

>>> import numeric
>>> [(e.sector, e.coordinated) for e in numeric.equilibria(["3", "2"], [1, 1], ["3/2", "5/4"])]
[(1, True), (2, True), (1, False)]
"""

from .equilibria import Equilibria, Equilibrium, InputError, equilibria

__all__ = ["equilibria", "Equilibria", "Equilibrium", "InputError"]
