# Reading the site folder: the theme, file names, links, unreadable and non-UTF-8 files.
source-theme-missing = theme `{ $theme }` was not found
source-theme-missing-hint = put the theme in { $folder }, or use theme = "default"
source-name-not-utf8 = the name of { $path } is not UTF-8 text
source-name-as-stored = the name as stored: { $name }
source-name-not-utf8-hint = rename it with a name typed on this computer (Vietnamese letters are fine)
source-link-out-of-site = { $file } is a link to { $target }, outside the site folder
source-link-out-of-site-hint = copy the file into the site folder instead of linking to it
source-not-found = { $file } was not found
source-not-found-hint = check the file name and that it is in the site folder
source-permission-denied = { $file } cannot be read: permission denied
source-permission-denied-hint = give your user permission to read the file (for example `chmod a+r`)
# `{ $error }` is the system's own text.
source-unreadable = { $file } cannot be read: { $error }
source-unreadable-hint = check that the file is a regular file and the disk is readable
# `{ $byte }` counts from 0 from the start of the file.
source-not-utf8 = { $file } is not UTF-8 text (byte { $byte } cannot be read as UTF-8)
source-not-utf8-hint = save the file as UTF-8; in a spreadsheet or Word choose "UTF-8" as the encoding (files saved as Windows-1258 or TCVN3 show this error)
