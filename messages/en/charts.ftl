# Charts of plan data asked for by a shortcode or a template's chart().
chart-no-indicator = there is no indicator `{ $id }`
chart-no-indicator-close = there is no indicator `{ $id }` (did you mean `{ $suggestion }`?)
chart-no-breakdown = `{ $id }` has no readings broken down
chart-no-plan = there is no plan `{ $id }`
chart-unknown-kind = there is no chart kind `{ $kind }`; the kinds are { $kinds }
chart-unknown-kind-close = there is no chart kind `{ $kind }` (did you mean `{ $suggestion }`?)
