# Writing the built site into its folder. `{ $error }` is the system's own text.
output-refuse = refusing to write the site into { $folder }: { $reason }
output-refuse-hint = choose a new folder for the built site, such as `--output public`
# Why a folder is refused (after "refusing to write the site into …:").
output-refuse-site-folder = it is the site folder itself
output-refuse-holds-site = it holds the site folder
output-refuse-protected = it is inside the site's { $folder }/ folder
output-refuse-file = it is a file
output-refuse-foreign = it already holds files that minhbach did not write
output-staging-failed = could not create a folder beside { $target }: { $error }
output-write-failed-kept = could not write { $path }: { $error }; the previous site was left as it was
output-swap-failed = could not put the new site in { $target }: { $error }
output-waiting = Waiting for another build into { $target } to finish…
output-create-failed = cannot create { $path }: { $error }
output-write-failed = cannot write { $path }: { $error }
output-not-inside = `{ $path }` is not a path inside the output folder
