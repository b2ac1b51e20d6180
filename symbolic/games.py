r"""Equilibrium *regions* of binary-action games, symbolically.

Numeric game libraries (nashpy, QuantEcon, Gambit) find the equilibria of a
game with numbers in it.  The paper's Section 2 asks something else: *for
which parameters* is a profile an equilibrium?  Here the answer is a SymPy
Boolean in the parameters, which :func:`symbolic.prove` can then decide.

Two shapes cover Section 2:

* :class:`PopulationGame` -- identical players choose *adopt* or *stay*; the
  payoffs are SymPy expressions in the adopters' share :math:`n \in [0,1]`
  (a continuum of players, one player's switch leaves :math:`n` unchanged) or
  in their number :math:`k \in \{0,\dots,N\}` (``players=N``: a switch moves
  :math:`k` by one).  A share :math:`n` of a continuum is an equilibrium iff

  .. math::  n > 0 \Rightarrow \Delta(n) \ge 0, \qquad n < 1 \Rightarrow \Delta(n) \le 0,

  with the payoff gap :math:`\Delta(n) = u_{adopt}(n) - u_{stay}(n)`.  Interior
  candidates solve :math:`\Delta(n) = 0`.  Under replicator dynamics
  :math:`\dot n = n(1-n)\Delta(n)` a rest point :math:`\bar n` is
  asymptotically stable when the field's derivative there is negative; at an
  interior rest point that derivative is :math:`\bar n(1-\bar n)\Delta'(\bar n)`,
  so stability is the sign of the gap's slope.
* :class:`TwoPartyGame` -- two parties (or two blocs of identical players),
  each investing or not (stag hunts: airport and hotels, infrastructure and
  industry).

Welfare comparisons come from the same objects: :meth:`PopulationGame.common_payoff`
(at a corner everybody takes one action; at an interior equilibrium both
actions pay the same), Pareto dominance, and a coordination failure *without*
multiple equilibria (a unique equilibrium that another profile Pareto-dominates).

>>> import sympy as sp
>>> A, C = sp.symbols("A C", positive=True)
>>> n = sp.Symbol("n", nonnegative=True)
>>> spill = PopulationGame(adopt=A * n - C, stay=sp.Integer(1), share=n)
>>> spill.all_adopt().condition
A - C >= 1
>>> spill.interior()[0].share
(C + 1)/A
>>> spill.stable(spill.none_adopt())
True

Conditions come in two forms.  ``condition`` is the readable one, and SymPy
evaluates it as it is built -- where the model settles it, it is the constant
``True``.  ``derived`` is the same condition *as derived*: each lone
deviator's payoff gap compared with zero, unevaluated, so that it can be
decided and evaluated numerically on its own:

>>> spill.all_adopt().derived
A - C - 1 >= 0
>>> spill.none_adopt().condition, spill.none_adopt().derived
(True, -C - 1 <= 0)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

__all__ = ["Profile", "PopulationGame", "TwoPartyGame", "ADOPT", "STAY"]

ADOPT, STAY = "adopt", "stay"


def _as_expr(value, what: str) -> sp.Expr:
    try:
        e = sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError):
        raise TypeError(f"{what} must be a SymPy expression, got {value!r}") from None
    if not isinstance(e, sp.Expr):
        raise TypeError(f"{what} must be a SymPy expression, got {type(e).__name__}: {e!r}")
    return e


def _gap_form(lhs: sp.Expr, rel, rhs: sp.Expr) -> sp.Boolean:
    """``lhs - rhs`` compared with 0 by ``rel``, unevaluated: the condition as derived, never a constant."""
    return rel(lhs - rhs, 0, evaluate=False)


def _readable(rel: sp.Boolean) -> sp.Boolean:
    """``r_1 - c_1 >= 0`` as ``r_1 >= c_1`` and ``A - C - 1 >= 0`` as ``A - C >= 1`` (same relation)."""
    if not isinstance(rel, sp.core.relational.Relational):
        return rel
    diff = sp.expand(rel.lhs - rel.rhs)
    const, rest = diff.as_coeff_Add()
    if const != 0:
        return rel.func(rest, -const)
    terms = sp.Add.make_args(rest)
    pos = [t for t in terms if not t.could_extract_minus_sign()]
    neg = [-t for t in terms if t.could_extract_minus_sign()]
    if pos and neg:
        return rel.func(sp.Add(*pos), sp.Add(*neg))
    return rel.func(rest, 0)


@dataclass(frozen=True)
class Profile:
    """A candidate outcome and the parameter region where it is an equilibrium.

    ``share`` is the adopters' share (or number); ``condition`` is a SymPy
    Boolean in the parameters (``True`` when it always is an equilibrium);
    ``derived`` is the same condition as derived -- each lone deviator's
    payoff gap compared with zero, unevaluated (``-C - 1 <= 0`` where
    ``condition`` is ``True``) -- or ``None`` where ``condition`` is already
    the derived form (the interior roots of the gap).
    """

    name: str
    share: sp.Expr
    condition: sp.Boolean
    derived: sp.Boolean | None = None

    def _latex(self, printer=None) -> str:
        return r"\text{%s } (%s):\ %s" % (self.name, sp.latex(self.share), sp.latex(self.condition))

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"


@dataclass(frozen=True)
class PopulationGame:
    """Identical players choose between two actions; payoffs depend on the adopters.

    ``adopt`` and ``stay`` are each action's payoff as SymPy expressions in
    ``share``; ``players`` is ``None`` for a continuum of mass one (``share``
    in [0, 1]) or the number of players ``N`` (``share`` counts adopters,
    ``0..N``; a switcher moves it by one).

    >>> import sympy as sp
    >>> k, N = sp.Symbol("k", integer=True, nonnegative=True), sp.Symbol("N", integer=True, positive=True)
    >>> dp, dc = sp.symbols("Delta_p Delta_c", positive=True)
    >>> brand = PopulationGame(adopt=dp * k / N - dc, stay=dp * k / N, share=k, players=N)
    >>> sp.simplify(brand.switch_gain(k))
    -Delta_c + Delta_p/N
    """

    adopt: sp.Expr
    stay: sp.Expr
    share: sp.Symbol
    players: sp.Expr | None = None
    adopt_name: str = ADOPT
    stay_name: str = STAY

    def __post_init__(self):
        object.__setattr__(self, "adopt", _as_expr(self.adopt, "adopt"))
        object.__setattr__(self, "stay", _as_expr(self.stay, "stay"))
        if not isinstance(self.share, sp.Symbol):
            raise TypeError(f"share must be a SymPy Symbol (the adopters' share or number), got {self.share!r}")
        if self.players is not None:
            players = _as_expr(self.players, "players")
            if players.is_number and not (players.is_integer and players >= 2):
                raise ValueError(f"players must be an integer >= 2 (or None for a continuum), got {players}")
            object.__setattr__(self, "players", players)

    # -- payoffs -------------------------------------------------------------
    @property
    def continuum(self) -> bool:
        return self.players is None

    @property
    def top(self) -> sp.Expr:
        """The share when everybody adopts: 1 for a continuum, ``N`` otherwise."""
        return sp.Integer(1) if self.continuum else self.players

    def payoff(self, action: str, at) -> sp.Expr:
        """The payoff of ``action`` when the adopters' share (number) is ``at``."""
        if action not in (ADOPT, STAY):
            raise ValueError(f"action must be {ADOPT!r} or {STAY!r}, got {action!r}")
        expr = self.adopt if action == ADOPT else self.stay
        return expr.subs(self.share, at)

    def gap(self, at=None, *, evaluate: bool = True) -> sp.Expr:
        r"""The payoff gap :math:`\Delta(n) = u_{adopt}(n) - u_{stay}(n)` (at ``share`` by default).

        ``evaluate=False`` keeps the difference of the two payoffs as written
        (SymPy would cancel the common terms):

        >>> import sympy as sp
        >>> A, C, n = sp.symbols("A C n", positive=True)
        >>> PopulationGame(adopt=A * n - C, stay=1 + A * n, share=n).gap(evaluate=False)
        -(A*n + 1) + (A*n - C)
        """
        at = self.share if at is None else at
        adopt, stay = self.payoff(ADOPT, at), self.payoff(STAY, at)
        if evaluate:
            return adopt - stay
        return sp.Add(adopt, sp.Mul(sp.S.NegativeOne, stay, evaluate=False), evaluate=False)

    def switch_gain(self, at) -> sp.Expr:
        """What a non-adopter gains by adopting when ``at`` others adopt.

        A continuum player's switch leaves the share unchanged (the gap); with
        ``N`` players it raises the number of adopters by one.
        """
        if self.continuum:
            return self.gap(at)
        return self.payoff(ADOPT, at + 1) - self.payoff(STAY, at)

    # -- equilibria ------------------------------------------------------------
    def share_domain(self, at=None) -> sp.Boolean:
        """The admissible shares: ``0 <= n <= 1`` or ``0 <= k <= N``."""
        at = self.share if at is None else at
        return sp.And(sp.Ge(at, 0), sp.Le(at, self.top))

    def equilibrium_at(self, at, *, gap_form: bool = False) -> sp.Boolean:
        """No adopter gains by staying and no stayer gains by adopting, at ``at`` adopters.

        ``gap_form=True``: each comparison as derived, the payoff gap against
        zero and unevaluated (``A - C - 1 >= 0``), instead of the readable
        relation SymPy may settle (``A - C >= 1``, or ``True``).
        """
        if self.continuum:
            adopter_stays = (self.payoff(ADOPT, at), sp.Ge, self.payoff(STAY, at))
            stayer_stays = (self.payoff(ADOPT, at), sp.Le, self.payoff(STAY, at))
        else:
            adopter_stays = (self.payoff(ADOPT, at), sp.Ge, self.payoff(STAY, at - 1))
            stayer_stays = (self.payoff(ADOPT, at + 1), sp.Le, self.payoff(STAY, at))
        form = _gap_form if gap_form else (lambda lhs, rel, rhs: _readable(rel(lhs - rhs, 0)))
        return sp.And(sp.Implies(sp.Gt(at, 0), form(*adopter_stays)),
                      sp.Implies(sp.Lt(at, self.top), form(*stayer_stays)))

    def _corner(self, name: str, at) -> Profile:
        return Profile(name, at, self.equilibrium_at(at), self.equilibrium_at(at, gap_form=True))

    def none_adopt(self) -> Profile:
        """Nobody adopts: an equilibrium iff a lone adopter would not gain."""
        return self._corner(f"none {self.adopt_name}", sp.Integer(0))

    def all_adopt(self) -> Profile:
        """Everybody adopts: an equilibrium iff a lone stayer would not gain."""
        return self._corner(f"all {self.adopt_name}", self.top)

    def interior(self) -> tuple[Profile, ...]:
        r"""Interior shares of a continuum: the roots of :math:`\Delta(n) = 0` inside (0, 1).

        A gap that does not depend on the share makes every interior share an
        equilibrium when it is zero and none otherwise (one profile with the
        free ``share`` and the condition :math:`\Delta = 0`).
        """
        if not self.continuum:
            raise ValueError("interior() is for a continuum of players; with N players use equilibrium_at(k)")
        gap = sp.expand(self.gap())
        if not gap.has(self.share):
            return (Profile("every interior share", self.share, sp.Eq(gap, 0)),)
        roots = sp.solve(gap, self.share, dict=False)
        return tuple(Profile("interior", sp.factor(r), sp.And(sp.Gt(r, 0), sp.Lt(r, 1))) for r in roots)

    def profiles(self) -> tuple[Profile, ...]:
        """None adopt, all adopt, and (for a continuum) the interior candidates."""
        corners = (self.none_adopt(), self.all_adopt())
        return corners + (self.interior() if self.continuum else ())

    # -- dynamics -------------------------------------------------------------
    def replicator_field(self) -> sp.Expr:
        r""":math:`\dot n = n(1-n)\Delta(n)`, the replicator (best-response-proportional) dynamics."""
        if not self.continuum:
            raise ValueError("replicator dynamics are defined here for a continuum of players")
        n = self.share
        return n * (1 - n) * self.gap()

    def field_slope(self, profile: Profile) -> sp.Expr:
        r"""The derivative of the replicator field at the rest point ``profile.share``."""
        return sp.diff(self.replicator_field(), self.share).subs(self.share, profile.share)

    def stable(self, profile: Profile) -> sp.Boolean:
        """Asymptotically stable under replicator dynamics (negative slope of the field)."""
        return sp.Lt(self.field_slope(profile), 0)

    def unstable(self, profile: Profile) -> sp.Boolean:
        """Unstable under replicator dynamics (positive slope of the field)."""
        return sp.Gt(self.field_slope(profile), 0)

    # -- welfare ----------------------------------------------------------------
    def welfare(self, at=None) -> sp.Expr:
        """Average payoff when ``at`` adopt (share, or number out of ``N``)."""
        at = self.share if at is None else at
        weight = at if self.continuum else at / self.players
        return sp.expand(weight * self.payoff(ADOPT, at) + (1 - weight) * self.payoff(STAY, at))

    def common_payoff(self, profile: Profile) -> sp.Expr:
        """Everybody's payoff at a profile where all players earn the same.

        At a corner everybody takes one action; at an interior root of the gap
        both actions pay the same, so the adopters' payoff is everybody's.
        """
        if profile.share == 0:
            return self.payoff(STAY, 0)
        return self.payoff(ADOPT, profile.share)

    def pareto_dominates(self, better: Profile, worse: Profile, *, gap_form: bool = False) -> sp.Boolean:
        """Every player is strictly better off at ``better`` than at ``worse``.

        ``gap_form=True``: the payoff difference against zero, unevaluated.
        """
        if gap_form:
            return _gap_form(self.common_payoff(better), sp.Gt, self.common_payoff(worse))
        return sp.Gt(self.common_payoff(better), self.common_payoff(worse))

    def unique_equilibrium(self, profile: Profile) -> sp.Boolean:
        """``share`` an equilibrium implies it is ``profile``'s: to be proved for every admissible share."""
        return sp.Implies(self.equilibrium_at(self.share), sp.Eq(self.share, profile.share))

    def coordination_failure_without_multiplicity(self, bad: Profile, good: Profile) -> sp.Boolean:
        """``bad`` is the unique equilibrium, yet ``good`` Pareto-dominates it.

        Has ``share`` free: prove it for every share in :meth:`share_domain`.
        """
        return sp.And(bad.condition, self.unique_equilibrium(bad), self.pareto_dominates(good, bad))

    def _repr_latex_(self) -> str:
        rows = r" \\ ".join(p._latex() for p in self.profiles())
        return r"$\begin{array}{l} %s \end{array}$" % rows


@dataclass(frozen=True)
class TwoPartyGame:
    """Two parties each choose to invest (1) or not (0); a stag hunt when both must.

    ``payoffs[(a, b)] = (u_1, u_2)``; ``sizes`` weighs the parties in total
    surplus (a bloc of ``N`` identical sectors counts ``N`` times).

    >>> import sympy as sp
    >>> r1, c1, r2, c2 = sp.symbols("r_1 c_1 r_2 c_2", positive=True)
    >>> hunt = TwoPartyGame.stag_hunt((r1, c1), (r2, c2))
    >>> hunt.equilibrium(1, 1)
    (r_1 >= c_1) & (r_2 >= c_2)
    >>> hunt.equilibrium(0, 0)
    True
    """

    payoffs: tuple  # ((a, b), (u_1, u_2)) pairs, a hashable form of the table
    names: tuple[str, str] = ("party 1", "party 2")
    sizes: tuple = (1, 1)

    def __post_init__(self):
        table = dict(self.payoffs) if not isinstance(self.payoffs, dict) else self.payoffs
        if set(table) != {(0, 0), (0, 1), (1, 0), (1, 1)}:
            raise ValueError("payoffs must give (u_1, u_2) for each of the profiles (0,0), (0,1), (1,0), (1,1)")
        frozen = tuple(sorted(((ab, (_as_expr(u[0], "payoff"), _as_expr(u[1], "payoff"))) for ab, u in table.items())))
        object.__setattr__(self, "payoffs", frozen)
        object.__setattr__(self, "sizes", tuple(_as_expr(s, "sizes") for s in self.sizes))

    @classmethod
    def stag_hunt(cls, first, second, names=("party 1", "party 2")) -> "TwoPartyGame":
        """Each party ``(return, cost)`` pays its cost to invest and earns its return only if both invest."""
        (r1, c1), (r2, c2) = first, second
        table = {(1, 1): (r1 - c1, r2 - c2), (1, 0): (-c1, 0), (0, 1): (0, -c2), (0, 0): (0, 0)}
        return cls(tuple(table.items()), names)

    def payoff(self, a: int, b: int) -> tuple[sp.Expr, sp.Expr]:
        return dict(self.payoffs)[(a, b)]

    def equilibrium(self, a: int, b: int, *, gap_form: bool = False) -> sp.Boolean:
        """Neither party gains by switching alone.

        ``gap_form=True``: each party's gain from staying put, against zero and
        unevaluated (``r_1 - c_1 >= 0``; ``c_1 >= 0`` where SymPy settles the
        readable form to ``True``).

        >>> import sympy as sp
        >>> r1, c1, r2, c2 = sp.symbols("r_1 c_1 r_2 c_2", positive=True)
        >>> TwoPartyGame.stag_hunt((r1, c1), (r2, c2)).equilibrium(0, 0, gap_form=True)
        (c_1 >= 0) & (c_2 >= 0)
        """
        u1, u2 = self.payoff(a, b)
        first, second = (u1, sp.Ge, self.payoff(1 - a, b)[0]), (u2, sp.Ge, self.payoff(a, 1 - b)[1])
        if gap_form:
            return sp.And(_gap_form(*first), _gap_form(*second))
        return sp.And(*(_readable(rel(lhs, rhs)) for lhs, rel, rhs in (first, second)))

    def surplus(self, a: int, b: int) -> sp.Expr:
        """Total surplus, each party weighted by its size."""
        u1, u2 = self.payoff(a, b)
        return sp.expand(self.sizes[0] * u1 + self.sizes[1] * u2)

    def pareto_dominates(self, better: tuple[int, int], worse: tuple[int, int]) -> sp.Boolean:
        """Nobody worse off and somebody better off at ``better``."""
        ub, uw = self.payoff(*better), self.payoff(*worse)
        return sp.And(sp.Ge(ub[0], uw[0]), sp.Ge(ub[1], uw[1]), sp.Or(sp.Gt(ub[0], uw[0]), sp.Gt(ub[1], uw[1])))

    def _repr_latex_(self) -> str:
        rows = r" \\ ".join(r"(%d, %d):\ %s" % (a, b, sp.latex(self.equilibrium(a, b)))
                            for a in (0, 1) for b in (0, 1))
        return r"$\begin{array}{l} %s \end{array}$" % rows
