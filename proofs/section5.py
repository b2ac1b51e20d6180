r"""Section 5 claims: coordination failures and comparative advantage (docs/model.md §8).

Every claim is decided **for every number of sectors J** by the generic-index
argument, and cross-checked by decisions at fixed :math:`J`
(:data:`CROSS_CHECK_SIZES`, role ``"cross-check"``):

* The model's conditions only ever compare two sectors: :math:`E(j,\cdot)` is
  the conjunction over :math:`k \ne j` of "no profitable deviation to
  :math:`k`", which involves the parameters of :math:`j` and :math:`k` only;
  A1 and A2 are stated pairwise (a strictly decreasing sequence is decreasing
  between *any* two of its terms) and :math:`\theta_j \ge 1` sector by sector.
  So for sectors labelled by generic names (``"1"``, ``"j"``, ``"k"``, listed
  in index order), the instances of the standing assumptions among them are
  exactly what every economy of any size :math:`J` gives those sectors.
* A universal claim whose conclusion is a conjunction over sectors is proved
  for every :math:`J` by proving its generic conjunct, with the hypothesis
  weakened to its conjuncts among the generic sectors (weakening a hypothesis
  is sound), in each relative order of the sectors.
* A universal claim is *refuted* for every :math:`J` by one certified
  counterexample economy; that economy is complete (fixed :math:`J`), never a
  pair of sectors with the rest of the hypothesis dropped.
* An existence claim is witnessed by one complete fixed-:math:`J` economy; "no
  instance exists" needs the generic argument (an instance in any economy
  restricts to an instance among the generic sectors).

Nothing here types a formula: the model is built in :mod:`symbolic.section5`.
"""

from __future__ import annotations

import sympy as sp

from symbolic import Kind, Status
from symbolic.section5 import (assumption_A1, assumption_A2, condition_star, equilibrium, lam_S, no_profitable_deviation,
                               sectors, standing_assumptions, star_ratio, theta, theta_at_least_one, theta_nondecreasing,
                               unit_cost, wage_coordinated, wage_uncoordinated, world_price)

from .claim import Claim
from symbolic.obligation import Obligation

#: the size of the complete economy in which refutations and witnesses are decided
J = 4
#: the fixed sizes that cross-check every generic decision
CROSS_CHECK_SIZES = tuple(range(2, 6))
#: the fixed sizes that cross-check a refutation or witness decided at J = 4
_OTHER_SIZES = tuple(size for size in CROSS_CHECK_SIZES if size != J)
#: the largest J of the fixed-size cross-check of S5.4 (the README's headline claim)
CROSS_CHECK_J = 12

S = sectors(J)
LATER = S[1:]  # the sectors k > 1

ALL = "A1, A2 and theta_j >= 1 for every sector (all parameters positive)"
EVERY_J = "every J"

#: why a generic decision covers every J (each claim's note adds its own step)
_PAIRWISE = ("The assumptions are pairwise (A1, A2 between any two sectors in index order, by transitivity of a "
             "strictly decreasing sequence) and sector by sector (theta >= 1), so the generic sectors of each "
             "decision satisfy exactly what any economy of any size J gives them. ")
_CROSS = "Fixed-J decisions for J = 2..5 cross-check the argument."
#: condition (*) failing strictly for sector k, written out (a label, not a name for the ratio)
_FAILS = "(lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) > theta_1"


#: this section's claims, in the paper's order (assembled into the paper by proofs.rodriguez_clare)
CLAIMS: list[Claim] = []


def register(claim: Claim) -> Claim:
    """Add a claim to this section's list (ids are checked unique when the paper is assembled)."""
    CLAIMS.append(claim)
    return claim


def _src(claim_id: str) -> str:
    return f"docs/model.md §8 (Section 5), table row {claim_id}"


def _claim(id, place, quote, statement, assumptions, kind, expected, build, note="", scope=EVERY_J,
           formalization="paper"):
    return register(Claim(id=id, section="5", place=place, quote=quote, statement=statement,
                          assumptions=assumptions, kind=kind, expected=Status(expected),
                          expected_source=_src(id), build=build, note=note, scope=scope, indexed_assumptions=True,
                          formalization=formalization))


def _order(labels) -> str:
    """``("1", "j", "k")`` -> ``"sectors 1 < j < k"`` (generic labels are listed in index order)."""
    return "sector " + labels[0] if len(labels) == 1 else "sectors " + " < ".join(labels)


def _generic(label, statement, labels, kind=Kind.FORALL, **assume) -> Obligation:
    """One decision for generic sectors ``labels`` (in index order), every J at once."""
    make = Obligation.forall if kind is Kind.FORALL else Obligation.exists
    return make(f"{label} ({_order(labels)}, any J)", statement, standing_assumptions(labels, **assume))


def _unordered(label, statement, labels, kind=Kind.FORALL, extra=None) -> Obligation:
    """A decision that needs no ordering assumption (only theta >= 1): it covers the sectors in any order."""
    make = Obligation.forall if kind is Kind.FORALL else Obligation.exists
    named = {**standing_assumptions(labels, A1=False, A2=False), **(extra or {})}
    return make(f"{label} (sectors {', '.join(labels)} in any order, any J)", statement, named)


def _fixed(label, statement, sizes=CROSS_CHECK_SIZES, kind=Kind.FORALL, role="cross-check", **assume):
    """``statement(S)`` decided in complete economies of each size in ``sizes``."""
    make = Obligation.forall if kind is Kind.FORALL else Obligation.exists
    out = []
    for size in sizes:
        ss = sectors(size)
        out.append(make(f"fixed J = {size}: {label}", statement(ss), standing_assumptions(ss, **assume), role=role))
    return out


def _each_k(label, statement, assumptions, ks=LATER, kind=Kind.FORALL, role="decision"):
    make = Obligation.forall if kind is Kind.FORALL else Obligation.exists
    return [make(label.format(k=k), statement(k), assumptions, role=role) for k in ks]


def _later(ss):
    return ss[1:]


# the two relative orders of a third sector j (j != 1, k) with respect to k > 1
_BETWEEN, _ABOVE = ("1", "j", "k"), ("1", "k", "j")
_PAIR = ("1", "k")

_CONDITIONS = "Section 5, the equilibrium conditions after 'To think about equilibria in South'"
_LIST = "Section 5, the list of equilibria before condition (*)"

# -- S5.1, S5.2, S5.3: the equilibria in sector 1 ---------------------------------------------------

_claim("S5.1", _LIST, "there is an equilibrium with specialization in good 1 [without] coordination",
       "E(1,U), South specialised in good 1 without coordination, is an equilibrium",
       "A2 (all parameters positive)", Kind.FORALL, "proved",
       lambda: [_generic("no profitable deviation from E(1,U) to k", no_profitable_deviation("1", False, "k"), _PAIR,
                         A1=False, theta_ge_1=False),
                *_fixed("E(1,U)", lambda ss: equilibrium(1, False, ss), A1=False, theta_ge_1=False)],
       note=("E(1,U) is the conjunction over k > 1 of 'no profitable deviation to k', which involves sectors 1 and "
             "k only. " + _PAIRWISE + "Proving the conjunct for a generic k > 1 proves E(1,U) for every J. " + _CROSS))

_claim("S5.2", _LIST, "there is an equilibrium with specialization in good 1 with coordination",
       "E(1,C), South specialised in good 1 with coordination, is an equilibrium",
       "A1 and theta_j >= 1", Kind.FORALL, "proved",
       lambda: [_generic("no profitable deviation from E(1,C) to k", no_profitable_deviation("1", True, "k"), _PAIR,
                         A2=False),
                *_fixed("E(1,C)", lambda ss: equilibrium(1, True, ss), A2=False)],
       note=("E(1,C) is the conjunction over k > 1 of 'no profitable deviation to k' (sectors 1 and k only). "
             + _PAIRWISE + "Proving the conjunct for a generic k > 1 proves E(1,C) for every J. " + _CROSS))

_claim("S5.3", "Section 5, paragraph on the ranking of equilibria",
       "The worst equilibrium is the only one without coordination",
       "no E(k,U) with k > 1 is an equilibrium", "A2", Kind.FORALL, "proved",
       lambda: [_generic("from E(k,U) the deviation to sector 1 is profitable",
                         sp.Not(no_profitable_deviation("k", False, "1")), _PAIR, A1=False, theta_ge_1=False),
                *_fixed("no E(k,U), k = 2..J",
                        lambda ss: sp.And(*[sp.Not(equilibrium(k, False, ss)) for k in _later(ss)]),
                        A1=False, theta_ge_1=False)],
       note=("E(k,U) requires, among its conjuncts, that the deviation to sector 1 does not pay; the decision shows "
             "that it pays for generic sectors 1 < k, so E(k,U) fails in every economy of any size J. " + _PAIRWISE
             + _CROSS))


# -- S5.4, S5.5, S5.6: condition (*) -------------------------------------------------------------------

def _s54_obligations():
    generic = [
        Obligation.forall(
            "deviation to sector 1 from E(k,C) is unprofitable iff weak (*) (sectors 1 < k, any J)",
            sp.Equivalent(no_profitable_deviation("k", True, "1"), condition_star("k", strict=False)),
            standing_assumptions(_PAIR)),
        Obligation.forall(
            "weak (*) rules out the deviation to any j with 1 < j < k (sectors 1 < j < k, any J)",
            sp.Implies(condition_star("k", strict=False), no_profitable_deviation("k", True, "j")),
            standing_assumptions(_BETWEEN)),
        Obligation.forall(
            "weak (*) rules out the deviation to any j with 1 < k < j (sectors 1 < k < j, any J)",
            sp.Implies(condition_star("k", strict=False), no_profitable_deviation("k", True, "j")),
            standing_assumptions(_ABOVE)),
    ]
    cross = []
    for size in range(2, CROSS_CHECK_J + 1):
        ss = sectors(size)
        cross.append(Obligation.forall(
            f"fixed J = {size}: E(k,C) iff weak (*), every k = 2..{size}",
            sp.And(*[sp.Equivalent(equilibrium(k, True, ss), condition_star(k, strict=False)) for k in ss[1:]]),
            standing_assumptions(ss), role="cross-check"))
    return generic + cross


_claim("S5.4", "Section 5, condition (*) and the paragraph after it",
       "there is a set of equilibria with specialization in good [k] with coordination as long as (*) is satisfied",
       "for k > 1, E(k,C) is an equilibrium iff (lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) <= theta_1 "
       "(weak), for every J: only the deviation to sector 1 binds",
       ALL, Kind.FORALL, "proved", _s54_obligations,
       note=("E(k,C) is the conjunction of 'no profitable deviation to j' over all j != k, and each such "
             "condition involves only the parameters of sectors k and j; the assumptions A1, A2 and theta >= 1 "
             "hold between any two sectors in index order (A1 and A2 pairwise by transitivity of a strictly "
             "decreasing sequence). So it suffices to show, for generic indices: (i) the deviation to sector 1 "
             "is unprofitable iff weak (*); (ii) weak (*) implies the deviation to any other j is unprofitable, "
             "with j between 1 and k or j above k -- the only two relative orders of j, since j != 1, k and "
             "k > 1. (i) and (ii) together give E(k,C) iff weak (*) in an economy of any size J. Fixed-J "
             "decisions for J = 2..12 and every k cross-check the argument."))

_claim("S5.5", "Section 5, condition (*)", "as long as the following condition is satisfied: (*)",
       "the strict condition (*) is sufficient for E(k,C)", ALL, Kind.FORALL, "proved",
       lambda: [_generic("strict (*) rules out the deviation to sector 1",
                         sp.Implies(condition_star("k"), no_profitable_deviation("k", True, "1")), _PAIR),
                *[_generic("strict (*) rules out the deviation to j",
                           sp.Implies(condition_star("k"), no_profitable_deviation("k", True, "j")), labels)
                  for labels in (_BETWEEN, _ABOVE)],
                *_fixed("strict (*) => E(k,C), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(condition_star(k), equilibrium(k, True, ss))
                                            for k in _later(ss)]))],
       note=("E(k,C) is the conjunction over j != k of 'no profitable deviation to j' (sectors k and j only); "
             "the decisions show that strict (*) implies each conjunct for j = 1 and for a generic j in each of "
             "its two orders relative to k (1 < j < k, 1 < k < j). " + _PAIRWISE + _CROSS))

_claim("S5.6", "Section 5, condition (*) and the paragraph after it",
       "For specialization in k to be an equilibrium, it is necessary that this loss be greater than the benefits "
       "from higher relative productivity, as stated in condition (*)",
       "the strict condition (*) is necessary for E(k,C)", ALL, Kind.FORALL, "refuted",
       lambda: [*_each_k(f"J = {J}: E({{k}},C) => strict (*)",
                         lambda k: sp.Implies(equilibrium(k, True, S), condition_star(k)), standing_assumptions(S)),
                *_fixed("E(k,C) => strict (*), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(equilibrium(k, True, ss), condition_star(k))
                                            for k in _later(ss)]), sizes=_OTHER_SIZES)],
       note=("A universal claim over economies of every size is false if it is false in one economy: the "
             f"refutation is a certified counterexample economy with J = {J} sectors satisfying A1, A2 and "
             "theta >= 1 (complete, every conjunct of E(k,C) checked), where (*) holds with equality. Fixed-J "
             "decisions for J = 2, 3, 5 find counterexamples at those sizes too."))


# -- S5.7: theta_k = 1 ---------------------------------------------------------------------------------

_QUOTE_7 = "specialization with coordination in good k can be an equilibrium even if theta_k = 1"


def _theta_k_is_one(ss, ks=None):
    return sp.Or(*[sp.And(sp.Eq(theta(k), 1), equilibrium(k, True, ss)) for k in (ks or _later(ss))])


_claim("S5.7a", "Section 5, the paragraph after condition (*)", _QUOTE_7,
       "some E(k,C), k > 1, is an equilibrium with theta_k = 1 (no gain from coordination in k)",
       ALL, Kind.EXISTS, "refuted",
       lambda: [_generic("theta_k = 1 and no profitable deviation from E(k,C) to sector 1",
                         sp.And(sp.Eq(theta("k"), 1), no_profitable_deviation("k", True, "1")), _PAIR,
                         kind=Kind.EXISTS),
                *_fixed("some k > 1 with theta_k = 1 and E(k,C)", _theta_k_is_one, kind=Kind.EXISTS)],
       note=("Under A2, theta_k = 1 gives lambda_1S/(theta_1 lambda_1N) > lambda_kS/lambda_kN, so weak (*) fails. "
             "An instance in an economy of any size J would restrict to an instance among sectors 1 and k "
             "(E(k,C) includes the deviation to sector 1; A1, A2, theta >= 1 hold pairwise), and the generic "
             "decision shows there is none: no instance exists for any J. " + _CROSS))

_claim("S5.7b", "Section 5, the paragraph after condition (*)", _QUOTE_7,
       "the same claim with A2 dropped", "A1 and theta_j >= 1 (A2 dropped)", Kind.EXISTS, "witness",
       lambda: [*_each_k(f"J = {J}: theta_{{k}} = 1 and E({{k}},C)",
                         lambda k: _theta_k_is_one(S, (k,)), standing_assumptions(S, A2=False), kind=Kind.EXISTS),
                *_fixed("some k > 1 with theta_k = 1 and E(k,C)", _theta_k_is_one, kind=Kind.EXISTS,
                        sizes=_OTHER_SIZES, A2=False)],
       note=(f"An existence claim about economies of any size is witnessed by one economy: a complete J = {J} "
             "economy satisfying A1 and theta >= 1 (every conjunct of E(k,C) checked). Fixed-J decisions find "
             "witnesses at J = 2, 3, 5 too."))

#: how close to theta_k = 1 S5.7c asks for an equilibrium
_NEAR_ONE = sp.Rational(1, 1000)


def _theta_k_near_one(ss, ks=None):
    return sp.Or(*[sp.And(sp.Gt(theta(k), 1), sp.Le(theta(k), 1 + _NEAR_ONE), equilibrium(k, True, ss))
                   for k in (ks or _later(ss))])


_claim("S5.7c", "Section 5, the paragraph after condition (*)", _QUOTE_7,
       f"just above the knife-edge theta_k = 1 that S5.7a refutes: some E(k,C), k > 1, is an equilibrium with "
       f"1 < theta_k <= 1 + {_NEAR_ONE} (a gain from coordination in k as small as that; this one distance only)",
       ALL, Kind.EXISTS, "witness",
       lambda: [*_each_k(f"J = {J}: 1 < theta_{{k}} <= 1 + {_NEAR_ONE} and E({{k}},C)",
                         lambda k: _theta_k_near_one(S, (k,)), standing_assumptions(S), kind=Kind.EXISTS),
                *_fixed(f"some k > 1 with 1 < theta_k <= 1 + {_NEAR_ONE} and E(k,C)", _theta_k_near_one,
                        kind=Kind.EXISTS, sizes=_OTHER_SIZES)],
       note=(f"S5.7a refutes theta_k = 1 exactly, as the paper writes it; this asks whether the paper's point -- "
             "E(k,C) is an equilibrium with hardly any gain from coordination in k -- survives just above 1, under "
             f"A1, A2 and theta >= 1, at the one distance {_NEAR_ONE} (every distance would be a claim for all "
             "epsilon > 0 of an existence, a quantifier alternation the engine does not decide). An existence "
             f"claim about economies of any size is witnessed by one economy: a "
             f"complete J = {J} economy (every conjunct of E(k,C) checked). Fixed-J decisions find witnesses at "
             "J = 2, 3, 5 too."))

# -- S5.8 - S5.12: the ranking of equilibria -------------------------------------------------------------

_RANKING = "Section 5, paragraph 'How do the equilibria rank in terms of the equilibrium wage in South?'"
_claim("S5.8", _RANKING, "the wage is declining with movement to equilibria with specialization in higher-indexed goods",
       "w(1,C) > w(k,C) for every k > 1, and w(k,C) is decreasing in k", "A1", Kind.FORALL, "proved",
       lambda: [_generic("w(1,C) > w(k,C)", sp.Gt(wage_coordinated("1"), wage_coordinated("k")), _PAIR,
                         A2=False, theta_ge_1=False),
                _generic("w(j,C) > w(k,C)", sp.Gt(wage_coordinated("j"), wage_coordinated("k")), ("j", "k"),
                         A2=False, theta_ge_1=False),
                *_fixed("w(j,C) > w(j+1,C) and w(1,C) > w(k,C)",
                        lambda ss: sp.And(*[sp.Gt(wage_coordinated(a), wage_coordinated(b))
                                            for a, b in zip(ss, ss[1:])],
                                          *[sp.Gt(wage_coordinated(1), wage_coordinated(k)) for k in _later(ss)]),
                        A2=False, theta_ge_1=False)],
       note=("w(k,C) depends on sector k alone, so 'decreasing in k' is the conjunction over pairs j < k of "
             "w(j,C) > w(k,C), decided for a generic pair (and the pair 1 < k). " + _PAIRWISE + _CROSS))

_claim("S5.9", _RANKING, "The worst equilibrium is the only one without coordination",
       "w(1,U) < w(k,C) for every k whose (*) holds strictly", ALL, Kind.FORALL, "proved",
       lambda: [_generic("strict (*) => w(1,U) < w(k,C)",
                         sp.Implies(condition_star("k"), sp.Lt(wage_uncoordinated("1"), wage_coordinated("k"))), _PAIR),
                *_fixed("strict (*) => w(1,U) < w(k,C), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(condition_star(k),
                                                       sp.Lt(wage_uncoordinated(1), wage_coordinated(k)))
                                            for k in _later(ss)]))],
       note=("The statement for each k involves sectors 1 and k only; " + _PAIRWISE
             + "The generic pair 1 < k covers every k of every J. " + _CROSS))

_claim("S5.10", _RANKING, "The worst equilibrium is the only one without coordination",
       "read strictly over all equilibria: w(1,U) < w(k,C) whenever E(k,C), k > 1, is an equilibrium",
       ALL, Kind.FORALL, "refuted",
       lambda: [*_each_k(f"J = {J}: E({{k}},C) => w(1,U) < w({{k}},C)",
                         lambda k: sp.Implies(equilibrium(k, True, S),
                                              sp.Lt(wage_uncoordinated(1), wage_coordinated(k))),
                         standing_assumptions(S)),
                *_fixed("E(k,C) => w(1,U) < w(k,C), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(equilibrium(k, True, ss),
                                                       sp.Lt(wage_uncoordinated(1), wage_coordinated(k)))
                                            for k in _later(ss)]), sizes=_OTHER_SIZES)],
       note=("A universal claim over economies of every size is false if it is false in one economy: the "
             f"refutation is a certified counterexample economy with J = {J} sectors (complete, every conjunct of "
             "E(k,C) checked), where (*) holds with equality and w(1,U) = w(k,C). Fixed-J decisions for J = 2, 3, "
             "5 find counterexamples at those sizes too."))


def _theta_alternative(j):
    return sp.Symbol(f"vartheta_{j}", positive=True)


def _wage_at(k):
    """South's wage in E(k,C) as a symbol of its own, ``w_k``, and the assumption that sets it to the derived
    w(k,C) (named as the tables show it)."""
    w = sp.Symbol(f"w_{k}", positive=True)
    return w, {f"w_{k} = w({k},C), from zero profit": sp.Eq(w, wage_coordinated(k))}


def _no_theta_in_wage(k, others):
    """The wage derived from zero profit at theta also solves zero profit at any other vector vartheta.

    Zero profit is linear in the wage, so its solution is unique: satisfying it at every vartheta is
    "w(k,C) does not depend on any theta".  The wage is a symbol w_k that an assumption sets to the derived
    w(k,C) (:func:`_wage_at`), so that renaming theta in zero profit leaves the derived wage as it was derived
    (renaming it in the substituted wage too made the check X = X, true of a wage that depends on theta as
    well), and the spot check evaluates cost and world price at the drawn wage on every draw.
    """
    swap = {theta(j): _theta_alternative(j) for j in others}
    w, _ = _wage_at(k)
    cost, price = unit_cost(k, True, w), world_price(k)
    return sp.And(sp.Eq(cost, price), sp.Eq(cost.xreplace(swap), price.xreplace(swap)))


def _s511_obligations():
    labels = ("j", "k")
    extra = {**{f"vartheta_{j} >= 1": sp.Ge(_theta_alternative(j), 1) for j in labels}, **_wage_at("k")[1]}
    generic = _unordered("the derived w(k,C), set as w_k, solves zero profit at theta and at any other vartheta",
                         _no_theta_in_wage("k", labels), labels, extra=extra)
    cross = []
    for size in CROSS_CHECK_SIZES:
        ss = sectors(size)
        named = {**standing_assumptions(ss), **{f"vartheta_{j} >= 1": sp.Ge(_theta_alternative(j), 1) for j in ss},
                 **{name: eq for k in ss for name, eq in _wage_at(k)[1].items()}}
        cross.append(Obligation.forall(f"fixed J = {size}: no w(k,C) depends on any theta",
                                       sp.And(*[_no_theta_in_wage(k, ss) for k in ss]), named, role="cross-check"))
    return [generic, *cross]


_claim("S5.11", "Section 5, paragraph 'An important result of the model'",
       "the ranking of equilibria does not depend on the benefits that can be attained with coordination",
       "the coordinated equilibrium wages w(k,C), derived from zero profit, do not depend on any theta",
       ALL, Kind.FORALL, "proved", _s511_obligations,
       note=("Here vartheta_j denotes any other value of sector j's gain from coordination (vartheta_j >= 1, like "
             "theta_j), and w_k the wage, set by an assumption to w(k,C) as derived from zero profit at theta. Zero "
             "profit is linear in the wage, so its solution is unique: that w_k also solves it at vartheta is "
             "'w(k,C) does not depend on theta' (a wage that did would fail at some vartheta). "
             "w(k,C) is derived from zero profit in sector k alone; the decision covers its own theta_k and the "
             "theta_j of a generic other sector j, with no ordering assumption, so it holds for every sector of "
             "every J. " + _CROSS))

_claim("S5.12", "Section 5, footnote 16",
       "if (*) is not satisfied, then the wage would be lower with specialization and coordination in sector k",
       "if (*) fails strictly, (lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) > theta_1, then w(k,C) < w(1,U)", ALL,
       Kind.FORALL, "proved",
       lambda: [_generic(f"{_FAILS} => w(k,C) < w(1,U)",
                         sp.Implies(sp.Gt(star_ratio("k"), theta("1")),
                                    sp.Lt(wage_coordinated("k"), wage_uncoordinated("1"))), _PAIR),
                *_fixed(f"{_FAILS} => w(k,C) < w(1,U), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(sp.Gt(star_ratio(k), theta(1)),
                                                       sp.Lt(wage_coordinated(k), wage_uncoordinated(1)))
                                            for k in _later(ss)]))],
       note="The statement for each k involves sectors 1 and k only; " + _PAIRWISE + _CROSS)

# -- S5.13, S5.14: the sufficient condition for A2 ----------------------------------------------------------


def _s513_obligations():
    pair = ("j", "k")
    generic = Obligation.forall(
        f"A1(j,k) and theta_j <= theta_k => A2(j,k) ({_order(pair)}, any J)", assumption_A2(pair),
        {"theta nondecreasing (j,k)": theta_nondecreasing(pair),
         **standing_assumptions(pair, A2=False, theta_ge_1=False)})
    cross = []
    for size in CROSS_CHECK_SIZES:
        ss = sectors(size)
        cross.append(Obligation.forall(f"fixed J = {size}: A1 and theta nondecreasing => A2", assumption_A2(ss),
                                       {"theta nondecreasing": theta_nondecreasing(ss),
                                        **standing_assumptions(ss, A2=False, theta_ge_1=False)}, role="cross-check"))
    return [generic, *cross]


_claim("S5.13", "Section 5, after the assumptions on the ordering of goods",
       "a sufficient condition for this is that theta_j be nondecreasing in j",
       "theta_j nondecreasing in j together with A1 implies A2", "A1 and theta nondecreasing",
       Kind.FORALL, "proved", _s513_obligations,
       note=("A2 is the conjunction over pairs j < k of A2(j,k); each needs only A1(j,k) and theta_j <= theta_k, "
             "pairwise instances of the hypotheses (weakening a hypothesis is sound). The generic pair covers "
             "every pair of every J. " + _CROSS))

_claim("S5.14", "Section 5, after the assumptions on the ordering of goods",
       "a sufficient condition for this is that theta_j be nondecreasing in j",
       "the converse: A1 and A2 imply theta_j nondecreasing in j", ALL, Kind.FORALL, "refuted",
       lambda: [Obligation.forall(f"J = {J}: A1 and A2 => theta nondecreasing", theta_nondecreasing(S),
                                  standing_assumptions(S)),
                *_fixed("A1 and A2 => theta nondecreasing", theta_nondecreasing, sizes=_OTHER_SIZES)],
       note=("A universal claim over economies of every size is false if it is false in one economy: the "
             f"refutation is a certified counterexample economy with J = {J} sectors satisfying A1, A2 and "
             "theta >= 1. Fixed-J decisions for J = 2, 3, 5 find counterexamples at those sizes too."),
       formalization="project")  # the converse, which the paper does not claim: its "sufficient" is confirmed

# -- S5.15 - S5.19: policy --------------------------------------------------------------------------------------

_POLICY = "Section 5, the paragraphs on import substitution"
_claim("S5.15", _POLICY,
       "import substitution or any other policy that distorts prices to induce a reallocation of resources will reduce welfare",
       "from E(1,U), moving labour to any k > 1 without coordination lowers income per worker: "
       "lambda_kS p_k < lambda_1S p_1", "A2", Kind.FORALL, "proved",
       lambda: [_generic("lambda_kS p_k < lambda_1S p_1", sp.Lt(lam_S("k") * world_price("k"),
                                                                lam_S("1") * world_price("1")), _PAIR,
                         A1=False, theta_ge_1=False),
                *_fixed("lambda_kS p_k < lambda_1S p_1, every k = 2..J",
                        lambda ss: sp.And(*[sp.Lt(lam_S(k) * world_price(k), lam_S(1) * world_price(1))
                                            for k in _later(ss)]), A1=False, theta_ge_1=False)],
       note="The statement for each k involves sectors 1 and k only; " + _PAIRWISE + _CROSS)


def _s516(ss):
    return sp.And(*[sp.Implies(equilibrium(k, True, ss), sp.Le(lam_S(j) * world_price(j), wage_coordinated(k)))
                    for k in ss for j in ss if j != k])


_claim("S5.16", _POLICY,
       "inducing reallocation toward other sectors without simultaneously pushing for coordination would lead to lower wages",
       "from E(k,C), reallocating labour to any j != k without coordination does not raise income: "
       "lambda_jS p_j <= w(k,C)", ALL, Kind.FORALL, "proved",
       lambda: [_unordered("E(k,C) restricted to {j, k} => lambda_jS p_j <= w(k,C)",
                           sp.Implies(equilibrium("k", True, ("j", "k")),
                                      sp.Le(lam_S("j") * world_price("j"), wage_coordinated("k"))), ("j", "k")),
                *_fixed("E(k,C) => lambda_jS p_j <= w(k,C), every k and j != k", _s516)],
       note=("Each conclusion involves sectors j and k only, and the hypothesis E(k,C) is weakened to its "
             "conjunct for j (weakening a hypothesis is sound); the decision uses no ordering assumption, so it "
             "covers j and k in either order (j = 1 and k = 1 included) in every economy of any size J. "
             + _CROSS))

_claim("S5.17", _POLICY,
       "if the government were able to induce coordination, it would be better to do so in sector 1",
       "with strict (*), w(1,C) > w(k,C) > w(1,U): coordination where comparative advantage is strongest "
       "beats reallocation", ALL, Kind.FORALL, "proved",
       lambda: [_generic("strict (*) => w(1,C) > w(k,C) > w(1,U)",
                         sp.Implies(condition_star("k"), sp.And(
                             sp.Gt(wage_coordinated("1"), wage_coordinated("k")),
                             sp.Gt(wage_coordinated("k"), wage_uncoordinated("1")))), _PAIR),
                *_fixed("strict (*) => w(1,C) > w(k,C) > w(1,U), every k = 2..J",
                        lambda ss: sp.And(*[sp.Implies(condition_star(k), sp.And(
                            sp.Gt(wage_coordinated(1), wage_coordinated(k)),
                            sp.Gt(wage_coordinated(k), wage_uncoordinated(1)))) for k in _later(ss)]))],
       note="The statement for each k involves sectors 1 and k only; " + _PAIRWISE + _CROSS)


def _s518_obligations():
    fails = lambda k: sp.Gt(star_ratio(k), theta("1" if isinstance(k, str) else 1))  # noqa: E731
    generic = [
        _generic(f"{_FAILS} => not E(k,C) (the deviation to 1 pays), and no deviation from E(1,U), E(1,C) to k",
                 sp.Implies(fails("k"), sp.And(sp.Not(no_profitable_deviation("k", True, "1")),
                                               no_profitable_deviation("1", False, "k"),
                                               no_profitable_deviation("1", True, "k"))), _PAIR),
        *[_generic(f"{_FAILS} => no deviation from E(1,U), E(1,C) to j",
                   sp.Implies(fails("k"), sp.And(no_profitable_deviation("1", False, "j"),
                                                 no_profitable_deviation("1", True, "j"))), labels)
          for labels in (_BETWEEN, _ABOVE)]]
    cross = _fixed(f"{_FAILS} => not E(k,C), E(1,U), E(1,C), every k = 2..J",
                   lambda ss: sp.And(*[sp.Implies(fails(k), sp.And(sp.Not(equilibrium(k, True, ss)),
                                                                   equilibrium(1, False, ss), equilibrium(1, True, ss)))
                                       for k in _later(ss)]))
    return generic + cross


_claim("S5.18", "Section 5, footnote 18",
       "the economy would switch to the equilibrium with specialization in the sector with the strongest "
       "comparative advantage but no coordination",
       "if (*) fails for the coordinated sector k, (lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) > theta_1, E(k,C) is "
       "no longer an equilibrium while E(1,U) and E(1,C) remain", ALL, Kind.FORALL, "proved", _s518_obligations,
       note=("'Not E(k,C)' follows from one failing conjunct (the deviation to sector 1); E(1,U) and E(1,C) are "
             "conjunctions over j > 1 of conditions on sectors 1 and j, decided for j = k and for a generic j in "
             "each order relative to k. " + _PAIRWISE + _CROSS))


def _s519_obligations():
    generic = [_generic("E(k,C) restricted to {j, k} => no deviation from E(j,C) to k",
                        sp.Implies(equilibrium("k", True, ("j", "k")), no_profitable_deviation("j", True, "k")),
                        ("j", "k"), A2=False)]
    for labels in (("i", "j", "k"), ("j", "i", "k"), ("j", "k", "i")):
        generic.append(_generic("E(k,C) restricted to {i, j, k} => no deviation from E(j,C) to i",
                                sp.Implies(equilibrium("k", True, labels), no_profitable_deviation("j", True, "i")),
                                labels, A2=False))
    cross = _fixed("E(k,C) => E(j,C) for every j < k",
                   lambda ss: sp.And(*[sp.Implies(equilibrium(k, True, ss), equilibrium(j, True, ss))
                                       for k in _later(ss) for j in ss if j < k]), A2=False)
    return generic + cross


_claim("S5.19", _RANKING, "If (*) is satisfied for j = 1, ..., k",
       "the coordinated equilibria form a prefix: if E(k,C) is an equilibrium then so is E(j,C) for every j < k",
       "A1 and theta_j >= 1", Kind.FORALL, "proved", _s519_obligations,
       note=("E(j,C) is the conjunction over i != j of 'no profitable deviation to i' (sectors j and i only); "
             "each conjunct is decided from E(k,C)'s conjuncts among the generic sectors {i, j, k} (weakening a "
             "hypothesis is sound), for i = k and for i in each of its three orders relative to j < k. No "
             "assumption singles out sector 1, so j = 1 or i = 1 are among the generic cases. " + _PAIRWISE
             + _CROSS))

# -- S5.20 - S5.24 ---------------------------------------------------------------------------------------------

_MULTIPLE = "Section 5, the list of equilibria before condition (*)"


def _s520_obligations():
    differ = sp.Gt(wage_coordinated("1"), wage_uncoordinated("1"))
    return [
        _generic("w(1,C) > w(1,U) iff theta_1 > 1", sp.Equivalent(differ, sp.Gt(theta("1"), 1)), ("1",)),
        _generic("no profitable deviation from E(1,U) nor from E(1,C) to k",
                 sp.And(no_profitable_deviation("1", False, "k"), no_profitable_deviation("1", True, "k")), _PAIR),
        *_fixed("E(1,U), E(1,C) and w(1,C) > w(1,U) iff theta_1 > 1",
                lambda ss: sp.Equivalent(sp.And(equilibrium(1, False, ss), equilibrium(1, True, ss),
                                                sp.Gt(wage_coordinated(1), wage_uncoordinated(1))),
                                         sp.Gt(theta(1), 1)))]


_claim("S5.20", _MULTIPLE, "Given the assumptions above, there are multiple equilibria",
       "E(1,U) and E(1,C) are both equilibria, and they differ (w(1,C) > w(1,U)) iff theta_1 > 1", ALL,
       Kind.FORALL, "proved", _s520_obligations,
       note=("The wages w(1,C), w(1,U) involve sector 1 only; E(1,U) and E(1,C) are conjunctions over k > 1 of "
             "conditions on sectors 1 and k, decided for a generic k. " + _PAIRWISE + _CROSS))


def _best(ss):
    later = _later(ss)
    return sp.And(equilibrium(1, True, ss), sp.Ge(wage_coordinated(1), wage_uncoordinated(1)),
                  *[sp.Implies(equilibrium(k, True, ss), sp.Ge(wage_coordinated(1), wage_coordinated(k)))
                    for k in later],
                  *[sp.Implies(equilibrium(k, False, ss), sp.Ge(wage_coordinated(1), wage_uncoordinated(k)))
                    for k in later])


def _s521_obligations():
    pair_eq = lambda coordinated: equilibrium("k", coordinated, _PAIR)  # noqa: E731
    return [
        _generic("w(1,C) >= w(1,U)", sp.Ge(wage_coordinated("1"), wage_uncoordinated("1")), ("1",)),
        _generic("E(1,C) has no profitable deviation to k; w(1,C) >= the wage of E(k,C) and of E(k,U)",
                 sp.And(no_profitable_deviation("1", True, "k"),
                        sp.Implies(pair_eq(True), sp.Ge(wage_coordinated("1"), wage_coordinated("k"))),
                        sp.Implies(pair_eq(False), sp.Ge(wage_coordinated("1"), wage_uncoordinated("k")))),
                 _PAIR, A2=False),
        *_fixed("E(1,C) is an equilibrium and w(1,C) >= the wage of every equilibrium", _best, A2=False)]


_claim("S5.21", _RANKING, "The best equilibrium is the one with coordination in good 1",
       "E(1,C) is an equilibrium and w(1,C) >= the wage of every equilibrium (E(1,U), every E(k,C) and every "
       "E(k,U) that is one), for every J", "A1 and theta_j >= 1", Kind.FORALL, "proved", _s521_obligations,
       note=("Each comparison involves sector 1 and one sector k (the hypotheses 'E(k,.) is an equilibrium' "
             "weakened to their conjunct for sector 1, which is sound); E(1,C) is a conjunction over k > 1 of "
             "conditions on sectors 1 and k. E(k,U) is included although A2 (not assumed here) already rules it "
             "out. " + _PAIRWISE + _CROSS))


def _price_falls_in_theta(j):
    other = _theta_alternative(j)
    price = world_price(j)
    # evaluate=False: SymPy would settle the derivative's sign and drop the conjunct from the statement
    return sp.And(sp.Lt(sp.diff(price, theta(j)), 0, evaluate=False),
                  sp.Implies(sp.Lt(theta(j), other), sp.Gt(price, price.xreplace({theta(j): other}))))


def _s522_obligations():
    generic = _unordered("p_j = 1/(theta_j lambda_jN) falls strictly in theta_j", _price_falls_in_theta("j"), ("j",),
                         extra={"vartheta_j >= 1": sp.Ge(_theta_alternative("j"), 1)})
    cross = []
    for size in CROSS_CHECK_SIZES:
        ss = sectors(size)
        named = {**standing_assumptions(ss), **{f"vartheta_{j} >= 1": sp.Ge(_theta_alternative(j), 1) for j in ss}}
        cross.append(Obligation.forall(f"fixed J = {size}: every p_j falls strictly in theta_j",
                                       sp.And(*[_price_falls_in_theta(j) for j in ss]), named, role="cross-check"))
    return [generic, *cross]


_claim("S5.22", "Section 5, paragraph 'An important result of the model'",
       "higher theta leads to higher productivity in North and lower international prices",
       "p_j = 1/(theta_j lambda_jN) is strictly decreasing in theta_j", "theta_j >= 1 (all parameters positive)",
       Kind.FORALL, "proved", _s522_obligations,
       note=("Here vartheta_j denotes any other value of sector j's gain from coordination (vartheta_j >= 1, like "
             "theta_j), so theta_j < vartheta_j compares two gains. "
             "The world price of sector j involves sector j only; the decision for a generic j with no ordering "
             "assumption covers every sector of every J. " + _CROSS))


def _higher_theta_lower_wage(ss, ks=None):
    return sp.Or(*[sp.And(sp.Gt(theta(k), theta(1)), equilibrium(k, True, ss),
                          sp.Lt(wage_coordinated(k), wage_coordinated(1))) for k in (ks or _later(ss))])


_claim("S5.23", "Section 5, paragraph 'An important result of the model'",
       "specialization with coordination in sectors with higher theta does not necessarily lead to higher "
       "equilibrium wages",
       "there is an economy with theta_k > theta_1 in which E(k,C) is an equilibrium and w(k,C) < w(1,C)", ALL,
       Kind.EXISTS, "witness",
       lambda: [*_each_k(f"J = {J}: theta_{{k}} > theta_1, E({{k}},C) and w({{k}},C) < w(1,C)",
                         lambda k: _higher_theta_lower_wage(S, (k,)), standing_assumptions(S), kind=Kind.EXISTS),
                *_fixed("some k > 1 with theta_k > theta_1, E(k,C) and w(k,C) < w(1,C)", _higher_theta_lower_wage,
                        kind=Kind.EXISTS, sizes=_OTHER_SIZES)],
       note=(f"An existence claim about economies of any size is witnessed by one economy: a complete J = {J} "
             "economy satisfying A1, A2 and theta >= 1 (every conjunct of E(k,C) checked). Fixed-J decisions "
             "find witnesses at J = 2, 3, 5 too."))


def _s524(ss):
    return sp.And(*[sp.Implies(sp.And(condition_star(k), equilibrium(k, True, ss)),
                               sp.Lt(lam_S(j) * world_price(j), wage_coordinated(k)))
                    for k in _later(ss) for j in ss if j != k])


def _s524_obligations():
    def strictly_lower(j, labels):
        return sp.Implies(sp.And(condition_star("k"), equilibrium("k", True, labels)),
                          sp.Lt(lam_S(j) * world_price(j), wage_coordinated("k")))

    return [_generic("strict (*) and E(k,C) => lambda_1S p_1 < w(k,C)", strictly_lower("1", _PAIR), _PAIR, A1=False),
            *[_generic("strict (*) and E(k,C) => lambda_jS p_j < w(k,C)", strictly_lower("j", labels), labels,
                       A1=False) for labels in (_BETWEEN, _ABOVE)],
            *_fixed("strict (*) and E(k,C) => lambda_jS p_j < w(k,C), every k > 1 and j != k", _s524, A1=False)]


_claim("S5.24", _POLICY,
       "if condition (*) were satisfied for k and South were specialized in sector k with coordination, then "
       "inducing reallocation toward other sectors without simultaneously pushing for coordination would lead to "
       "lower wages",
       "from E(k,C), k > 1, with (*) strict, reallocating labour to any j != k without coordination strictly "
       "lowers income: lambda_jS p_j < w(k,C)", "A2 and theta_j >= 1", Kind.FORALL, "proved", _s524_obligations,
       note=("Each conclusion involves sectors j and k; the hypotheses are weakened to their conjuncts among "
             "{1, j, k} (sound), and j = 1 and a generic j in each order relative to k (1 < j < k, 1 < k < j) are "
             "decided. " + _PAIRWISE + _CROSS))

# theta_at_least_one and assumption_A1 are re-exported for notebooks that build their own obligations
__all__ = ["J", "S", "CROSS_CHECK_J", "CROSS_CHECK_SIZES", "assumption_A1", "theta_at_least_one"]
