"""``flask academy load-content`` is idempotent; the demo progress goes through the real services."""

from academy.models import Course
from app.extensions import db
from tests.helpers.academy import FIXTURES


def test_load_content_is_idempotent_and_versions_changes(app, runner, tmp_path):
    import json
    import shutil

    folder = tmp_path / "content"
    shutil.copytree(FIXTURES, folder)
    app.config["ACADEMY_CONTENT_DIR"] = str(folder)
    try:
        first = runner.invoke(args=["academy", "load-content"])
        assert first.exit_code == 0 and first.output.count("published a new version") == 2
        second = runner.invoke(args=["academy", "load-content"])
        assert second.output.count("unchanged") == 2
        path = folder / "courses" / "ecommerce_after_sales.json"
        doc = json.loads(path.read_text())
        doc["questions"][0]["prompt"]["en"] = "How many days may a customer return an item without a reason?"
        path.write_text(json.dumps(doc))
        third = runner.invoke(args=["academy", "load-content"])
        assert "ecommerce_after_sales: published a new version" in third.output
        with app.app_context():
            versions = {c.version: c.status for c in db.session.query(Course).filter_by(key="ecommerce_after_sales")}
        assert versions == {1: "archived", 2: "published"}
        doc["questions"][0]["answer"] = "zz"
        path.write_text(json.dumps(doc))
        broken = runner.invoke(args=["academy", "load-content"])
        assert broken.exit_code != 0 and "questions.0.answer" in broken.output
        certs = runner.invoke(args=["certification", "load"])
        assert certs.exit_code == 0 and "ecommerce_after_sales_l1" in certs.output
    finally:
        app.config["ACADEMY_CONTENT_DIR"] = None


def test_demo_progress_gives_members_different_levels_and_tiers(app, runner, create_user):
    from app.cli import DEMO_PASSWORD  # noqa: F401 - the demo accounts come from seed-demo

    app.config["ACADEMY_CONTENT_DIR"] = str(FIXTURES)
    try:
        assert runner.invoke(args=["seed-demo"]).exit_code == 0
        create_user("trainer", email="trainer2@example.test")
        assert runner.invoke(args=["academy", "load-content"]).exit_code == 0
        assert runner.invoke(args=["certification", "load"]).exit_code == 0
        academy = runner.invoke(args=["academy", "seed-demo-progress"])
        assert academy.exit_code == 0, academy.output
        lines = dict(line.split(": ", 1) for line in academy.output.strip().splitlines())
        assert "9-day streak" in lines["mei@members.demo"] and "3-day streak" in lines["raj@members.demo"]
        assert lines["mei@members.demo"] != lines["sofia@members.demo"]
        again = runner.invoke(args=["academy", "seed-demo-progress"])
        assert again.output == academy.output  # idempotent
        certs = runner.invoke(args=["certification", "seed-demo-progress"])
        assert certs.exit_code == 0, certs.output
        tiers = dict(line.split(": ", 1) for line in certs.output.strip().splitlines())
        assert "2 certifications" in tiers["mei@members.demo"]  # the practical was graded, the profile fits
        assert tiers["mei@members.demo"].split(" (")[0] != tiers["sofia@members.demo"].split(" (")[0]
    finally:
        app.config["ACADEMY_CONTENT_DIR"] = None
