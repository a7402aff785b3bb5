"""Opening an up-to-date database does not import Alembic; the file headers agree with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from kiosk.data import migrate
from kiosk.data.db import Database

ROOT = Path(__file__).resolve().parents[2]


def test_revisions_read_from_headers_agree_with_alembic() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in script.walk_revisions()}


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    Database.open(url).close()  # creates and migrates (Alembic runs here)
    code = (
        "import sys\n"
        "from kiosk.data.db import Database\n"
        f"db = Database.open({url!r})\n"
        "assert db.current_revision() is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "[]"


def test_a_database_without_a_version_table_has_no_revision(database_url: str) -> None:
    with Database.open(database_url) as db, db.engine.begin() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        conn.exec_driver_sql("DROP TABLE alembic_version")
        assert migrate.current_revision(conn) is None
