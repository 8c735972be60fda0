# Bảng nhiệm vụ của kế hoạch (tasks.xlsx hoặc tasks.csv): các cột, các hàng, đơn vị và kinh phí.
task-no-group = nhiệm vụ không thuộc nhóm nhiệm vụ nào
task-no-group-hint = hãy ghi mã nhóm của nhiệm vụ vào cột 'Nhóm nhiệm vụ' (group), hoặc đặt một hàng tiêu đề nhóm (ví dụ `II. CHÍNH PHỦ SỐ`) phía trên nhiệm vụ
task-no-groups-hint = kế hoạch chưa có nhóm nhiệm vụ nào: hãy thêm groups/*.md, hoặc các hàng tiêu đề nhóm
task-no-id = nhiệm vụ chưa có mã
task-no-id-hint = hãy đặt cho mỗi nhiệm vụ một mã như NV-3.12 trong cột 'Mã nhiệm vụ' (id), hoặc đánh số ở cột 'STT'
task-number-twice = số thứ tự `{ $number }` bị dùng hai lần trong nhóm này (cùng cho ra mã `{ $id }`)
task-id-twice = mã nhiệm vụ `{ $id }` bị dùng hai lần
task-id-twice-hint = nhiệm vụ đầu tiên nằm ở hàng { $row }; hãy đặt cho mỗi nhiệm vụ một mã riêng
task-no-title = nhiệm vụ chưa có tên
task-no-title-hint = hãy ghi nội dung của nhiệm vụ
task-no-lead = nhiệm vụ chưa có cơ quan chủ trì
task-no-lead-hint = hãy ghi đơn vị chủ trì nhiệm vụ, bằng tên hoặc mã của đơn vị
# `{ $name }` là khóa của cột: `due` (thời hạn) hoặc `start` (ngày bắt đầu).
task-no-date = nhiệm vụ chưa có `{ $name }`
task-bad-date = `{ $written }` không phải ngày hay kỳ hợp lệ
task-date-hint = hãy viết ngày theo dạng 30/6/2025 hoặc 2025-06-30, hoặc viết kỳ như Quý IV/2025, Tháng 6/2025, Năm 2025; cũng có thể viết "trước 30/6/2025" và "Thường xuyên"
task-due-before-start = thời hạn của nhiệm vụ ({ $due }) sớm hơn ngày bắt đầu ({ $start })
task-due-before-start-hint = hãy kiểm tra ngày bắt đầu và thời hạn
task-status = `{ $written }` không phải trạng thái nhiệm vụ
task-status-hint = hãy viết một trong các giá trị: { $words } (hoặc chưa thực hiện, đang thực hiện, hoàn thành, đã hủy)
task-percent-range = { $value } nằm ngoài khoảng 0–100
task-percent-range-hint = `percent` (Tiến độ (%)) là phần công việc đã hoàn thành, từ 0 đến 100
task-budget-unit = '{ $unit }' không phải đơn vị tính kinh phí
task-budget-unit-hint = hãy viết số tiền theo đơn vị triệu đồng (1.250), hoặc kèm đơn vị (1.250 triệu đồng, 2 tỷ đồng); ghi chú nguồn kinh phí không có con số (Ngân sách tỉnh) được hiển thị đúng như đã viết
# Cột mà bảng còn thiếu: tên tiếng Việt và khóa của cột, `'Cơ quan chủ trì' (lead)`.
task-missing-column = thiếu cột '{ $vietnamese }' ({ $key })
task-column-hint = hãy đặt tên một cột là '{ $vietnamese }' hoặc '{ $key }'
task-column-id-hint = hãy đặt tên một cột là '{ $vietnamese }' hoặc '{ $key }' (hoặc đánh số nhiệm vụ trong một cột 'STT')
task-unknown-unit = `{ $written }` không có trong { $file }, nên được hiển thị đúng như đã viết
task-no-units-hint = hãy liệt kê các đơn vị của trang web trong content/{ $file } (id, name, aliases) để hiển thị tên hiện hành của đơn vị và liên kết tới nhiệm vụ của đơn vị
task-unknown-unit-hint = hãy thêm đơn vị này vào content/{ $file }, hoặc viết mã hay tên của một đơn vị đã có
task-no-units-file = trang web chưa có { $file }, nên { $count } đơn vị được nêu trong tệp này được hiển thị đúng như đã viết
task-unit-written-more = tên này còn được viết thêm { $more } lần nữa trong tệp này
