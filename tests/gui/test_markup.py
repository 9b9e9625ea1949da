"""gui.markup.escape is html.escape, without the html module."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from gui.markup import escape


@given(st.text(), st.booleans())
def test_escape_is_html_escape(text: str, quote: bool) -> None:
    assert escape(text, quote) == html.escape(text, quote)


def test_escape_of_a_publisher_with_markup() -> None:
    assert escape('Smith & Sons <b>"Daily"</b> \'Post\'') == (
        "Smith &amp; Sons &lt;b&gt;&quot;Daily&quot;&lt;/b&gt; &#x27;Post&#x27;"
    )
    assert escape("a < b & 'c'", quote=False) == "a &lt; b &amp; 'c'"
