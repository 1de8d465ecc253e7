"""Rendered HTML from pull requests, made safe to publish: no script, no event handler, no
``javascript:`` URL, no raw HTML beyond plain document structure."""

from __future__ import annotations

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    "ol": {"start"},
}


# Built once: a cleaner made per call would rebuild these sets for every page.
_CLEANER = nh3.Cleaner(
    tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer nofollow", filter_style_properties={"text-align"},
    strip_comments=True)


def clean(html: str) -> str:
    return _CLEANER.clean(html)
