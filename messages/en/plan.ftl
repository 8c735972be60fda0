# Plans: plan.toml, the plan's folder, its group and task pages, and the site's registries
# of units and places.
plan-status = `{ $status }` is not a plan status
plan-status-hint = write "draft", "approved" or "amended" (or "dự thảo", "đã phê duyệt", "điều chỉnh")
plan-attachment-missing = the attachment `{ $file }` is not in the plan's folder
plan-attachment-missing-hint = put the file in the plan's folder, next to plan.toml
plan-id-empty = the plan's `id` is empty
plan-id-empty-hint = give the plan a short id such as "kh-cds-2025"
plan-group-front-matter = a task group needs front matter with `id`, `order` and `title`
plan-group-front-matter-hint = start the file with +++, then id = "…", order = 1, title = "…", then +++
# What is being read, inside messages about TOML ("unknown key `x` in the group's front matter").
plan-group-front-matter-what = the group's front matter
plan-two-task-files = the plan has both { $first } and { $second }
plan-two-task-files-hint = keep the tasks in one file: { $first } is read, remove or rename { $second }
plan-task-page-unknown = `{ $id }` is not a task of this plan
plan-task-page-did-you-mean = name the file after the task: did you mean `{ $file }`?
plan-task-page-hint = name the file after a task id of { $file }, like tasks/NV-3.12.md
plan-page-unread = this page is inside a plan's groups/ or tasks/ folder but was not read
plan-data-format = { $file } is a spreadsheet format minhbach does not read
plan-data-format-hint = save it as .xlsx (Excel Workbook) or .csv (UTF-8) in the same folder
plan-indicator-in-two-plans = the indicator id `{ $id }` is used by two plans
plan-indicator-in-two-plans-hint = indicator ids are unique across the site; the other is in content/{ $dir }/
plan-group-unknown = `{ $group }` is not a task group of this plan
plan-groups-hint = the plan's groups are: { $groups }
registry-merged-unknown = `{ $id }` is not a place in this file
registry-no-units = `{ $written }` is not a known unit: content/{ $file } has none
registry-no-places = `{ $written }` is not a known place: content/{ $file } has none
registry-unknown-unit = `{ $written }` is not a known unit id
registry-unknown-place = `{ $written }` is not a known place id
registry-add-id-hint = use an id from content/{ $file }, or add `{ $written }` there
registry-place-kind = `{ $written }` is not a kind of place
registry-place-kinds-hint = write one of: { $kinds }
registry-duplicate-unit = the unit id `{ $id }` is used twice
registry-duplicate-place = the place id `{ $id }` is used twice
registry-duplicate-hint = give each entry its own id; keep old names in `names` and abbreviations in `aliases`
