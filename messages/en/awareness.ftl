# Awareness material: audiences, topics and the `[extra]` values of its pages.
# `{ $ids }` is a list of quoted ids: "citizens", "businesses".
awareness-term-did-you-mean = did you mean "{ $id }"? The ids are: { $ids }
awareness-no-topics = the site lists no topics
awareness-term-write-one-of = write one of: { $ids }
awareness-unknown-audience = `{ $text }` is not an audience this site knows
awareness-unknown-topic = `{ $text }` is not a topic this site knows; the page is not listed under it
# Added to a hint after "; ".
awareness-topic-add-own = or add it to `topics` under `[awareness]` in site-config.toml
awareness-topic-list-own = or list the site's own under `[awareness] topics` in site-config.toml
awareness-flag = `{ $key }` must be true or false
awareness-flag-hint = write `{ $key } = true` or `{ $key } = false`, without quotes
awareness-not-a-list = `{ $key }` must be a list of tables
awareness-item-not-a-table = item { $number } of `{ $key }` is not a table
awareness-write-each-as = write each one as { $example }
awareness-entries-example = [[extra.{ $key }]] with { $title } = "…" and { $text } = "…"
awareness-downloads-example = [[extra.downloads]] with title = "…" and file = "poster.pdf"
awareness-entry-empty = `{ $key }` of item { $number } of `{ $list }` is empty
awareness-entry-empty-hint = write the { $key } between the quotes
awareness-entry-not-text = `{ $key }` must be text
awareness-entry-not-text-hint = put the text in double quotes, or between """ lines for several paragraphs
awareness-entry-missing = item { $number } of `{ $list }` has no `{ $key }`
awareness-entry-missing-hint = add `{ $key } = "…"` to it
awareness-unknown-key = unknown key `{ $key }` in { $owner }
awareness-keys-allowed = the keys allowed here are: { $keys }
awareness-campaign-not-a-table = `campaign` must be a table with `start` and `end` dates
awareness-campaign-not-a-table-hint = write it as [extra.campaign] with start = 2025-10-01 and end = 2025-10-10 on the lines below
awareness-campaign-ends-first = the campaign ends ({ $end }) before it starts ({ $start })
awareness-campaign-ends-first-hint = swap the two dates, or correct the year
awareness-campaign-no-date = the campaign has no `{ $key }` date
awareness-campaign-no-date-hint = add `{ $key } = 2025-10-10` (year-month-day, without quotes)
awareness-campaign-not-a-date = `{ $key }` is not a date
awareness-campaign-not-a-date-hint = write `{ $key } = 2025-10-10` (year-month-day, without quotes)
awareness-download-missing = there is no file `content/{ $path }` to download
awareness-download-did-you-mean = did you mean "{ $file }"?
awareness-download-missing-hint = put the file in content/{ $dir } beside the page, or write its path as "@/folder/file.pdf"
