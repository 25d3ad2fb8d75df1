"""fold(): the lookup key of a place name."""
import pytest

from warwire.gazetteer.names import fold, is_latin_key


@pytest.mark.parametrize("name, key", [
    ("HOUSTON", "houston"),
    ("Kəlbəcər", "kalbacar"),
    ("Deir ez-Zor", "deir ez zor"),
    ("St. Louis", "st louis"),
    ("Ma'arrat  al-Numan", "maarrat al numan"),
    ("Bakı", "baki"),
])
def test_fold(name, key):
    assert fold(name) == key


def test_is_latin_key():
    assert is_latin_key("houston")
    assert not is_latin_key("хьюстон")
    assert not is_latin_key("123")
