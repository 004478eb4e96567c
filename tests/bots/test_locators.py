from pathlib import Path

import pytest

from orynda.errors import ConfigError
from orynda.site.locators import SELECTORS_DIR, load_locators


def test_every_selector_file_loads_and_names_its_site() -> None:
    files = sorted(SELECTORS_DIR.glob("*.yaml"))
    assert files, "selectors/ has no files"
    for path in files:
        locators = load_locators(path.stem)
        assert locators.data.site == path.stem
        assert all(locators.candidates(page, el) for page in locators.pages() for el in locators.elements(page))


def test_no_python_package_in_selectors() -> None:
    assert not (SELECTORS_DIR / "__init__.py").exists()


def test_candidates_in_order_and_vocabulary() -> None:
    register = load_locators("debtor_register")
    assert register.candidates("search", "iin_input")[0] == "#iin"
    assert register.word("Иә") == "yes" and register.word(" да ") == "yes" and register.word("Жоқ") == "no"
    assert register.word("Алименты") == "alimony" and register.word("unknown") is None


def test_unknown_element_names_the_file() -> None:
    with pytest.raises(KeyError, match=r"debtor_register\.yaml.*no element 'nope'"):
        load_locators("debtor_register").candidates("search", "nope")


def test_bad_selector_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("site: broken\npages:\n  search:\n    path: [not, a, string]\n")
    with pytest.raises(ConfigError, match=r"broken\.yaml:4: pages\.search\.path"):
        load_locators("broken", tmp_path)
