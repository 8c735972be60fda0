# The Markdown of pages: shortcodes, links, anchors.
markdown-no-shortcode = there is no shortcode `{ $name }`
markdown-shortcode-hint = write it like {"{{"} chart(indicator="ID", kind="trend") {"}}"}
markdown-broken-anchor = the link `{ $link }` points to an anchor that page does not have
markdown-unsafe-link = the link `{ $link }` would run code in the reader's browser; it was removed
markdown-unsafe-link-hint = link to a web page (https://…), an email (mailto:…) or a page of the site (@/…)
