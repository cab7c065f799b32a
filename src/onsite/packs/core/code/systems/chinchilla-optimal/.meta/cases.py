from onsite.judge.cases import case

BUDGETS = [1e18, 1e21, 5.76e23, 1e25, 3.8e25]


@case("20 tokens per parameter over budgets from 1e18 to 3.8e25 FLOPs", atol=0, rtol=1e-12)
def rule(sub):
    pairs = [sub.compute_optimal(c) for c in BUDGETS]
    return {"N": [p[0] for p in pairs], "D": [p[1] for p in pairs]}


@case("other tokens-per-parameter ratios (Kaplan-like 1.7, LLaMA-like 100)", atol=0, rtol=1e-12)
def ratios(sub):
    pairs = [sub.compute_optimal(1e23, r) for r in (1.7, 20.0, 100.0)]
    return {"N": [p[0] for p in pairs], "D": [p[1] for p in pairs]}


@case("fitted loss: Chinchilla, Gopher, GPT-3, a 1B model on 20B tokens", atol=1e-12, rtol=1e-10)
def loss(sub):
    runs = [(70e9, 1.4e12), (280e9, 300e9), (175e9, 300e9), (1e9, 2e10)]
    return {"loss": [sub.chinchilla_loss(n, d) for n, d in runs]}


@case("fitted loss with other constants", atol=1e-12, rtol=1e-10)
def loss_constants(sub):
    return {"loss": [sub.chinchilla_loss(1e8, 1e10, e=2.0, a=500.0, b=300.0, alpha=0.3, beta=0.3),
                     sub.chinchilla_loss(5e9, 1e11, e=0.0, a=1.0, b=1.0, alpha=0.5, beta=0.25)]}


@case("closed-form optimum of the fit across budgets", atol=0, rtol=1e-10)
def optimum(sub):
    pairs = [sub.fit_optimal(c) for c in BUDGETS]
    return {"N": [p[0] for p in pairs], "D": [p[1] for p in pairs]}


@case("closed-form optimum with the exponents swapped, and with equal ones", atol=0, rtol=1e-10)
def optimum_constants(sub):
    pairs = [sub.fit_optimal(1e22, a=406.4, b=410.7, alpha=0.28, beta=0.34),
             sub.fit_optimal(1e22, a=300.0, b=300.0, alpha=0.3, beta=0.3)]
    return {"N": [p[0] for p in pairs], "D": [p[1] for p in pairs]}
