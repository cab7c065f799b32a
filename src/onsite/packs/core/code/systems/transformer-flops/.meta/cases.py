from onsite.judge.cases import case

GPT2_SMALL = dict(vocab_size=50257, d_model=768, n_layers=12, n_ctx=1024)
GPT2_MEDIUM = dict(vocab_size=50257, d_model=1024, n_layers=24, n_ctx=1024)
GPT3 = dict(vocab_size=50257, d_model=12288, n_layers=96, n_ctx=2048)


@case("GPT-2 small and medium parameter counts (exact)")
def gpt2(sub):
    return {"params [small, medium]": [sub.param_count(**GPT2_SMALL), sub.param_count(**GPT2_MEDIUM)]}


@case("the options one at a time on GPT-2 small: untied head, no biases, no learned positions")
def options(sub):
    return {"params [untied, no bias, no positions, all three]": [
        sub.param_count(**GPT2_SMALL, tied_head=False),
        sub.param_count(**GPT2_SMALL, bias=False),
        sub.param_count(**GPT2_SMALL, learned_positions=False),
        sub.param_count(**GPT2_SMALL, tied_head=False, bias=False, learned_positions=False)]}


@case("toy models: the worked example, ratio 2 and ratio 2.5, one layer")
def toy(sub):
    return {"params": [sub.param_count(10, 4, 2, 8, mlp_ratio=2), sub.param_count(7, 8, 1, 3, mlp_ratio=2.5),
                       sub.param_count(7, 8, 1, 3, mlp_ratio=2.5, bias=False, tied_head=False)],
            "flops per token": [sub.forward_flops_per_token(10, 4, 2, 8, mlp_ratio=2),
                                sub.forward_flops_per_token(7, 8, 1, 3, mlp_ratio=2.5)]}


@case("forward FLOPs per token: GPT-2 small, medium and GPT-3 175B")
def flops(sub):
    return {"flops per token [small, medium, gpt3]": [sub.forward_flops_per_token(**GPT2_SMALL),
                                                      sub.forward_flops_per_token(**GPT2_MEDIUM),
                                                      sub.forward_flops_per_token(**GPT3)]}


@case("the attention term grows with the context length", atol=0, rtol=0)
def context(sub):
    return {"flops per token for n_ctx 128 .. 32768": [
        sub.forward_flops_per_token(50257, 768, 12, n) for n in (128, 1024, 8192, 32768)]}


@case("training FLOPs: GPT-3 on 300B tokens, GPT-2 small on 1 token", atol=0, rtol=1e-12)
def training(sub):
    return {"training flops": [sub.training_flops(**GPT3, n_tokens=300e9),
                               sub.training_flops(**GPT2_SMALL, n_tokens=1)]}


@case("GPT-3 175B parameter count")
def gpt3(sub):
    return {"params [tied, untied]": [sub.param_count(**GPT3), sub.param_count(**GPT3, tied_head=False)]}
