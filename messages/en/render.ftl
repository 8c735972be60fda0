# Making the site's files: where each is written, which template makes it.
render-search-collision = { $path } would be written inside { $folder }, where the search index goes
render-search-collision-hint = rename the page or static file, or turn search off with `[search] enabled = false`
render-output-twice = two outputs would be written to { $path }
render-static-and-page = a static file and a page would both be written to { $path }
render-static-and-page-hint = rename the static file or the page
render-same-error = and { $others } other { $others ->
        [one] page
       *[other] pages
    } with the same error
# What was being made when a template failed (after "while rendering").
render-section = the section { $path }
render-not-found-page = the 404 page
render-tag-list = the tag list { $path }
render-tag-page = the tag page { $path }
render-tag-empty = the tag `{ $tag }` has no pages
render-page-template-missing = the page asks for template `{ $name }`, which does not exist
render-page-template-missing-hint = create templates/{ $name }, or remove `template` to use the default
render-theme-template-missing = the theme has no `{ $name }` template
render-theme-template-missing-hint = add templates/{ $name } to the site or the theme
render-shortcode-hint = the shortcode is chart(indicator="ID", kind="trend")
render-chart-names-nothing = the chart names no indicator (indicator="ID") or plan (plan="ID")
