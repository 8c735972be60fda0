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
cli-seconds = `{ $text }` is not a number of seconds above 0 and at most 600
cli-external-starting = Checking external links: this asks other servers and may take a while.
cli-external-summary = External links: { $links } { $links ->
        [one] link
       *[other] links
    } to { $addresses } { $addresses ->
        [one] address
       *[other] addresses
    } asked for: { $dead } dead, { $unconfirmed } could not be confirmed.
