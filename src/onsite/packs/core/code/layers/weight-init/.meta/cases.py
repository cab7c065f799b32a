from onsite.judge.cases import case

SHAPES = [(64, 32), (10, 1), (16, 3, 5, 5), (8, 4, 3), (2, 3, 2, 3, 4), (1, 7, 1, 1)]


@case("fans of linear and 1-D/2-D/3-D convolution weights", atol=0, rtol=0)
def fan_values(sub):
    return {str(s): list(sub.fans(s)) for s in SHAPES}


@case("gains of every named nonlinearity", atol=1e-14, rtol=1e-12)
def gains(sub):
    names = ["linear", "sigmoid", "conv1d", "conv2d", "conv3d", "conv_transpose2d",
             "tanh", "relu", "leaky_relu", "selu"]
    return {name: float(sub.gain(name)) for name in names}


@case("leaky_relu gain: default slope 0.01, and slopes 0, 0.2, 1", atol=1e-14, rtol=1e-12)
def leaky(sub):
    return {"default": float(sub.gain("leaky_relu")),
            **{f"slope {a}": float(sub.gain("leaky_relu", a)) for a in (0.0, 0.2, 1.0)}}


@case("xavier std and bound, gain 1", atol=1e-14, rtol=1e-12)
def xavier_plain(sub):
    return {str(s): [float(v) for v in sub.xavier(s)] for s in SHAPES}


@case("xavier with the tanh gain 5/3", atol=1e-14, rtol=1e-12)
def xavier_tanh(sub):
    return {str(s): [float(v) for v in sub.xavier(s, gain=5.0 / 3.0)] for s in SHAPES}


@case("kaiming for relu, fan_in", atol=1e-14, rtol=1e-12)
def kaiming_relu(sub):
    return {str(s): [float(v) for v in sub.kaiming(s, nonlinearity="relu")] for s in SHAPES}


@case("kaiming for relu, fan_out", atol=1e-14, rtol=1e-12)
def kaiming_fan_out(sub):
    return {str(s): [float(v) for v in sub.kaiming(s, mode="fan_out", nonlinearity="relu")]
            for s in SHAPES}


@case("kaiming defaults (leaky_relu with a = 0) and a = 0.2", atol=1e-14, rtol=1e-12)
def kaiming_leaky(sub):
    out = {}
    for s in SHAPES[:3]:
        out[f"{s} default"] = [float(v) for v in sub.kaiming(s)]
        out[f"{s} a=0.2"] = [float(v) for v in sub.kaiming(s, a=0.2)]
    return out


@case("kaiming for tanh and selu, fan_out", atol=1e-14, rtol=1e-12)
def kaiming_other(sub):
    s = (32, 16, 3, 3)
    return {nl: [float(v) for v in sub.kaiming(s, mode="fan_out", nonlinearity=nl)]
            for nl in ("tanh", "selu", "linear")}
