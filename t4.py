from sympy import *
from symbolic import prove, exists
x,y = symbols('x y', real=True)
w = Symbol('w', extended_positive=True)
v = Symbol('v', extended_real=True)
zi = Symbol('zi', imaginary=True)
c = Symbol('c', complex=True)
inf = Symbol('inf', infinite=True)
def show(label, r):
    print(f"{label:60s} {r.status.name:10s} {r.counterexample or r.witness} | {(r.reason or '')[:120]}", flush=True)
tests = [
 ("prove x>0 | x>=0, x**pi<=0 (vacuity alt)", lambda: prove(x>0, [x>=0, x**pi <= 0])),
 ("exists x**(pi/2) < 1/10**6, x>=0 no", lambda: exists(Eq(x**(pi/2) * (x+1), 0))),
 ("prove x**pi != 0 | x >= 0 , x<1", lambda: prove(Ne(x**pi, 0), [x>=0, x<1])),
 ("exists Eq(Max(x,0)**pi, 0)", lambda: exists(Eq(Max(x,0)**pi, 0))),
 ("prove Max(x,0)**pi > 0", lambda: prove(Max(x,0)**pi > 0)),
 ("prove (x**2)**pi > 0", lambda: prove((x**2)**pi > 0)),
 ("exists (x**2)**pi <= 0", lambda: exists((x**2)**pi <= 0)),
 ("prove 1/w > 0", lambda: prove(1/w > 0)),
 ("prove zi**2<0", lambda: prove(zi**2 < 0)),
 ("prove c**2>=0", lambda: prove(c**2 >= 0)),
 ("prove inf>0 or inf<0", lambda: prove(Or(inf>0, inf<0))),
 ("prove Gt(exp(v),0) extended", lambda: prove(Gt(exp(v),0,evaluate=False))),
 ("exists x**(1/pi) = 0 ", lambda: exists(Eq(x**(1/pi), 0))),
]
for lab,f in tests:
    try: show(lab, f())
    except Exception as e: print(f"{lab:60s} CRASH {type(e).__name__}: {e}")
