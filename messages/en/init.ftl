# `minhbach init`: creating a new site folder.
init-cannot-read = cannot read { $path }: { $error }
init-cannot-create = cannot create { $path }: { $error }
init-cannot-write = cannot write { $path }: { $error }
init-folder-not-empty = { $dir } already exists and is not empty
init-folder-not-empty-hint = choose a new folder, so that no file of yours is overwritten
init-ci-published = It is published by { $file }: read the comment at its top before the first push.
