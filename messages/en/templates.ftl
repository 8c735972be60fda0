# Tera templates. `{ $message }` is Tera's own text, in English; `{ $name }` a template's name.
template-in = in template `{ $name }`: { $message }
template-error = in the templates: { $message }
# `{ $what }` is the page or list being made when the template failed.
template-while-rendering = while rendering { $what }
template-missing-parent = template `{ $current }` extends `{ $parent }`, which does not exist
template-missing-parent-hint = create templates/{ $parent }, or extend an existing template such as "base.html"
template-not-found = template `{ $name }` does not exist
template-not-found-hint = create templates/{ $name } in the site or the theme
# `{ $chain }` is the templates in order, like `a.html -> b.html -> a.html`.
template-extends-itself = template `{ $name }` extends itself through { $chain }
template-includes-itself = template `{ $name }` includes itself through { $chain }
template-i18n-key = the template uses the interface string `{ $key }`, which the i18n files do not have
# A missing interface string, told inside Tera's own message.
template-message-with-hint = { $message } ({ $hint })
template-chart-needs-id = chart() needs indicator="ID" or plan="ID"
template-not-a-date = `{ $value }` is not a date
