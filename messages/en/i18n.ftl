# The theme's interface strings (i18n/vi.toml, i18n/en.toml): what visitors read around the content.
i18n-no-default = the theme has no interface strings for the default language `{ $lang }`
i18n-no-default-hint = add i18n/{ $lang }.toml with the theme's strings
i18n-no-language = the theme has no interface strings for `{ $lang }`
i18n-no-language-hint = add i18n/{ $lang }.toml; until then the interface shows { $default } text
i18n-untranslated = { $count } { $count ->
        [one] interface string has
       *[other] interface strings have
    } no `{ $lang }` translation: { $keys }
i18n-untranslated-hint = until they are translated, those strings show in `{ $default }`
i18n-missing-key = there is no interface string `{ $key }` in i18n/{ $lang }.toml
i18n-missing-key-hint = add `{ $key } = "…"` to the theme's i18n/{ $lang }.toml
