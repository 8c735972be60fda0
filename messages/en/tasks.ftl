# The plan's task table (tasks.xlsx or tasks.csv): its columns, rows, units and budgets.
task-no-group = the task is in no group
task-no-group-hint = write its group's id in the column 'Nhóm nhiệm vụ' (group), or put a group heading row (such as `II. CHÍNH PHỦ SỐ`) above it
task-no-groups-hint = the plan has no groups: add groups/*.md, or heading rows
task-no-id = the task has no id
task-no-id-hint = give every task an id such as NV-3.12 in 'Mã nhiệm vụ' (id), or number it in 'STT'
task-number-twice = the task number `{ $number }` is used twice in this group (as `{ $id }`)
task-id-twice = the task id `{ $id }` is used twice
task-id-twice-hint = the first is on row { $row }; give each task its own id
task-no-title = the task has no title
task-no-title-hint = write what the task is
task-no-lead = the task has no lead unit
task-no-lead-hint = write the unit that leads the task, by its name or its id
# `{ $name }` is the column's key: `due` or `start`.
task-no-date = the task has no `{ $name }`
task-bad-date = `{ $written }` is not a date or period
task-date-hint = write a date as 30/6/2025 or 2025-06-30, or a period as Quý IV/2025, Tháng 6/2025, Năm 2025; "trước 30/6/2025" and "Thường xuyên" (ongoing) also work
task-due-before-start = the task is due ({ $due }) before it starts ({ $start })
task-due-before-start-hint = check the start and due dates
task-status = `{ $written }` is not a task status
task-status-hint = write one of: { $words } (or chưa thực hiện, đang thực hiện, hoàn thành, đã hủy)
task-percent-range = { $value } is outside 0–100
task-percent-range-hint = `percent` (Tiến độ (%)) is the share of the work done, from 0 to 100
task-budget-unit = '{ $unit }' is not a unit of a budget
task-budget-unit-hint = write the amount in million VND (1.250), or with its unit (1.250 triệu đồng, 2 tỷ đồng); a funding note without a figure (Ngân sách tỉnh) is shown as written
# A column the table lacks: its Vietnamese name and its key, `'Cơ quan chủ trì' (lead)`.
task-missing-column = the column '{ $vietnamese }' ({ $key }) is missing
task-column-hint = name a column '{ $vietnamese }' or '{ $key }'
task-column-id-hint = name a column '{ $vietnamese }' or '{ $key }' (or number the tasks in a column 'STT')
task-unknown-unit = `{ $written }` is not in { $file }, so it is shown as written
task-no-units-hint = list the site's units in content/{ $file } (id, name, aliases) to show their current names and to link their tasks
task-unknown-unit-hint = add it to content/{ $file }, or write a unit's id or name
task-no-units-file = the site has no { $file }, so the { $count } { $count ->
        [one] unit
       *[other] units
    } named in this file { $count ->
        [one] is
       *[other] are
    } shown as written
task-unit-written-more = it is written { $more } more { $more ->
        [one] time
       *[other] times
    } in this file
