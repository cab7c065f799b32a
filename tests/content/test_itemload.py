"""The cross-check loader imports an item's reference as a fresh module each time."""

from itemload import item_dir, load_module, reference


def test_reference_loads_the_items_solution():
    module = reference("sampling/top-p")
    assert callable(module.top_p_filter)
    assert module.__file__ == str(item_dir("sampling/top-p") / ".meta/solution.py")


def test_each_load_is_a_fresh_module():
    path = item_dir("sampling/top-p") / ".meta/solution.py"
    assert load_module(path) is not load_module(path)
