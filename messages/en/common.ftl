# Words shared by many stages.
# `{ $suggestion }` is written as the user would write it (`#anchor`, `@/page.md`, a key).
did-you-mean = did you mean `{ $suggestion }`?
