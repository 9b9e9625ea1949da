"""The analysis worker process outlives a failing article and is started again when it dies."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.ingest import ingest_file, ingest_text
from models.store import open_library
from models.store.analysis_worker import AnalysisWorker, WorkerFailed

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


@pytest.mark.slow
def test_the_worker_survives_a_failing_request_and_is_restarted_after_dying(tmp_path: Path) -> None:
    lib = open_library(str(tmp_path / "lib.sqlite"))
    worker = AnalysisWorker()
    try:
        article_id = lib.import_article(ingest_file(str(SAMPLE))).id
        other_id = lib.import_article(ingest_text("Talks resume\nPutin met Abe in Moscow.", source="clip:x")).id
        with pytest.raises(WorkerFailed, match="no article"):
            worker.analyse_stored(lib.url, article_id + 1000)  # an error inside the worker: reported, not fatal
        first = worker.analyse_stored(lib.url, article_id)
        process = worker._process
        assert process is not None and any(e["name"] == "Shinzo Abe" for e in first["entities"])

        process.kill()  # the worker dies (out of memory, a crash in a native library …)
        process.wait(timeout=10)
        again = worker.analyse_stored(lib.url, other_id)  # started again for the next request
        assert worker._process is not None and worker._process is not process
        assert any(e["name"] == "Moscow" for e in again["entities"])
    finally:
        worker.close()
        lib.close()
