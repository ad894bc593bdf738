"""Every Jinja template of the project, checked for faults that only show on some pages."""

from pathlib import Path

import pytest
from jinja2 import nodes

ROOT = Path(__file__).resolve().parent.parent


def _templates():
    for path in sorted(ROOT.glob("*/**/templates/**/*.html")):
        if ".venv" not in path.parts and "node_modules" not in path.parts:
            yield path


def _names_bound(tree) -> set[str]:
    """Every name a template assigns: ``set``, ``for`` targets, ``with``, macro and call arguments."""
    bound = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    for macro in tree.find_all((nodes.Macro, nodes.CallBlock)):
        bound.update(arg.name for arg in macro.args)
    return bound


def test_templates_are_found():
    assert len(list(_templates())) > 20


@pytest.mark.parametrize("path", list(_templates()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_rebinds_the_translation_function(app, path):
    """``{% set _ = … %}`` or ``{% for _ in … %}`` shadows gettext for the rest of the template:
    the next ``_('…')`` calls whatever was bound (a 500 on the page, often only on its second page)."""
    tree = app.jinja_env.parse(path.read_text(encoding="utf-8"))
    shadowed = _names_bound(tree) & {"_", "gettext", "ngettext", "pgettext"}
    assert not shadowed, f"{path.relative_to(ROOT)} binds {sorted(shadowed)}; use another name"


def test_the_ledger_console_pages_past_its_first_page(app, client, create_user, user_email, monkeypatch):
    """The "older entries" link of a log longer than a page (it once rebound ``_``: a 500)."""
    import ledger.views
    from tests.helpers.web import sign_in

    real = ledger.views.paginate

    def one_more_page(*args, **kwargs):
        page = real(*args, **kwargs)
        return {**page, "next_cursor": page.get("next_cursor") or "1"}

    monkeypatch.setattr(ledger.views, "paginate", one_more_page)
    sign_in(client, user_email(create_user("auditor")))
    response = client.get("/ledger/?kind=role_granted")
    assert response.status_code == 200
    assert "cursor=1" in response.get_data(as_text=True) and "Older entries" in response.get_data(as_text=True)
