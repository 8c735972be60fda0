# site-config.toml: what is checked after it is read.
config-base-url = base_url `{ $url }` is not an absolute web address
config-base-url-hint = write the address the site will live at, like "https://so-tttt.example.gov.vn"
config-language-code = `{ $lang }` is not a language code
config-language-code-hint = use a short code such as "vi" or "en"
config-text-language = text is given in `{ $lang }`, which is not one of the site's languages
config-language-add-hint = add "{ $lang }" to `languages`, or remove that translation
# `{ $key }` is `id` or `segment`, the key of [awareness] topics that is wrong.
config-topic-not-address = topic { $key } `{ $value }` cannot be part of an address
config-topic-slug-hint = write "{ $slug }": lowercase letters, digits and dashes
config-topic-slug-empty-hint = use lowercase letters, digits and dashes, like "cashless"
config-topic-duplicate = topics { $first } and { $second } both have the { $key } `{ $value }`
config-topic-duplicate-hint = give each topic its own { $key }
config-topic-name-language = the name of topic `{ $topic }` is given in `{ $lang }`, which is not one of the site's languages
