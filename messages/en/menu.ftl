# `[[menu]]` in site-config.toml: the header's links.
# `{ $number }` counts the entries from 1, in the order written.
menu-no-name = menu entry { $number } has no `name`
menu-no-name-hint = give it the words the header shows, like name = "Tin tức" or name = { "{" } vi = "Tin tức", en = "News" { "}" }
# `{ $name }` is the entry's name in the site's default language (or its number).
menu-no-url = menu entry `{ $name }` has no `url`
menu-no-url-hint = write a page of the site as url = "@/tin-tuc/_index.md", a path such as "/tin-tuc/", or a web address
menu-url-relative = the `url` of menu entry `{ $name }`, `{ $url }`, is neither a page of the site nor a web address
menu-url-relative-hint = write a page as "@/" and its file inside content/ (like "@/tin-tuc/_index.md"), a path from the site's root starting with "/", or an address starting with "https://"
# `{ $problem }` says what is wrong with the link, as for links in pages.
menu-broken-link = menu entry `{ $name }` links to a page that does not exist: { $problem }
