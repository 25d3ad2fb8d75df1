"""The pipeline checks its chain when built and runs stages in order."""
import pytest

from warwire.errors import ConfigError
from warwire.model import Analysis, Article
from warwire.pipeline import Pipeline, Resources, Stage
from warwire.settings import load_settings


def _stage(name, reads, writes, value=None):
    return Stage(name, reads, writes, run=lambda a, r: {w: value if value is not None else [name] for w in writes})


def test_chain_is_checked_when_built():
    with pytest.raises(ConfigError, match="reads"):
        Pipeline([_stage("b", ("casualties",), ("events",))], Resources(load_settings()))


def test_unknown_field_is_rejected():
    with pytest.raises(ConfigError, match="unknown"):
        Pipeline([_stage("a", ("article",), ("nonsense",))], Resources(load_settings()))


def test_stages_run_in_order_and_set_fields():
    p = Pipeline([_stage("a", ("article",), ("casualties",)), _stage("b", ("casualties",), ("events",))],
                 Resources(load_settings()))
    out = p.run(Analysis(article=Article("x", "text")))
    assert out.casualties == ["a"] and out.events == ["b"]


def test_undeclared_write_is_an_error():
    bad = Stage("bad", ("article",), ("dates",), run=lambda a, r: {"dates": [], "places": []})
    with pytest.raises(ConfigError, match="undeclared"):
        Pipeline([bad], Resources(load_settings())).run(Analysis(article=Article("x", "t")))


def test_default_pipeline_chain_is_valid():
    from warwire.stages import default_stages

    names = [s.name for s in Pipeline(default_stages(), Resources(load_settings())).stages]
    assert names[0] == "parse" and names[-1] == "assemble"
