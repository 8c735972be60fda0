# The run as a whole: the site folder, command-line overrides, files left in the output.
pipeline-base-url = --base-url `{ $url }` is not an absolute web address
pipeline-base-url-hint = write it with http:// or https://, like --base-url https://example.org
pipeline-site-in-use = the site is still in use
pipeline-foreign-file = { $path } was not written by minhbach, so the new site does not have it
pipeline-foreign-file-hint = put files the site should publish as they are in static/ (static/{ $file }), and they are copied on every build
# `{ $error }` is the system's own text.
pipeline-current-folder = cannot read the current folder: { $error }
pipeline-not-a-site = { $folder } has no { $config }, so it is not a minhbach site
pipeline-not-a-site-hint = run the command in the site's folder, pass --root DIR, or make a new site with `minhbach init DIR`
# A panic: a bug in minhbach. `{ $info }` is where and why it stopped, in English.
pipeline-panic = minhbach stopped because of an internal error ({ $info }).
pipeline-panic-report = This is a bug in minhbach, not in your site; please report it with the command you ran.
