# The one-line progress display of a long build, redrawn on a terminal.
progress-stage = { $stage }…
progress-files = { $stage }: { $files } { $files ->
        [one] file
       *[other] files
    }
progress-read = Reading the site folder
progress-parse = Reading pages
progress-plans = Reading plans and their data
progress-awareness = Reading awareness material
progress-link = Linking pages
progress-markdown = Turning Markdown into HTML
progress-search-index = Indexing for search
progress-templates = Preparing templates
progress-render = Rendering and writing pages
progress-swap-in = Putting the new site in place
progress-external-links = Asking for external links
progress-content-rules = Checking the content
progress-working = Working
