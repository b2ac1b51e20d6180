r"""Section 4 claims: the infant-industry story and why it fails (MODEL.md section 7).

The wages are derived in :mod:`symbolic.section4` from a competitive firm's
first-order condition; the agglomeration function :math:`g` is an undefined
function, which the engine treats as an unknown real value at each point, so
every claim holds for *any* :math:`g` (increasing or not -- the claims never
need more).
"""

from __future__ import annotations

import sympy as sp

from symbolic import Kind, Status
from symbolic import section4 as s4

from .registry import Claim, Obligation, register

_PLACE = "Section 4, 'Agglomeration Economies or Coordination Failures?'"
_ASSUME = "world prices p_T, p_M > 0, productivities a_T, a_M > 0, labour L > 0, g any real-valued function"
a_T, a_M, p_T, p_M, L, g = s4.a_T, s4.a_M, s4.p_T, s4.p_M, s4.L, s4.g


def _claim(id, quote, statement, assumptions, build, note=""):
    return register(Claim(id=id, section="4", place=_PLACE, quote=quote, statement=statement,
                          assumptions=assumptions, kind=Kind.FORALL, expected=Status("proved"),
                          expected_source=f"MODEL.md §7 (Section 4, infant industry), table row {id}", build=build,
                          formalization="project", note=note))


def _s41():
    worked = s4.worked_agglomeration()
    return [Obligation.forall("specialisation in T is an equilibrium iff p_M a_M g(0) <= p_T a_T",
                              sp.Equivalent(s4.specialised_in_T(), p_M * a_M * g(0) <= p_T * a_T)),
            Obligation.forall("worked form g(L) = L^gamma (g(0) = 0): specialisation in T is always an equilibrium",
                              s4.specialised_in_T(worked))]


_claim("S4.1", "if the economy specializes in the traditional sector, the absence of resources devoted to the advanced "
       "sector prevents the economy from reaping agglomeration economies there",
       "specialisation in T is an equilibrium iff a lone entrant in M loses: p_M a_M g(0) <= p_T a_T", _ASSUME, _s41)


def _s42():
    both = sp.And(p_M * a_M * g(0) <= p_T * a_T, p_T * a_T <= p_M * a_M * g(L))
    return [Obligation.forall("specialisation in M is an equilibrium iff p_T a_T <= p_M a_M g(L)",
                              sp.Equivalent(s4.specialised_in_M(), p_T * a_T <= p_M * a_M * g(L))),
            Obligation.forall("both conditions => multiple equilibria", sp.Implies(both, s4.multiple_equilibria()))]


_claim("S4.2", "There is another, superior equilibrium, however, where the economy specializes in the advanced good",
       "specialisation in M is an equilibrium iff p_T a_T <= p_M a_M g(L); both together = multiple equilibria",
       _ASSUME, _s42)

_claim("S4.3", "a policy of import substitution could lead the economy stuck in the low-income equilibrium toward "
       "the high-income equilibrium",
       "in the naive model, import substitution that moves the economy from T to M raises the wage when "
       "p_M a_M g(L) > p_T a_T", _ASSUME,
       lambda: [Obligation.forall("p_M a_M g(L) > p_T a_T => wage(M) - wage(T) > 0",
                                  sp.Implies(p_M * a_M * g(L) > p_T * a_T, s4.import_substitution_wage_gain() > 0))])


def _s44():
    a_MS, a_MN, g_S, g_N = s4.a_MS, s4.a_MN, s4.g_S, s4.g_N
    t = sp.Symbol("t", positive=True)
    wage = s4.south_wage_in_M()
    return [Obligation.forall("North's zero profit sets p_M = 1/(a_MN g_N)",
                              sp.Eq(s4.north_price_of_M(), 1 / (a_MN * g_N))),
            Obligation.forall("South's wage in M is (a_MS/a_MN)(g_S/g_N)", sp.Eq(wage, (a_MS / a_MN) * (g_S / g_N))),
            Obligation.forall("scaling both agglomeration levels by any t > 0 leaves South's wage unchanged",
                              sp.Eq(s4.south_wage_in_M(a_MS, t * g_S, a_MN, t * g_N), wage))]


_claim("S4.4", "From the point of view of a small economy, it is the same to be specialized in an industry with strong "
       "agglomeration economies and a low international price, or weak agglomeration economies and a high "
       "international price",
       "if the world price of M reflects the North's realised agglomeration, p_M = 1/(a_MN g_N), the South's wage in "
       "M is (a_MS/a_MN)(g_S/g_N): strong agglomeration with a low price is the same as weak agglomeration with a "
       "high price", "a_MS, a_MN > 0, realised agglomeration levels g_S, g_N > 0, North's wage the numeraire", _s44,
       note="'The same' is read as: the wage depends on the agglomeration levels only through g_S/g_N.")
