import numpy as np

from onsite.judge.cases import case


def cubic(x):
    return float(np.sum(x ** 3))


def softmax_ce(target):
    def f(z):
        m = z.max()
        return float(m + np.log(np.exp(z - m).sum()) - z[target])
    return f


def matrix_fn(A, B):
    def f(W):
        return float(np.sum(np.tanh(A @ W) * B))
    return f


# With eps = 1e-3 the estimate differs from the exact gradient by O(eps^2) = 1e-6, and a
# one-sided difference by O(eps) = 1e-3; how the +/- eps points are formed changes the
# result by about 1e-16 / 1e-3 = 1e-13. So atol 1e-9 separates them cleanly.


@case("cubic, eps 1e-3 (the prompt's example)", atol=1e-9, rtol=1e-9)
def cubic_example(sub):
    x = np.array([1.0, 2.0, -0.5, 3.0])
    return {"grad": sub.numerical_gradient(cubic, x.copy(), eps=1e-3)}


@case("softmax cross-entropy w.r.t. the logits, eps 1e-3", atol=1e-9, rtol=1e-9)
def softmax(sub):
    z = np.random.default_rng(0).standard_normal(6) * 2
    return {"grad": sub.numerical_gradient(softmax_ce(2), z, eps=1e-3)}


@case("a (3, 4) matrix argument, C order", atol=1e-9, rtol=1e-9)
def matrix(sub):
    g = np.random.default_rng(1)
    A, B, W = g.standard_normal((5, 3)), g.standard_normal((5, 4)), g.standard_normal((3, 4))
    return {"grad": sub.numerical_gradient(matrix_fn(A, B), W, eps=1e-3)}


@case("a 0-d argument", atol=1e-9, rtol=1e-9)
def scalar(sub):
    return {"grad": sub.numerical_gradient(lambda t: float(np.sin(3 * t) * np.exp(t)), np.array(0.7), 1e-3)}


@case("x holds its original values afterwards", atol=0.0, rtol=0.0)
def restored(sub):
    x = np.random.default_rng(2).standard_normal((2, 3))
    before = x.copy()
    sub.numerical_gradient(lambda v: float(np.sum(np.cos(v) * v)), x, eps=1e-2)
    return {"x_after": x, "unchanged": bool(np.array_equal(x, before))}


@case("each evaluation perturbs one entry by exactly +/- eps", atol=1e-12, rtol=1e-12)
def one_entry(sub):
    # f records the largest deviation from the base point at each call.
    base = np.array([0.3, -1.2, 2.0])
    seen = []

    def f(v):
        seen.append(float(np.abs(v - base).max()))
        return float(np.sum(v ** 2))

    grad = sub.numerical_gradient(f, base.copy(), eps=0.25)
    return {"grad": grad, "max_deviation": max(seen)}


@case("relative error: values, zeros and sign flips", atol=1e-14, rtol=1e-12)
def rel_error(sub):
    a = np.array([3.0, 12.0, 0.0, -1.0, 1e-3])
    b = np.array([3.000001, 12.000001, 0.0, -1.0, 2e-3])
    return {
        "example": sub.relative_error(np.array([3.0, 12.0]), np.array([3.000001, 12.000001])),
        "mixed": sub.relative_error(a, b),
        "both_zero": sub.relative_error(np.zeros(3), np.zeros(3)),
        "sign_flip": sub.relative_error(np.array([[1.0, 2.0]]), np.array([[1.0, -2.0]])),
        "tiny": sub.relative_error(np.array([1e-14]), np.array([0.0])),
    }


@case("gradient_check passes a right gradient and catches wrong ones", atol=1e-10, rtol=1e-8)
def check(sub):
    g = np.random.default_rng(3)
    A = g.standard_normal((4, 4))
    A = A + A.T
    x = g.standard_normal(4)

    def quad(v):
        return float(0.5 * v @ A @ v + np.sin(v).sum())

    ok_right, _ = sub.gradient_check(quad, lambda v: A @ v + np.cos(v), x.copy())
    ok_half, err_half = sub.gradient_check(quad, lambda v: 0.5 * A @ v + np.cos(v), x.copy())
    ok_sign, err_sign = sub.gradient_check(quad, lambda v: A @ v - np.cos(v), x.copy())
    return {"right_passes": bool(ok_right), "half_passes": bool(ok_half), "half_err": float(err_half),
            "sign_passes": bool(ok_sign), "sign_err": float(err_sign)}
