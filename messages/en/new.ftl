# `minhbach new`: a news article, an awareness piece, a page or a task added to a site.
new-title-empty = the title is empty
new-title-empty-hint = write the title in quotes: minhbach new news "Ra mắt cổng thông tin"
new-title-no-letters = the title `{ $title }` has no letter or digit to make a file name from
new-title-no-letters-hint = give a title with words in it, like "Ra mắt cổng thông tin"
new-path-outside = `{ $path }` is not a path inside content/
new-path-outside-hint = write the page's path inside content/, like gioi-thieu/lich-su.md
new-exists = { $file } already exists
new-exists-hint = edit that file, or choose another title or path; minhbach never overwrites a file
new-site-would-not-build = nothing was written: the site would not build with { $file }
new-no-news-section = the site has no news section
new-no-news-section-hint = make one: a folder of content/ (such as tin-tuc/) with an _index.md whose [extra] has kind = "news"
new-no-awareness-section = the site has no awareness section
new-no-awareness-section-hint = make one: a folder of content/ (such as nang-cao-nhan-thuc/) with an _index.md whose [extra] has kind = "awareness"
new-section-of-other-kind = content/{ $dir } is not a { $kind } section (the site's: { $sections })
new-section-not-a-folder = content/{ $dir } is not a folder of the site (its { $kind } sections: { $sections })
new-sections-none = none
new-section-hint = name a folder of content/ whose _index.md has kind = "{ $kind }" under [extra]
new-no-plan = the site has no plan
new-no-plan-hint = a plan is a folder of content/ with a plan.toml; see the README's "Plans"
new-not-a-plan = content/{ $dir } is not a plan (the site's plans: { $plans })
new-not-a-plan-hint = name the folder of content/ that holds the plan's plan.toml
new-task-spreadsheet = the plan's tasks are in { $file }, which minhbach does not write
new-task-spreadsheet-hint = add the task as a new row in the spreadsheet, under its group, with its id, title, lead, due date and status
new-task-unwritable = minhbach cannot add a row to { $file } as it is laid out
new-task-unwritable-hint = add the task as a new row in a spreadsheet
new-task-no-group = the plan has no group `{ $group }` (its groups: { $groups })
new-task-no-group-hint = name a group by its id, its number or its title
new-task-group-without-tasks = the table has no task of group `{ $group }` yet, so a new row cannot be placed under it
new-task-group-without-tasks-hint = add the group's heading row and first task in a spreadsheet; later tasks can be added with minhbach new task
new-task-lead = say which unit leads the task
new-task-lead-hint = add --lead with the unit's name, like --lead "Văn phòng Sở"
new-task-not-accepted = nothing was written: the plan would not accept this row of { $file }
# What `new` prints when it has written the file.
new-created = Created { $path }
new-task-added = Added task { $id } to { $path }, line { $line }.
new-task-check = Check what was filled in for you: group { $group }, lead { $lead }, due { $due }, not started. Edit the row in a spreadsheet or a text editor.
new-others = (The site has others where it could go: { $others }. Choose one with --section or --plan.)
