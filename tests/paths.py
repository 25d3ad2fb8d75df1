"""Where the tests find their data: the repository's own golden corpus, and ``../shared`` beside
the clone (as CI lays it out)."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "tests" / "corpus"
SEED = CORPUS / "seed.txt"  # a copy of ../shared/seed/article.txt
