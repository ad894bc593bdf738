"""The campaign wizard's form and the API's campaign body (``CampaignIn``), both ways.

Money is typed in major units ("3.50") and becomes integer minor units through ``Money.parse``,
exactly or not at all. Dates and the volume forecast are typed in the campaign's time zone; ratios
as percentages. What cannot be read, and what ``CampaignIn`` refuses, comes back as translated
messages keyed by the form's field names, so each shows next to its field.
"""

from marketplace.campaigns.form.fields import MONEY_FIELDS, FormInvalid
from marketplace.campaigns.form.messages import field_errors, step_of, summary, translate
from marketplace.campaigns.form.reading import to_campaign
from marketplace.campaigns.form.values import defaults, values_from, values_of

__all__ = ["MONEY_FIELDS", "FormInvalid", "defaults", "field_errors", "step_of", "summary", "to_campaign", "translate",
           "values_from", "values_of"]
