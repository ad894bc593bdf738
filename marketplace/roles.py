"""Who may call the marketplace's endpoints, by role."""

MEMBER = ["member"]
# Who may read an organization's campaigns, shifts and contact lists.
ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]
