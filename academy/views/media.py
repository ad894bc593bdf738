"""The media library page (trainers upload, copy the snippet a lesson embeds) and the files' own URLs."""

from __future__ import annotations

import os

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from academy.media import media_folder, store
from academy.models import MediaFile
from academy.views.blueprint import STAFF
from app.auth.guards import current_user, page_login_required
from app.database import commit, rollback
from app.errors import AppError, NotFound
from app.extensions import db

# Named after the package, so that the templates are the package's own.
bp = Blueprint("academy_media", "academy", url_prefix="/academy", template_folder="templates")


def media_url(media) -> str:
    return url_for("academy_media.serve", digest=media.sha256)


@bp.route("/manage/media", methods=["GET", "POST"])
@page_login_required(STAFF)
def library():
    """Upload an image or an audio sample and copy the snippet that embeds it in a lesson."""
    if request.method == "POST":
        upload = request.files.get("file")
        try:
            store(upload.read() if upload else b"", upload.filename if upload else "", current_user().id)
            commit()
            flash(_("Uploaded. Paste the snippet into a lesson."), "success")
        except AppError as exc:
            rollback()
            flash(next(iter(exc.fields.values()), exc.message), "error")
        return redirect(url_for("academy_media.library"))
    files = db.session.scalars(select(MediaFile).order_by(MediaFile.id.desc()).limit(100)).all()
    return render_template("academy/media.html", files=files, media_url=media_url)


@bp.get("/media/<digest>")
@page_login_required()
def serve(digest: str):
    media = db.session.scalar(select(MediaFile).where(MediaFile.sha256 == digest))
    if media is None:
        raise NotFound()
    response = send_file(os.path.join(media_folder(), media.sha256), mimetype=media.content_type,
                         max_age=86400, conditional=True)
    response.headers["Content-Disposition"] = "inline"
    return response
