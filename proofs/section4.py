r"""Section 4 claims: the infant-industry story and why it fails (docs/model.md §7).

The equilibrium conditions are *derived* in :mod:`symbolic.section4`: wages
from a competitive firm's first-order condition, and "an allocation is an
equilibrium when no worker gains by moving, evaluated at the allocation".
Each claim is an obligation relating that derived condition (or the derived
income per worker) to the paper's threshold, which is the only formula typed
here -- as the paper states it.

The agglomeration function :math:`g` is abstract (an undefined function, which
the engine treats as an unknown value at each point) with what the model says
of it at the two allocations compared: :math:`g(0) \ge 0` and, increasing,
:math:`g(0) < g(L)`.  A proof therefore holds for *every* admissible
:math:`g`.  A wrong threshold cannot be refuted for an abstract :math:`g` (no
point can be certified where :math:`g` has no value), so every obligation names
the concrete family :math:`g(L) = 1 + L` (increasing, non-negative): a
counterexample found with it is a counterexample to the abstract claim, and is
reported with the family named (:class:`proofs.registry.Family`).  Each
``s4x_obligations`` function takes the paper's threshold wage as a parameter,
so the same derivation with a wrong threshold (say :math:`2 p_T a_T`) can be
decided, and is refuted (``tests/test_section4.py``).
"""

from __future__ import annotations

import sympy as sp

from symbolic import Kind, Status
from symbolic import section4 as s4

from .claim import Claim
from symbolic.obligation import Family, Obligation

__all__ = ["s41_obligations", "s42_obligations", "s43_obligations", "s44_obligations", "s45_obligations",
           "LINEAR_G", "PAPER_T_WAGE"]

_PLACE = "Section 4, 'Agglomeration Economies or Coordination Failures?'"
_ASSUME = ("world prices p_T, p_M > 0, productivities a_T, a_M > 0, labour L > 0, agglomeration g increasing "
           "and non-negative (g(0) >= 0, g(0) < g(L)), otherwise any function")
a_T, a_M, p_T, p_M, L, g = s4.a_T, s4.a_M, s4.p_T, s4.p_M, s4.L, s4.g

#: the T wage as the paper writes it in every threshold
PAPER_T_WAGE = p_T * a_T

_x = sp.Symbol("x", nonnegative=True)
#: the concrete increasing g searched for counterexamples when the abstract decision is unknown
LINEAR_G = Family(g, sp.Lambda(_x, 1 + _x), "g(L) = 1 + L",
                  requirements=(("g increasing", sp.diff(1 + _x, _x) > 0), ("g non-negative", 1 + _x >= 0)),
                  domain=_x >= 0)


#: this section's claims, in the paper's order (assembled into the paper by proofs.rodriguez_clare)
CLAIMS: list[Claim] = []


def register(claim: Claim) -> Claim:
    """Add a claim to this section's list (ids are checked unique when the paper is assembled)."""
    CLAIMS.append(claim)
    return claim


def _forall(label, statement, assumptions=None):
    named = s4.agglomeration_assumptions() if assumptions is None else assumptions
    return Obligation.forall(label, statement, named, families=[LINEAR_G])


def _claim(id, quote, statement, build, note=""):
    return register(Claim(id=id, section="4", place=_PLACE, quote=quote, statement=statement,
                          assumptions=_ASSUME, kind=Kind.FORALL, expected=Status("proved"),
                          expected_source=f"docs/model.md §7 (Section 4, infant industry), table row {id}",
                          build=build, formalization="project", note=note))


def s41_obligations(t_wage=PAPER_T_WAGE):
    """S4.1: the derived condition for everybody in T, against the paper's :math:`p_M a_M g(0) \\le` ``t_wage``."""
    worked = s4.worked_agglomeration()
    return [_forall("specialisation in T (no worker gains by moving to M, L_M = 0) iff p_M a_M g(0) <= p_T a_T",
                    sp.Equivalent(s4.equilibrium(0), p_M * a_M * g(0) <= t_wage)),
            _forall("worked form g(L) = L^gamma: a lone mover into M earns p_M a_M 0^gamma = 0 <= p_T a_T, so "
                    "specialisation in T is always an equilibrium",
                    sp.Le(s4.wage_in_M(0, agglomeration=worked), t_wage, evaluate=False), {})]


_claim("S4.1", "if the economy specializes in the traditional sector, the absence of resources devoted to the advanced "
       "sector prevents the economy from reaping agglomeration economies there",
       "specialisation in T is an equilibrium iff a lone entrant in M loses: p_M a_M g(0) <= p_T a_T", s41_obligations,
       note="Derived: at L_M = 0 only T has workers; one of them moving to M earns M's wage at L_M = 0.")


def s42_obligations(t_wage=PAPER_T_WAGE):
    """S4.2: the derived condition for everybody in M, and both specialisations together."""
    at_T, at_M = p_M * a_M * g(0) <= t_wage, t_wage <= p_M * a_M * g(L)
    return [_forall("specialisation in M (no worker gains by moving to T, L_M = L) iff p_T a_T <= p_M a_M g(L)",
                    sp.Equivalent(s4.equilibrium(L), at_M)),
            _forall("both specialisations are equilibria iff both thresholds hold (multiple equilibria)",
                    sp.Equivalent(s4.multiple_equilibria(), sp.And(at_T, at_M)))]


_claim("S4.2", "There is another, superior equilibrium, however, where the economy specializes in the advanced good",
       "specialisation in M is an equilibrium iff p_T a_T <= p_M a_M g(L); both together = multiple equilibria",
       s42_obligations, note="Derived: at L_M = L only M has workers; one of them moving to T earns p_T a_T.")


def s43_obligations(t_wage=PAPER_T_WAGE):
    """S4.3: above the paper's threshold, moving everybody from T to M reaches an equilibrium with higher income."""
    return [_forall("p_M a_M g(L) > p_T a_T => specialisation in M is an equilibrium and income per worker there "
                    "exceeds income per worker with everybody in T",
                    sp.Implies(p_M * a_M * g(L) > t_wage,
                               sp.And(s4.equilibrium(L), sp.Gt(s4.income_per_worker(L), s4.income_per_worker(0)))))]


_claim("S4.3", "a policy of import substitution could lead the economy stuck in the low-income equilibrium toward "
       "the high-income equilibrium",
       "in the naive model, import substitution that moves the economy from T to M raises the wage when "
       "p_M a_M g(L) > p_T a_T", s43_obligations,
       note=("Income per worker at world prices is derived from the allocation, ((L - L_M) w_T + L_M w_M(L_M))/L; "
             "the move from L_M = 0 to L_M = L lands on an equilibrium (workers stay without further policy) "
             "with higher income."))


def s44_obligations():
    """S4.4: North's zero profit sets the price of M; South's wage at that price."""
    a_MS, a_MN, g_S, g_N = s4.a_MS, s4.a_MN, s4.g_S, s4.g_N
    t = sp.Symbol("t", positive=True)
    wage = s4.south_wage_in_M()
    # evaluate=False: the equations keep both sides, so the spot check evaluates them on every draw
    return [Obligation.forall("North's zero profit sets p_M = 1/(a_MN g_N)",
                              sp.Eq(s4.north_price_of_M(), 1 / (a_MN * g_N), evaluate=False)),
            Obligation.forall("South's wage in M is (a_MS/a_MN)(g_S/g_N)",
                              sp.Eq(wage, (a_MS / a_MN) * (g_S / g_N), evaluate=False)),
            Obligation.forall("scaling both agglomeration levels by any t > 0 leaves South's wage unchanged",
                              sp.Eq(s4.south_wage_in_M(a_MS, t * g_S, a_MN, t * g_N), wage, evaluate=False))]


register(Claim(
    id="S4.4", section="4", place=_PLACE,
    quote="From the point of view of a small economy, it is the same to be specialized in an industry with strong "
          "agglomeration economies and a low international price, or weak agglomeration economies and a high "
          "international price",
    statement="if the world price of M reflects the North's realised agglomeration, p_M = 1/(a_MN g_N), the South's "
              "wage in M is (a_MS/a_MN)(g_S/g_N): strong agglomeration with a low price is the same as weak "
              "agglomeration with a high price",
    assumptions="a_MS, a_MN > 0, realised agglomeration levels g_S, g_N > 0, North's wage the numeraire",
    kind=Kind.FORALL, expected=Status("proved"),
    expected_source="docs/model.md §7 (Section 4, infant industry), table row S4.4", build=s44_obligations,
    formalization="project", note="'The same' is read as: the wage depends on the agglomeration levels only through "
                                  "g_S/g_N."))


def s45_obligations(t_wage=PAPER_T_WAGE):
    """S4.5: with M made in the backward mode (no agglomeration), the move from T to M lowers income."""
    backward = s4.backward_mode()
    return [_forall("p_M a_M g(0) < p_T a_T => with M in the backward mode, income per worker with everybody in M "
                    "is below income with everybody in T, and everybody in M is no equilibrium (workers gain by "
                    "moving back to T)",
                    sp.Implies(p_M * a_M * g(0) < t_wage,
                               sp.And(sp.Lt(s4.income_per_worker(L, agglomeration=backward), s4.income_per_worker(0)),
                                      sp.Not(s4.equilibrium(L, agglomeration=backward)))))]


_claim("S4.5", "The second problem with the story is that it assumes that production in the advanced sector always "
       "leads to clustering",
       "if the advanced good can also be made with a backward mode that has no agglomeration (g stays at g(0)), "
       "import substitution that moves the economy from T to M lowers the wage whenever p_M a_M g(0) < p_T a_T -- "
       "clustering is not automatic", s45_obligations,
       note=("The backward mode produces M with the multiplier it has with no M employment, g(0), whatever L_M; "
             "income per worker and the equilibrium condition are derived as for the clustered mode."))
