"""Reading a colleague's reviewed .docx back into the briefing (Qt-free).

``read_review(doc, path)`` matches the file to the briefing and lists what it
proposes (:class:`~briefing.review.items.ReviewItem`); :mod:`briefing.review.apply`
turns an accepted item into one document operation; :mod:`briefing.review.state`
keeps what was decided in the briefing.
"""

from briefing.review.items import Review, ReviewItem
from briefing.review.reader import read_review

__all__ = ["Review", "ReviewItem", "read_review"]
