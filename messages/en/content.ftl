# Pages and their front matter: the `+++` block, the page's language, its title.
content-front-matter-yaml = front matter must be TOML between `+++` lines, not YAML between `---` lines
content-front-matter-yaml-hint = change both `---` lines to `+++` and write each field as `key = value`
content-front-matter-unclosed = the front matter is opened with `+++` but never closed
content-front-matter-unclosed-hint = add a line with only `+++` after the last front-matter field
# What is being read, inside messages about TOML ("unknown key `x` in front matter").
content-front-matter-what = front matter
content-lang-conflict = the file name says the page is in `{ $suffix }` but `lang` says `{ $written }`
content-lang-conflict-hint = remove `lang`; the file name already says the language
content-lang-unknown = `lang = "{ $written }"` is not one of the site's languages
content-lang-unknown-hint = the site's languages are: { $languages }
content-missing-title = the page has no title
content-missing-title-hint = add `title = "…"` to the front matter; the file name is used meanwhile
content-suffix-language = `{ $file }` looks like a translation into `{ $lang }`, which is not one of the site's languages
content-suffix-language-hint = add "{ $lang }" to `languages` in site-config.toml, or rename the file
