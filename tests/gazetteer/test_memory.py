"""MemoryGazetteer: the tiny injectable gazetteer."""
from warwire.gazetteer import Gazetteer
from warwire.gazetteer.memory import MemoryGazetteer
from warwire.model import PlaceCandidate

AZE = PlaceCandidate("Azerbaijan", "AZE", None, None, None, None, 587116, "country", 10_000_000)
KAL = PlaceCandidate("Kalbajar", "AZE", "Kalbajar", None, 40.10, 46.04, 147622, "city", 8400)
TX = PlaceCandidate("Texas", "USA", "Texas", None, 31.0, -97.6, None, "admin1", 22_000_000)


def test_lookup_alternate_names_and_case():
    g = MemoryGazetteer([(AZE, []), (KAL, ["Kelbajar", "Kəlbəcər"]), (TX, [])])
    assert isinstance(g, Gazetteer)
    assert g.lookup("KELBAJAR") == [KAL]
    assert g.lookup("kalbacar") == [KAL]
    assert g.lookup("Nowhere") == []
    assert g.country("AZE") == AZE
    assert g.admin1_of("USA", "texas") == TX
    assert g.admin1_of("USA", "Ohio") is None
