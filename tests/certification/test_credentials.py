"""Signed credentials: an Open Badges 3.0 credential verifies offline and online, and fails when tampered."""

import json
import subprocess
import sys

from tests.helpers.academy import finish_course, take

ECOM = "ecommerce_after_sales_l1"


def test_signed_credential_verifies_offline_and_fails_when_tampered(client, content, member, app, tmp_path):
    _uid, headers = member()
    finish_course(client, headers, content, app, "customer_service_fundamentals")
    finish_course(client, headers, content, app, "ecommerce_after_sales")
    take(client, headers, app, content["quizzes"][f"exam:{ECOM}"])
    grant_id = client.get("/api/v1/members/me/certifications", headers=headers).json["items"][0]["id"]
    response = client.get(f"/api/v1/members/me/certifications/{grant_id}/credential", headers=headers)
    assert response.status_code == 200
    credential = response.json
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert credential["issuer"]["id"].startswith("did:key:z6Mk")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(credential))
    run = subprocess.run([sys.executable, "-m", "certification.verify", str(good)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.startswith("VALID"), run.stdout + run.stderr
    pinned = subprocess.run([sys.executable, "-m", "certification.verify", str(good), "--trust", "did:key:zOther"],
                            capture_output=True, text=True)
    assert pinned.returncode == 1
    tampered = json.loads(json.dumps(credential))
    tampered["credentialSubject"]["achievement"]["name"] = "Finance callback L2"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tampered))
    run = subprocess.run([sys.executable, "-m", "certification.verify", str(bad)], capture_output=True, text=True)
    assert run.returncode == 1 and "changed" in run.stdout
    online = client.post("/api/v1/credentials/verify", json=credential).json
    assert online["valid"] is True and online["status"] == "active"
    assert client.post("/api/v1/credentials/verify", json=tampered).json["valid"] is False
    assert client.post("/api/v1/credentials/verify", json=[1]).status_code == 422
    _other, other_headers = member()
    assert client.get(f"/api/v1/members/me/certifications/{grant_id}/credential",
                      headers=other_headers).status_code == 404
    assert client.get("/api/v1/credentials/nope/verify").status_code == 404
