# Runs the paper's own generator (facebookresearch/SymbolicMathematics, CC BY-NC 4.0) as a measuring instrument.
# This script is SymSeq's; the paper's code is not in this repository and must be fetched (see README.md).
# Its output is for measuring only: never train on it, never commit it.
#
# Usage: python3 gen.py PAPER_REPO TASK COUNT SEED OUT
#   PAPER_REPO  a checkout of facebookresearch/SymbolicMathematics (commit 4596d070e1a9a1c2239c923d7d68fda577c8c007)
#   TASK        prim_bwd | prim_fwd | prim_ibp | ode1 | ode2
#   OUT         appended to, one "1|input<TAB>output" prefix line per example (the paper's own format)
# Settings: the paper's defaults for its released data (README of the repository): max_ops 15, max_int 5, positive
# integers, max_len 512, the full operator list, leaf probabilities 0.75,0,0.25,0; 2 variables for ODE1 and 3 for ODE2.
import sys, argparse, time, os, signal
here = os.path.dirname(os.path.abspath(__file__))
paper, task, count, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
sys.path.insert(0, os.path.join(here, 'stubs'))   # torch: imported by the package, never used to generate
sys.path.insert(0, paper)
import numpy as np
from src.envs.char_sp import CharSPEnvironment

p = argparse.ArgumentParser()
CharSPEnvironment.register_args(p)
p.add_argument('--max_len', type=int, default=512)
nvar = {'ode1': 2, 'ode2': 3}.get(task, 1)
params = p.parse_args(['--max_ops', '15', '--max_int', '5', '--positive', 'true', '--max_len', '512',
    '--n_variables', str(nvar), '--n_coefficients', '0', '--leaf_probs', '0.75,0,0.25,0',
    '--operators', 'add:10,sub:3,mul:10,div:5,sqrt:4,pow2:4,pow3:2,pow4:1,pow5:1,ln:4,exp:4,sin:4,cos:4,tan:4,'
                   'asin:1,acos:1,atan:1,sinh:1,cosh:1,tanh:1,asinh:1,acosh:1,atanh:1'])
env = CharSPEnvironment(params)
rng = np.random.RandomState(seed)
gen = {
    'prim_bwd': lambda: env.gen_prim_bwd(rng, predict_primitive=True),   # input Y' - f, output F: integration
    'prim_fwd': lambda: env.gen_prim_fwd(rng),
    'prim_ibp': lambda: env.gen_prim_ibp(rng),
    'ode1': lambda: env.gen_ode1(rng),
    'ode2': lambda: env.gen_ode2(rng),
}[task]
n, tries, t0 = 0, 0, time.time()
with open(out, 'a') as f:
    while n < count:
        tries += 1
        try:
            r = gen()
            signal.alarm(0)   # the paper's timeout decorator re-arms its alarm after firing
            if r is None:
                continue
            x, y = r
        except BaseException as e:
            if isinstance(e, KeyboardInterrupt):
                raise
            signal.alarm(0)
            continue
        f.write(f"1|{' '.join(x)}\t{' '.join(y)}\n")
        f.flush()
        n += 1
        if n % 20 == 0:
            print(f"{task} {n}/{count} tries {tries} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
