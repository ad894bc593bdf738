"""The live wallboard in a real browser while a simulated peak runs in-process: its figures and
agents list change without a reload (server-sent events)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select
from werkzeug.serving import make_server

from app.extensions import db
from tests.helpers.web import open_page, sign_in_page
from tests.telephony.flow.conftest import SPEED


def wait_until(probe, timeout: float) -> bool:
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        if probe():
            return True
        time.sleep(0.2)
    return probe()


def shown_number(page, test_id: str) -> int:
    text = page.get_by_test_id(test_id).inner_text().strip()
    return int(text) if text.isdigit() else -1


def test_the_wallboard_follows_a_simulated_run(flow, carrier, browser, tmp_path):
    from app.auth.models import User
    from telephony.campaigns import Campaign

    campaign_id, _number, _boss = flow.campaign()
    with flow.app.app_context():
        campaign = db.session.get(Campaign, campaign_id)
        email = db.session.scalar(select(User.email).where(User.id == campaign.created_by_id))
        db.session.remove()
    flow.app.config.update(WALLBOARD_STREAM_SECONDS=5)
    server = make_server("127.0.0.1", 0, flow.app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    base = f"http://127.0.0.1:{server.server_port}"
    page = open_page(browser)
    try:
        sign_in_page(page, base, email)
        page.goto(f"{base}/telephony/wallboard?campaign={campaign_id}")
        offered = page.get_by_test_id("wb-offered")
        assert offered.inner_text() == "0"
        assert wait_until(lambda: len(page.locator("[data-conn]").inner_text().strip()) > 1, 10)
        result = {}

        def simulate():
            result["run"] = flow.app.test_cli_runner().invoke(args=[
                "telephony", "simulate", "--campaign", str(campaign_id), "--calls", "12", "--rate", "1.5",
                "--agents", "4", "--patience", "300", "--speed", str(SPEED), "--seed", "7"])

        running = threading.Thread(target=simulate, daemon=True)
        running.start()
        # while the run goes on, the page's figures move by themselves
        assert wait_until(lambda: shown_number(page, "wb-offered") > 0, 30)
        seen_during_run = running.is_alive()
        assert wait_until(lambda: page.locator("[data-testid=wb-agents-list] tr").count() > 0, 30)
        running.join(timeout=120)
        assert result["run"].exit_code == 0, result["run"].output
        assert wait_until(lambda: shown_number(page, "wb-offered") == 12, 15)
        assert int(page.get_by_test_id("wb-answered").inner_text()) >= 1
        assert page.locator("[data-testid=wb-interactions] li").count() >= 1
        assert page.locator("[data-chart] rect").count() > 0
        assert seen_during_run, "the figures moved only after the run had ended"
        page.screenshot(path=str(tmp_path / "wallboard.png"), full_page=True)
    finally:
        page.context.close()
        server.shutdown()
        time.sleep(0.1)
