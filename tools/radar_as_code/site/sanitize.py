"""Rendered HTML from pull requests, made safe to publish: no script, no event handler, no
``javascript:`` URL, no raw HTML beyond plain document structure. The allow-list is
`core/htmlpolicy.py`'s, shared with imports and the ``raw-html`` rule."""

from __future__ import annotations

import nh3

from radar_as_code.core import htmlpolicy

# Built once: a cleaner made per call would rebuild these sets for every page.
_CLEANER = nh3.Cleaner(
    tags=set(htmlpolicy.TAGS), attributes={k: set(v) for k, v in htmlpolicy.ATTRIBUTES.items()},
    url_schemes=set(htmlpolicy.URL_SCHEMES),
    link_rel="noopener noreferrer nofollow", filter_style_properties={"text-align"},
    strip_comments=True)


def clean(html: str) -> str:
    return _CLEANER.clean(html)
