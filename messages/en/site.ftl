# Linking the pages into a site: sections, addresses, aliases, `@/` links and #anchors.
# `{ $value }` is written as in the page, with its quotes.
site-section-kind = `{ $value }` is not a kind of section
site-section-kind-hint = write one of: { $kinds }
site-empty-slug = no web address can be made from the name `{ $name }`
site-empty-slug-hint = give the page a `slug` with letters or digits, like slug = "gioi-thieu"
site-url-collision = two pages would be published at the same address { $path }
site-url-collision-hint = give one of them a different file name, or set `slug = "…"` in its front matter
site-other-page = the other page is { $file }
# Where a page made for a folder comes from, in place of a file name.
site-folder-without-index = content/{ $dir }/ (a folder without _index.md)
site-alias-outside = `{ $alias }` is not an address inside the site
site-alias-outside-hint = write the old address as a path, like "/tin-cu/bai-viet/"
site-alias-taken = the alias { $alias } is already the address of { $other }
site-alias-taken-hint = remove the alias or move the other page
site-link-scheduled = `@/{ $page }` is dated after today, so it is not published yet
site-link-scheduled-hint = link to it once it is published, or build with --future to preview
site-link-draft = `@/{ $page }` is a draft, so it is not published
site-link-draft-hint = set `draft = false` in that page, or build with --drafts to preview
site-no-page = there is no page `content/{ $page }`
site-no-page-hint = write the path of the Markdown file inside content/, like `@/gioi-thieu.md`
site-anchor-no-headings = { $page } has no headings to link to
site-anchor-ids = the headings of that page have the ids: { $ids }
