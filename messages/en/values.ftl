# Values written in TOML files: texts in several languages, and dates.
value-local-text-expected = text in quotes, or a table of languages like { "{" } vi = "…", en = "…" { "}" }
value-local-text-empty = a table of languages needs at least one entry, like { "{" } vi = "…" { "}" }
# `{ $found }` is the kind of value written: string, integer, float, boolean, array, table.
value-date-type = expected a date like 2025-06-30, found { $found }
value-date-invalid = `{ $written }` is not a date; write it like 2025-06-30 (year-month-day)
