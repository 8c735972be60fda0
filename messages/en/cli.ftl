# The command line: its summary lines and its own mistakes.
cli-lang-unknown = `{ $lang }` is not a language of minhbach's messages; use vi or en
cli-init-created = Created a new site in { $dir }.
cli-init-next = Preview it with: minhbach serve --root { $dir }
cli-built = Built { $pages } { $pages ->
        [one] page
       *[other] pages
    } into { $output } ({ $files } files: { $written } written, { $unchanged } unchanged) in { $ms } ms.
cli-checked = Checked { $pages } { $pages ->
        [one] page
       *[other] pages
    } ({ $files } files) in { $ms } ms: no errors.
summary-site-has-errors = The site has { $errors } { $errors ->
        [one] error
       *[other] errors
    } (and { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }); nothing was written.
