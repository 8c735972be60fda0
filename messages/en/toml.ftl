# Reading TOML files (site-config.toml, front matter, plan data, i18n files).
# `{ $what }` names what is read (a file, or the front matter of a page); `{ $message }` is the
# TOML reader's own text, in English.
toml-syntax = { $what } is not valid TOML: { $message }
toml-syntax-quote-hint = text values go in double quotes, like `title = "Kế hoạch 2025"`
toml-syntax-duplicate-hint = each key may appear only once in a table; remove or rename one of them
toml-syntax-equals-hint = each line is `key = value`; a key with spaces must be in quotes
toml-syntax-hint = check this line against the TOML format: `key = value`, text in double quotes, lists in [ ]
toml-value = { $what }: { $message }
toml-value-boolean-hint = write `true` or `false`, without quotes
toml-value-list-hint = write a list in square brackets, like `["a", "b"]`
toml-value-string-hint = put the text in double quotes
toml-value-integer-hint = write a whole number without quotes
toml-value-missing-field-hint = add a line `{ $field } = ...`
toml-unknown-key = unknown key `{ $key }` in { $what }
toml-unknown-key-allowed-hint = the keys allowed here are: { $keys }
