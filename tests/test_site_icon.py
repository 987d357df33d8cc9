"""A reader's browser tab shows the site's icon: the page links it, and /favicon.ico (where
browsers look without a link) answers with it instead of a 404."""

from __future__ import annotations

import re
from typing import Any


def test_every_page_links_an_icon_that_is_served(client: Any) -> None:
    page = client.get("/").get_data(as_text=True)
    linked = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert linked, "the page links no icon"
    for path in (linked.group(1), "/favicon.ico"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "image/vnd.microsoft.icon"
        assert response.data[:4] == b"\x00\x00\x01\x00", f"{path} is not an ICO file"
