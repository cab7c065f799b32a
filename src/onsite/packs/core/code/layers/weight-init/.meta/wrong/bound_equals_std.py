"""Returns the standard deviation as the uniform bound (forgets the sqrt(3))."""
import math

_LINEAR_LIKE = {"linear", "sigmoid", "conv1d", "conv2d", "conv3d",
                "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"}


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    # PyTorch layout: dim 0 is the output, dim 1 the input; the rest is the
    # kernel, and every kernel tap is one more input (and output) connection.
    receptive = math.prod(shape[2:])
    return int(shape[1] * receptive), int(shape[0] * receptive)


def gain(nonlinearity: str, param: float | None = None) -> float:
    if nonlinearity in _LINEAR_LIKE:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3.0
    if nonlinearity == "relu":
        # ReLU keeps half of E[x^2] for a symmetric input: multiply the std by sqrt(2).
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else float(param)
        # The negative half keeps slope^2 of its second moment.
        return math.sqrt(2.0 / (1.0 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4.0
    raise ValueError(f"unsupported nonlinearity {nonlinearity!r}")


def xavier(shape: tuple[int, ...], gain: float = 1.0) -> tuple[float, float]:
    fan_in, fan_out = fans(shape)
    # A compromise between preserving the forward (fan_in) and the backward
    # (fan_out) variance: average the two fans.
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return std, std


def kaiming(
    shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"
) -> tuple[float, float]:
    fan_in, fan_out = fans(shape)
    fan = fan_in if mode == "fan_in" else fan_out
    std = gain(nonlinearity, a) / math.sqrt(fan)
    return std, std
