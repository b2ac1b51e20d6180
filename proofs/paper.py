r"""A paper: its claims, sections, models, figures and errata -- for this paper and for yours.

Every command (``verify``, ``derive``, ``report``, ``region``) and the pytest
plugin take a :class:`Paper`.  :func:`load_paper` finds one from what a user
types after ``--claims``:

* a Python file (``mypaper.py``) or an importable module (``mypackage.claims``)
  that defines ``paper = Paper(...)``, or just ``claims = [Claim(...), ...]``;
* the name of an installed entry point in the group ``coordfail.claims``
  (``[project.entry-points."coordfail.claims"] mypaper = "mypackage.claims:paper"``);
* nothing: this toolkit's own paper, Rodríguez-Clare (2005), which is itself
  registered through that entry point.

A claims file is Python that the user asked to run, like a ``conftest.py``;
nothing else typed on the command line is ever evaluated.

>>> import sympy as sp
>>> from proofs.claim import Claim
>>> x = sp.Symbol("x", positive=True)
>>> p = Paper(title="Mine", claims=(Claim(id="A.1", statement="x + 1 > x", claim=x + 1 > x),
...                                 Claim(id="A.10", statement="x**2 >= 0", claim=x**2 >= 0)))
>>> [c.id for c in p.select("A.1")]
['A.1']
>>> [c.id for c in p.select("A")]
['A.1', 'A.10']
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Callable, Mapping, Sequence

from symbolic.errors import BadInputError, BadInputTypeError

from .claim import Claim
from .inputs import about, unrelated_words

__all__ = ["Paper", "Figure", "Erratum", "load_paper", "DEFAULT_PAPER", "ENTRY_POINT_GROUP"]

#: the entry-point group through which packages expose their claims
ENTRY_POINT_GROUP = "coordfail.claims"
#: the entry point of this toolkit's own paper
DEFAULT_PAPER = "rodriguez-clare-2005"


@dataclass(frozen=True)
class Figure:
    """A figure of a section, placed beside the claims it illustrates."""

    name: str  #: file stem, e.g. ``section5_wages``
    section: str
    build: Callable  #: () -> a matplotlib Figure
    caption: str  #: LaTeX
    claims: tuple[str, ...] = ()  #: ids of the claims it illustrates (placed after the first)


@dataclass(frozen=True)
class Erratum:
    """A formula the source prints wrongly, and its correction."""

    where: str
    printed: str  #: LaTeX
    corrected: str  #: LaTeX
    source: str = ""


def _pairs(title: str, name: str, second: str, value) -> tuple:
    """``value`` as ``(id, thing)`` pairs: a mapping is taken as its items; anything else shaped otherwise is
    refused in words (it failed later as a tuple unpacking error)."""
    items = tuple(value.items()) if isinstance(value, Mapping) else value
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise BadInputTypeError(f"paper {title!r}: {name}= must be (id, {second}) pairs or a mapping, got "
                                f"{type(value).__name__}")
    items = tuple(tuple(it) if isinstance(it, list) else it for it in items)
    for it in items:
        if not (isinstance(it, tuple) and len(it) == 2 and isinstance(it[0], str)):
            raise BadInputTypeError(f"paper {title!r}: {name}= must be (id, {second}) pairs or a mapping, got "
                                    f"{it!r} among them")
    return items


@dataclass(frozen=True, kw_only=True)
class Paper:
    """A paper's claims and what a report needs to present them."""

    title: str
    claims: tuple[Claim, ...]
    citation: str = ""
    #: ``(section id, heading)`` in the paper's order; where given, every claim's section must be one of them
    #: (without any, each claim's section is headed "Section <id>")
    sections: tuple[tuple[str, str], ...] = ()
    #: ``(section id, function returning the model's derivation steps)``
    models: tuple[tuple[str, Callable], ...] = ()
    figures: tuple[Figure, ...] = ()
    errata: tuple[Erratum, ...] = ()
    #: the document the claims' expected verdicts cite (e.g. ``docs/model.md``)
    spec: str = ""
    #: ``(claim id, check)``: spot checks of a claim's own, replacing the generic one
    spot_checks: tuple[tuple[str, Callable], ...] = field(default=(), repr=False)
    #: samplers for the paper's symbols (see :mod:`numeric.spot`)
    samplers: tuple = field(default=(), repr=False)
    #: where the paper's derived regions come from (a module with ``region_for(id)``), if any
    regions: object = field(default=None, repr=False)
    #: ``(claim id, reading)``: what a claim's counterexample or witness means in the model's terms, a
    #: function of the exact point returning a sentence (the report shows it beside the point)
    readings: tuple[tuple[str, Callable], ...] = field(default=(), repr=False)

    def __post_init__(self):
        for name, second in (("sections", "heading"), ("models", "function"), ("spot_checks", "check"),
                             ("readings", "reading")):
            object.__setattr__(self, name, _pairs(self.title, name, second, getattr(self, name)))
        if not all(isinstance(heading, str) for _, heading in self.sections):
            raise BadInputTypeError(f"paper {self.title!r}: each section's heading must be words (a str)")
        claims = tuple(self.claims)
        object.__setattr__(self, "claims", claims)
        for c in claims:
            if not isinstance(c, Claim):
                raise BadInputTypeError(f"paper {self.title!r}: claims must be Claim records, got {type(c).__name__}")
        seen: set = set()
        for c in claims:
            if c.id in seen:
                raise BadInputError(f"paper {self.title!r}: the claim id {c.id!r} is used twice")
            seen.add(c.id)
        if not claims:
            raise BadInputError(f"paper {self.title!r} has no claims")
        # an assumption about nothing its claim mentions is noted; about nothing any claim mentions, a misspelling
        mentioned = frozenset().union(*(about(c.claim) for c in claims if c.claim is not None),
                                      *(about(a) for c in claims for name, a in c.given
                                        if name not in {n for n, _ in c.unrelated}))
        built = any(c.build is not None for c in claims)  # their symbols are known once they are built
        for c in claims:
            for name, things in c.unrelated:
                if not things & mentioned and not built:
                    own = ", ".join(sorted(str(s) for s in things))
                    raise BadInputError(f"claim {c.id}: {unrelated_words(c, name, things)}, and no claim of the paper "
                                        f"mentions {own}: a misspelt symbol?")
        declared = [sid for sid, _ in self.sections]
        for c in claims:
            if declared and c.section and c.section not in declared:  # a typo would invent a section
                raise BadInputError(f"paper {self.title!r}: claim {c.id} is in section {c.section!r}, which is not "
                                    f"among the paper's sections ({', '.join(map(repr, declared))})")

    # -- lookup ------------------------------------------------------------------------
    def claim(self, claim_id: str) -> Claim:
        """The claim with this id; an unknown id suggests the nearest ones."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise BadInputError(f"no claim with id {claim_id!r}{self._suggest(claim_id)}")

    def _suggest(self, text: str) -> str:
        ids = [c.id for c in self.claims]
        close = difflib.get_close_matches(text, ids, n=5, cutoff=0.5)
        close += [i for i in ids if i.lower().startswith(text.lower()[:3]) and i not in close][: 5 - len(close)]
        return f"; did you mean {', '.join(close)}?" if close else f"; known ids: {', '.join(ids[:12])}..."

    def select(self, only: str | Sequence[str] | None = None) -> list[Claim]:
        """Claims selected by ids or prefixes, in paper order.

        A token selects the claim with that id, its lettered variants
        (``S5.7`` -> ``S5.7a``, ``S5.7b``) and, as a prefix, everything under
        it (``S5`` -> ``S5.*``, ``S2.spill`` -> ``S2.spill.*``), but never a
        longer number (``S5.1`` does not select ``S5.10``) or a longer name
        (``S2.sp`` selects nothing).
        """
        if only is None:
            return list(self.claims)
        tokens = [t.strip() for t in (only.split(",") if isinstance(only, str) else only)]
        if not tokens or any(not t for t in tokens):
            raise BadInputError("--only needs claim ids or prefixes separated by commas (e.g. S5 or S5.4,S5.6), "
                                f"got {only!r}")
        out = []
        for t in tokens:
            if t.endswith("."):  # an explicit prefix: everything under it
                pattern = re.compile(rf"^{re.escape(t)}.+$")
            elif t[-1].isdigit():  # an id: itself, its lettered variants, everything under it
                pattern = re.compile(rf"^{re.escape(t)}(?:[a-z]+)?(?:\..*)?$")
            else:  # a whole name: S2.spill, not the start of a word (S2.s would select S2.spill but not S2.spill2)
                pattern = re.compile(rf"^{re.escape(t)}(?:\..*)?$")
            hits = [c for c in self.claims if pattern.match(c.id)]
            if not hits:
                raise BadInputError(f"no claim id is or starts with {t!r}{self._suggest(t)}")
            out += [c for c in hits if c not in out]
        return [c for c in self.claims if c in out]

    # -- presentation ------------------------------------------------------------------
    def section_ids(self) -> list[str]:
        """Sections in the paper's order: those listed first, then any others in claim order."""
        listed = [s for s, _ in self.sections]
        extra = [c.section for c in self.claims if c.section not in listed]
        return list(dict.fromkeys(listed + extra))

    def section_title(self, section: str) -> str:
        return dict(self.sections).get(section, f"Section {section}" if section else "Claims")

    def model(self, section: str):
        build = dict(self.models).get(section)
        return tuple(build()) if build is not None else ()

    def spot_check_for(self, claim_id: str):
        return dict(self.spot_checks).get(claim_id)

    def reading_for(self, claim_id: str):
        """The function reading ``claim_id``'s counterexample or witness in the model's terms, or ``None``."""
        return dict(self.readings).get(claim_id)


def _paper_from_module(module, origin: str) -> Paper:
    papers = {}
    for name, value in vars(module).items():
        if isinstance(value, Paper) and not name.startswith("_"):
            papers.setdefault(id(value), []).append(name)
    if len(papers) > 1:  # a misspelt `papr = Paper(...)` beside a `paper` a star import brought would be silent
        names = ", ".join(" = ".join(names) for names in papers.values())
        raise BadInputError(f"{origin} has {len(papers)} Paper objects ({names}): name the one to check 'paper' "
                            "and give the others a leading underscore (a star import brings a module's paper too)")
    for name in ("paper", "PAPER"):
        candidate = getattr(module, name, None)
        if isinstance(candidate, Paper):
            return candidate
        if callable(candidate) and not isinstance(candidate, type):
            try:
                made = candidate()
            except Exception as exc:
                raise BadInputError(f"{origin}: {name}() raised {type(exc).__name__}: {exc}".splitlines()[0]
                                    + _raised_where(exc)) from exc
            if isinstance(made, Paper):
                return made
    for name in ("claims", "CLAIMS"):
        candidate = getattr(module, name, None)
        if candidate is not None and not callable(candidate):
            doc = (module.__doc__ or "").strip().splitlines()
            return Paper(title=doc[0] if doc else origin, claims=tuple(candidate))
    raise BadInputError(f"{origin} defines neither 'paper = Paper(...)' nor 'claims = [Claim(...), ...]'")


def _import_file(path: Path):
    name = f"coordfail_claims_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise BadInputError(f"cannot load {path} as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    # as `python FILE` does: the file's folder comes first, so that it can import its siblings -- for this load
    # only: another claims file's `model.py` must not be this one's (sys.modules would keep the first)
    folder = path.resolve().parent
    inserted = str(folder) not in sys.path
    if inserted:
        sys.path.insert(0, str(folder))
    before = set(sys.modules)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        line = next((f.lineno for f in reversed(traceback.extract_tb(exc.__traceback__))
                     if Path(f.filename).resolve() == path.resolve()), None)
        where = f"{path}, line {line}" if line is not None else str(path)
        raise BadInputError(f"{where}: {type(exc).__name__}: {exc}".splitlines()[0] + _hint(exc)) from exc
    finally:
        if inserted:
            sys.path.remove(str(folder))
        for sibling in set(sys.modules) - before:
            origin = getattr(sys.modules[sibling], "__file__", None)
            if origin and Path(origin).resolve().parent == folder:
                del sys.modules[sibling]
    return module


def _hint(exc: Exception) -> str:
    """What a SymPy newcomer's error usually means, where SymPy's words do not say it."""
    if isinstance(exc, TypeError) and "cannot determine truth value of Relational" in str(exc):
        return (" (Python's and, or, not and a chained comparison such as 0 < x < 1 need a truth value, which a "
                "SymPy relation has not: write sympy.And(a, b), sympy.Or(a, b), sympy.Not(a), "
                "sympy.And(0 < x, x < 1))")
    return ""


def _near_file(path: Path) -> str:
    """``"; did you mean paper/hotelling_pg.py?"`` for a claims file misspelt beside the real one, else ``""``."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        siblings = [p.name for p in folder.iterdir() if p.suffix == ".py"] if folder.is_dir() else []
    except OSError:
        return ""
    return _did_you_mean(path.name, siblings, lambda name: str(folder / name))


def _near_entry_point(name: str) -> str:
    """``"; did you mean 'hotelling-pg'?"`` for a misspelt installed entry point, else ``""``."""
    return _did_you_mean(name, [ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)], repr)


def _did_you_mean(word: str, options, shown=str) -> str:
    """``"; did you mean X?"`` with the one option close to ``word`` (as ``shown`` writes it), else ``""``."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return f"; did you mean {shown(close[0])}?" if close else ""


def _entry_point(name: str):
    """The installed entry point of that name; two (a stale install beside a new one) are refused by name."""
    found = [ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
    if len({ep.value for ep in found}) > 1:
        raise BadInputError(f"--claims {name!r}: {len(found)} installed packages register this name ("
                            + ", ".join(f"{ep.value}" + (f" in {ep.dist.name}" if getattr(ep, "dist", None) else "")
                                        for ep in found)
                            + "): uninstall the stale one, so that the paper checked is the one meant")
    return found[0] if found else None


def _raised_where(exc: BaseException) -> str:
    """``file.py, line N`` of the innermost frame of the user's code that raised (not the import machinery)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith("<frozen") and "importlib" not in Path(f.filename).parts]
    return f" ({Path(frames[-1].filename).name}, line {frames[-1].lineno})" if frames else ""


def _paper_from_entry_point(spec: str, ep) -> "Paper":
    """The paper an entry point names: a Paper, a module holding one (or ``claims``), a list of claims, or a
    function returning any of those; anything else, or an error while loading or calling it, is bad input."""
    where = f"entry point {spec!r} ({ep.value})"
    try:
        obj = ep.load()
    except Exception as exc:
        raise BadInputError(f"{where}: {type(exc).__name__}: {exc}".splitlines()[0] + _raised_where(exc)) from exc
    if callable(obj) and not isinstance(obj, (type, Paper, ModuleType)):
        try:
            obj = obj()
        except Exception as exc:  # a factory that fails: one line, with where, not a traceback
            raise BadInputError(f"{where}: calling it raised {type(exc).__name__}: {exc}".splitlines()[0]
                                + _raised_where(exc)) from exc
    if isinstance(obj, Paper):
        return obj
    if isinstance(obj, (list, tuple)) and all(isinstance(c, Claim) for c in obj):
        return Paper(title=spec, claims=tuple(obj))
    if isinstance(obj, ModuleType):
        return _paper_from_module(obj, where)
    raise BadInputError(f"{where} gives {type(obj).__name__} {str(obj)[:60]!r}: an entry point must name a Paper, a "
                        "module holding 'paper' or 'claims', a list of Claims, or a function returning a Paper")


def _import_module(name: str):
    """``name`` imported; a module not installed is looked for in the current directory too (as ``python -m``
    does: ``coordfail verify --claims mypaper`` beside ``mypaper.py``), after everything installed."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        here = os.getcwd()
        if exc.name != name.split(".")[0] or here in sys.path or "" in sys.path:
            raise
        sys.path.append(here)
        return importlib.import_module(name)


def load_paper(spec: str | None = None) -> Paper:
    """The paper named by ``spec`` (a file, a module, or an entry point; ``None``: this toolkit's paper)."""
    if spec is None or spec == DEFAULT_PAPER:
        ep = _entry_point(DEFAULT_PAPER)
        if ep is None:  # running from a source tree that was not installed
            from .rodriguez_clare import paper

            return paper
        spec = DEFAULT_PAPER
    if not isinstance(spec, str) or not spec.strip():
        raise BadInputError("--claims needs a file, a module or an entry-point name")
    path = Path(spec)
    if spec.endswith(".py") or path.is_file():
        if not path.is_file():
            raise BadInputError(f"no such claims file: {spec}{_near_file(path)}")
        return _paper_from_module(_import_file(path), str(path))
    ep = _entry_point(spec)  # an installed name first: a folder of the same name here is its source, say
    if ep is not None:
        return _paper_from_entry_point(spec, ep)
    if path.is_dir() and not (path / "__init__.py").is_file():  # Python would import it as an empty namespace
        files = sorted(p.name for p in path.glob("*.py"))[:5]
        raise BadInputError(f"{spec} is a folder, not a claims file" + (
            f": name one of its files ({', '.join(str(path / f) for f in files)})" if files else " (it holds no .py file)"))
    if not re.fullmatch(r"[A-Za-z_][\w.]*", spec):
        raise BadInputError(f"--claims {spec!r}: not a file, an installed entry point or a module name"
                            f"{_near_entry_point(spec)}")
    try:
        module = _import_module(spec)
    except ModuleNotFoundError as exc:
        if exc.name and spec.startswith(exc.name):
            known = ", ".join(ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)) or "none"
            raise BadInputError(f"--claims {spec!r}: no such file, module or entry point "
                                f"(installed entry points: {known}){_near_entry_point(spec)}") from None
        raise BadInputError(f"{spec}: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:
        raise BadInputError(f"{spec}: {type(exc).__name__}: {exc}".splitlines()[0]) from exc
    return _paper_from_module(module, spec)
