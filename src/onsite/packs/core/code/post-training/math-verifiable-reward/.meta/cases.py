from onsite.judge.cases import case


@case("extract: nested braces, several boxes, an incomplete last box", atol=0, rtol=0)
def extract_boxes(sub):
    texts = [
        r"Thus \boxed{\frac{1}{2}}.",
        r"First \boxed{3}, then correcting: \boxed{4}",
        r"so x = \boxed{\frac{1}{2}} and then \boxed{3",
        r"\boxed{ \sqrt{x^{2}+1} } is the answer",
        r"\boxed{\left\{1, 2\right\}}",
        r"The box \boxed{} is empty, and 7 is a number",
        r"Answer 12, but the box says \boxed{13} and later 99",
    ]
    return {"answers": [sub.extract_answer(t) for t in texts]}


@case("extract: final-number fallback and no answer at all", atol=0, rtol=0)
def extract_numbers(sub):
    texts = [
        "We get 12 apples, then 1,250 pears.",
        "The total is 1,000,000, which is large",
        "Temperature drops to -5 degrees, then to -12.75.",
        "3/4 of the cake",
        "Version 2.0.1 is out.",
        "no digits here",
        r"only an incomplete \boxed{ box with 8 inside",
        "",
    ]
    return {"answers": [sub.extract_answer(t) for t in texts]}


@case("normalise: numbers to canonical fractions", atol=0, rtol=0)
def normalise_numbers(sub):
    answers = [" $3.50$ ", "3.5", "7/2", r"\frac{7}{2}", "2.0", "-0", "0.000", ".5", "5.", "-0.25",
               r"-\dfrac{4}{6}", r"\tfrac{10}{5}", "007", "1,250", "-12,345.60", "50%", r"12.5\%",
               r"$1,000\%$", "1 000", r"4\!000"]
    return {"normalised": [sub.normalize_answer(a) for a in answers]}


@case("normalise: non-numbers are kept (after cleaning)", atol=0, rtol=0)
def normalise_strings(sub):
    answers = ["x + 1", r"\sqrt{2}", "1,2", "12,34", "(1, 2)", "1/0", r"\frac{1}{0}", "3/-4",
               "1,0000", "abc%%", "", "2^{10}", r"\pi"]
    return {"normalised": [sub.normalize_answer(a) for a in answers]}


@case("reward: correct, wrong, equivalent forms, no format bonus", atol=0, rtol=0)
def reward_plain(sub):
    pairs = [
        (r"The answer is \boxed{0.5}.", "1/2"),
        (r"The answer is \boxed{\frac{2}{4}}.", "0.50"),
        ("So she pays 1,250 dollars.", "1250"),
        ("The answer is 41.", "42"),
        (r"\boxed{1,2}", "12"),
        (r"\boxed{50\%}", "50"),
        (r"First \boxed{42} then \boxed{41}", "42"),
        ("no answer here", "0"),
        (r"\boxed{x+1}", "x + 1"),
        (r"\boxed{0.3333333}", "1/3"),
    ]
    return {"rewards": [sub.math_reward(c, g) for c, g in pairs]}


@case("reward: format bonus only with a complete box", atol=1e-12, rtol=0)
def reward_format(sub):
    pairs = [
        (r"\boxed{7}", "7"),
        (r"\boxed{8}", "7"),
        ("the answer is 7", "7"),
        (r"\boxed{7", "7"),
        (r"\boxed{}", "7"),
    ]
    return {"rewards": [sub.math_reward(c, g, format_weight=0.2) for c, g in pairs],
            "types": [type(sub.math_reward(c, g, 0.2)).__name__ for c, g in pairs]}


@case("reward: a long chain of thought", atol=0, rtol=0)
def reward_long(sub):
    steps = " ".join(f"Step {i}: add {i * 3} to get {i * (i + 1) * 3 // 2}." for i in range(1, 40))
    good = steps + r" Therefore the total is \boxed{2,340}."
    unboxed = steps + " Therefore the total is 2340"
    wrong = steps + r" Therefore \boxed{\frac{4680}{3}}"
    return {"rewards": [sub.math_reward(good, "2340"), sub.math_reward(unboxed, "2340"),
                        sub.math_reward(wrong, "2340")]}
