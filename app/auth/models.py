"""Users, organizations (enterprises), memberships, platform roles and refresh tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import UTCDateTime, one_of
from app.extensions import db
from app.timeutil import utcnow

# Roles held platform-wide, and roles held inside one organization.
PLATFORM_ROLES = ("member", "trainer", "auditor", "admin")
ORG_ROLES = ("enterprise_admin", "enterprise_supervisor")
ALL_ROLES = PLATFORM_ROLES + ORG_ROLES



class User(db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(8))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_active: Mapped[bool] = mapped_column(default=True)
    # Written into every access token; raised on a password change or a suspension, which ends
    # every access token issued before (refresh tokens are revoked at the same time).
    token_version: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A member made by the telephony simulator (never a person): kept out of lists of real people.
    is_simulated: Mapped[bool] = mapped_column(default=False, server_default=false())

    role_grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user", cascade="all, delete-orphan", foreign_keys="RoleGrant.user_id",
        lazy="selectin",
    )
    membership: Mapped[OrgMembership | None] = relationship(back_populates="user", lazy="joined")

    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lowercase"),)

    @property
    def role_names(self) -> set[str]:
        roles = {grant.role for grant in self.role_grants}
        if self.membership is not None:
            roles.add(self.membership.role)
        return roles

    @property
    def sorted_roles(self) -> list[str]:
        return sorted(self.role_names)

    @property
    def org_id(self) -> int | None:
        return self.membership.org_id if self.membership else None

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_names.intersection(roles))

    @property
    def primary_role(self) -> str:
        """The role whose home page the user lands on."""
        for role in ("admin", "enterprise_admin", "enterprise_supervisor", "trainer", "auditor", "member"):
            if role in self.role_names:
                return role
        return "member"

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class Organization(db.Model):
    """An enterprise that buys capacity. Everything it owns carries its ``org_id``."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    memberships: Mapped[list[OrgMembership]] = relationship(back_populates="org")


class OrgMembership(db.Model):
    """A user's place in an organization. A user belongs to at most one organization."""

    __tablename__ = "org_memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    org: Mapped[Organization] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="membership")

    __table_args__ = (CheckConstraint(one_of("role", ORG_ROLES), name="role_known"),)


class RoleGrant(db.Model):
    """A platform-wide role (member, trainer, auditor, admin) held by a user."""

    __tablename__ = "role_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(back_populates="role_grants", foreign_keys=[user_id])

    __table_args__ = (
        UniqueConstraint("user_id", "role"),
        CheckConstraint(one_of("role", PLATFORM_ROLES), name="role_known"),
    )


class RefreshToken(db.Model):
    """A refresh token, stored as its SHA-256. Each refresh spends one and issues the next in
    the same family; presenting a spent one revokes the whole family (token theft)."""

    __tablename__ = "refresh_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    family_id: Mapped[str] = mapped_column(String(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_refresh_tokens_family_id", "family_id"),
        Index("ix_refresh_tokens_user_id", "user_id"),
    )
