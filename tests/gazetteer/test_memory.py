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


HASAKAH = PlaceCandidate("Al Hasakah", "SYR", "Hasakah", None, 36.5, 40.75, 1, "city", 420_000)
HASAK_VILLAGE = PlaceCandidate("Hasakeh", "SYR", "Hama", None, 35.0, 36.8, 2, "city", 600)
HUSTON = PlaceCandidate("Huston", "USA", "Idaho", None, 43.6, -116.7, 3, "city", 600)


def test_loose_fallback_only_when_no_exact_spelling():
    g = MemoryGazetteer([(HASAKAH, ["Hasakah"]), (HASAK_VILLAGE, []), (HUSTON, [])])
    assert g.lookup("Hassakeh") == [HASAK_VILLAGE]      # loose: "hasakeh"
    assert g.lookup("Hasakeh") == [HASAK_VILLAGE]       # exact wins, no loose added
    assert g.lookup("al-Hasakah") == [HASAKAH]          # article forms fold exactly
    assert g.lookup("Hassakah") == [HASAKAH]            # loose, through the dropped article
    assert g.lookup("Houston") == []                    # US places get no loose key
